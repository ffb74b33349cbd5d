import { localDateAsUtc } from '@symmetry/domain';
import { codes, createTestApp, type TestApp } from '../setup/test-app';
import { newTeam } from '../setup/factories';
import { MirrorService, periodStartOf } from '../../apps/api/src/modules/mirror/mirror.service';

const UPSERT = `mutation($i: UpsertCustomerMetricsInput!) { upsertCustomerMetrics(input: $i) { valid applied rows inserted updated unchanged } }`;
const MIRROR = `query($t: ID, $n: Int, $p: String) { mirrorView(teamId: $t, periods: $n, period: $p) { periods k teamId
  pairs { key customer { key } employee { key } current { period gap customer { value n score } employee { value n score } }
    trend { period gap } correlation { verdict bestLag reading { en fr } pearson { lag n r ciLow ciHigh } spearman { lag r } scatter { teamId } fit { slope } } }
  heatmap { teamId teamName pairKey gap } } }`;

describe('the mirror', () => {
  let t: TestApp;
  let hr: string;
  let manager: string;
  let teamName: string;
  let teamId: string;
  /** The organisation's month (Paris), `offset` months from the current one. */
  const month = (offset: number) => {
    const d = localDateAsUtc(new Date(), 'Europe/Paris');
    return periodStartOf('MONTH', new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)));
  };

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
    manager = await t.login('manager@meridian.example');
    [{ id: teamId, name: teamName }] = await t.db.query(
      `SELECT t.id, t.name FROM team t JOIN person p ON p.team_id = t.id WHERE p.email = 'employee@meridian.example'`,
    );
  });
  afterAll(() => t.close());

  it('ships the seven pairs on both sides; HR may edit a definition', async () => {
    const r = await t.gql(
      `{ metricDefinitions { key side direction scaleMin scaleMax name { en fr } } }`,
      {},
      hr,
    );
    expect(r.data!.metricDefinitions).toHaveLength(14);
    expect(r.data!.metricDefinitions.filter((d: { side: string }) => d.side === 'CUSTOMER')).toHaveLength(7);
    const m = await t.gql(
      `mutation { updateMetricDefinition(key: "complaints_per_100", input: { scaleMax: 50 }) { scaleMax direction } }`,
      {},
      hr,
    );
    expect(m.errors).toBeUndefined();
    expect(m.data!.updateMetricDefinition).toEqual({ scaleMax: 50, direction: 'LOWER_IS_BETTER' });
    const bad = await t.gql(
      `mutation { updateMetricDefinition(key: "customer_csat", input: { scaleMin: 200 }) { key } }`,
      {},
      hr,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const employee = await t.login('employee@meridian.example');
    expect(codes(await t.gql(`{ metricDefinitions { key } }`, {}, employee))).toEqual(['FORBIDDEN']);
  });

  it('upserts customer figures: re-sending changes nothing, a bad row refuses the batch', async () => {
    const rows = [
      {
        team: teamName,
        metric: 'customer_csat',
        periodKind: 'MONTH',
        periodStart: month(-1),
        value: 81.5,
        sampleSize: 240,
      },
      {
        team: teamId,
        metric: 'customer_nps',
        periodKind: 'MONTH',
        periodStart: month(-1),
        value: 22,
        sampleSize: 240,
      },
    ];
    const first = await t.gql(UPSERT, { i: { source: 'test-crm', rows } }, hr);
    expect(first.data!.upsertCustomerMetrics).toMatchObject({
      valid: true,
      applied: true,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const again = await t.gql(UPSERT, { i: { source: 'test-crm', rows } }, hr);
    expect(again.data!.upsertCustomerMetrics).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = await t.gql(UPSERT, { i: { source: 'test-crm', rows: [{ ...rows[0], value: 83 }] } }, hr);
    expect(changed.data!.upsertCustomerMetrics).toMatchObject({ inserted: 0, updated: 1 });
    const bad = await t.gql(
      UPSERT,
      {
        i: {
          source: 'test-crm',
          rows: [
            { ...rows[1], value: 30 },
            { ...rows[0], value: 140 },
          ],
        },
      },
      hr,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('input.rows.1.value');
    const [{ value }] = await t.db.query(
      `SELECT v.value::text FROM metric_value v JOIN metric_definition d ON d.id = v.metric_id WHERE d.key = 'customer_nps' AND v.source = 'test-crm'`,
    );
    expect(value).toBe('22.0000');
    const internal = await t.gql(UPSERT, { i: { rows: [{ ...rows[0], metric: 'enps' }] } }, hr);
    expect(internal.errors![0].extensions!.field).toBe('input.rows.0.metric');
    const misaligned = await t.gql(
      UPSERT,
      { i: { rows: [{ ...rows[0], periodStart: `${month(-1).slice(0, 8)}15` }] } },
      hr,
    );
    expect(misaligned.errors![0].message).toMatch(/starts on the 1st/);
  });

  it('one value per team, metric and period: the platform’s first, then the latest figure, its source named', async () => {
    const [{ id: team }] = await t.db.query(
      `SELECT id FROM team WHERE kind = 'FRONT_LINE' ORDER BY name DESC OFFSET 1 LIMIT 1`,
    );
    const period = month(-2);
    await t.db.query(`DELETE FROM metric_value WHERE team_id = $1 AND period_start = $2`, [team, period]);
    const send = async (source: string, value: number, sampleSize: number) => {
      const r = await t.gql(
        UPSERT,
        {
          i: {
            source,
            rows: [
              { team, metric: 'customer_csat', periodKind: 'MONTH', periodStart: period, value, sampleSize },
            ],
          },
        },
        hr,
      );
      expect(r.errors).toBeUndefined();
    };
    const csat = async () => {
      const r = await t.gql(
        `query($t: ID, $p: String) { mirrorView(teamId: $t, periods: 1, period: $p) {
           pairs { key current { customer { value n sources } employee { value n sources } } } } }`,
        { t: team, p: period },
        hr,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.mirrorView.pairs.find((p: { key: string }) => p.key === 'csat').current;
    };
    await send('crm-a', 60, 100);
    await t.db.query(
      `UPDATE metric_value SET updated_at = updated_at - interval '1 minute' WHERE source = 'crm-a'`,
    );
    await send('crm-b', 90, 300);
    // Not the two blended (82.5 from 400 answers): the latest figure, from its own answers.
    expect((await csat()).customer).toEqual({ value: 90, n: 300, sources: ['crm-b'] });
    // A correction from the first source is now the latest; re-sending it unchanged moves nothing.
    await t.db.query(
      `UPDATE metric_value SET updated_at = updated_at - interval '1 minute' WHERE source = 'crm-b'`,
    );
    await send('crm-a', 70, 120);
    expect((await csat()).customer).toEqual({ value: 70, n: 120, sources: ['crm-a'] });
    // Internal figures: the platform's wins over any other row, however recent.
    await t.db.query(
      `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source, updated_at)
       SELECT d.organization_id, d.id, $1, 'MONTH', $2, x.value, 40, x.source, now() + x.later
         FROM metric_definition d CROSS JOIN (VALUES (55, 'platform', interval '0'), (99, 'other', interval '1 hour')) AS x(value, source, later)
        WHERE d.key = 'internal_csat'`,
      [team, period],
    );
    expect((await csat()).employee).toEqual({ value: 55, n: 40, sources: ['platform'] });
  });

  it('imports a CSV with a row-by-row report, applying only a valid file', async () => {
    const csv = [
      'team,metric,period_kind,period_start,value,sample_size',
      `${teamName},customer_effort,MONTH,${month(-2)},5.2,180`,
      `Nowhere team,customer_effort,MONTH,${month(-2)},5.2,180`,
      `${teamName},customer_retention,QUARTER,${periodStartOf('QUARTER', new Date())},91,500`,
      `${teamName},customer_csat,MONTH,${month(-2)},abc,10`,
    ].join('\n');
    const IMPORT = `mutation($c: String!, $a: Boolean!) { importCustomerMetricsCsv(csv: $c, apply: $a) { valid applied rows inserted problems { line field message } } }`;
    const r = await t.gql(IMPORT, { c: csv, a: true }, hr);
    expect(r.data!.importCustomerMetricsCsv).toMatchObject({
      valid: false,
      applied: false,
      rows: 4,
      inserted: 0,
    });
    expect(r.data!.importCustomerMetricsCsv.problems).toEqual([
      { line: 3, field: 'team', message: 'Unknown team "Nowhere team"' },
      { line: 5, field: 'value', message: 'Expected a number (at most 4 decimals)' },
    ]);
    const fixed = csv
      .split('\n')
      .filter((_, i) => i !== 2 && i !== 4)
      .join('\n');
    const ok = await t.gql(IMPORT, { c: fixed, a: true }, hr);
    expect(ok.data!.importCustomerMetricsCsv).toMatchObject({
      valid: true,
      applied: true,
      inserted: 2,
      problems: [],
    });
  });

  it('a CRM pushes figures with its own key, which opens nothing else and can be revoked', async () => {
    const created = await t.gql(
      `mutation { createIntakeApiKey(name: "Salesforce") { key apiKey { id prefix } } }`,
      {},
      hr,
    );
    const { key, apiKey } = created.data!.createIntakeApiKey;
    expect(key).toMatch(new RegExp(`^sym_${apiKey.prefix}_`));
    const [{ key_hash }] = await t.db.query(`SELECT key_hash FROM intake_api_key WHERE id = $1`, [apiKey.id]);
    expect(key_hash).not.toContain(key.slice(13));
    const body = {
      rows: [
        {
          team: teamName,
          metric: 'first_contact_resolution',
          periodKind: 'MONTH',
          periodStart: month(-1),
          value: 71,
          sampleSize: 300,
        },
      ],
    };
    const post = () =>
      t
        .http()
        .post('/api/intake/customer-metrics')
        .set('authorization', `Bearer ${key}`)
        .set('content-type', 'application/json');
    const ok = await post().send(body);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });
    const again = await post().send(body);
    expect(again.body).toEqual({ rows: 1, inserted: 0, updated: 0, unchanged: 1 });
    const bad = await post().send({ rows: [body.rows[0], { ...body.rows[0], periodKind: 'DAY' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      { line: 2, field: 'period_kind', message: 'Expected WEEK, MONTH or QUARTER' },
    ]);
    const csv = await t
      .http()
      .post('/api/intake/customer-metrics')
      .set('authorization', `Bearer ${key}`)
      .set('content-type', 'text/csv')
      .send(
        `team,metric,period_kind,period_start,value,sample_size\n${teamName},first_contact_resolution,MONTH,${month(-2)},69,280\n`,
      );
    expect(csv.body).toMatchObject({ inserted: 1 });
    // The key is not a session: GraphQL refuses it.
    const gql = await t.gql(`{ metricDefinitions { key } }`, {}, key);
    expect(codes(gql)).toEqual(['UNAUTHENTICATED']);
    expect(
      (
        await t
          .http()
          .post('/api/intake/customer-metrics')
          .set('authorization', 'Bearer sym_00000000_nope-nope-nope-nope-nope')
          .send(body)
      ).status,
    ).toBe(401);
    await t.gql(`mutation($id: ID!) { revokeIntakeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, hr);
    expect((await post().send(body)).status).toBe(401);
  });

  it('the organisation mirror: pairs side by side, heatmap, and a lagged link read in plain words', async () => {
    // 12 teams × 6 months where the customer side follows the internal side one month later.
    const teams: { id: string }[] = await t.db.query(`SELECT id FROM team ORDER BY name LIMIT 12`);
    const [{ id: enpsId }] = await t.db.query(`SELECT id FROM metric_definition WHERE key = 'enps'`);
    // Only this test's figures for these teams (the demo's CRM and platform figures set aside), and
    // no other team's eNPS or customer NPS: the lagged link pools every visible team, and the demo's
    // figures (survey waves laid relative to today) would move it with the date.
    await t.db.query(`DELETE FROM metric_value WHERE team_id = ANY($1::uuid[])`, [teams.map((x) => x.id)]);
    await t.db.query(
      `DELETE FROM metric_value v USING metric_definition d
        WHERE d.id = v.metric_id AND d.key IN ('enps', 'customer_nps')`,
    );
    const rows: unknown[] = [];
    const internal = (ti: number, mi: number) => ((ti * 37 + mi * 53) % 80) - 20;
    for (const [ti, team] of teams.entries())
      for (let mi = 0; mi < 6; mi++) {
        await t.db.query(
          `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
           SELECT organization_id, $1, $2, 'MONTH', $3, $4, 40, 'test-internal' FROM team WHERE id = $2`,
          [enpsId, team.id, month(mi - 5), internal(ti, mi)],
        );
        if (mi > 0)
          rows.push({
            team: team.id,
            metric: 'customer_nps',
            periodKind: 'MONTH',
            periodStart: month(mi - 5),
            value: internal(ti, mi - 1) * 0.8 + 10,
            sampleSize: 200,
          });
      }
    const up = await t.gql(UPSERT, { i: { source: 'lag-test', rows } }, hr);
    expect(up.errors).toBeUndefined();
    const r = await t.gql(MIRROR, { n: 6 }, hr);
    expect(r.errors).toBeUndefined();
    const view = r.data!.mirrorView;
    expect(view.periods).toHaveLength(6);
    expect(view.periods[5]).toBe(month(0));
    expect(view.pairs.map((p: { key: string }) => p.key)).toEqual([
      'nps',
      'csat',
      'effort',
      'commitments',
      'escalations',
      'retention',
      'autonomy',
    ]);
    const nps = view.pairs[0];
    const lag1 = nps.correlation.pearson.find((l: { lag: number }) => l.lag === 1);
    expect(lag1.n).toBeGreaterThanOrEqual(12 * 5 - 12);
    expect(lag1.r).toBeGreaterThan(0.95);
    expect(nps.correlation.verdict).toBe('LINK');
    expect(nps.correlation.bestLag).toBe(1);
    expect(nps.correlation.reading.en).toMatch(/link/i);
    expect(nps.correlation.reading.fr).toMatch(/lien/i);
    expect(nps.current.employee.score).toBeGreaterThanOrEqual(0);
    expect(view.heatmap.length).toBeGreaterThan(12 * 7 - 1);
    // With too few teams, the reading refuses to conclude.
    const one = await t.gql(MIRROR, { n: 2, t: teams[0].id }, hr);
    expect(one.data!.mirrorView.teamId).toBe(teams[0].id);
    const small = await t.gql(MIRROR, { n: 2, p: month(-4) }, hr);
    expect(small.errors).toBeUndefined();
  });

  it('figures from fewer than k answers are neither shown nor used', async () => {
    const [{ id: team }] = await t.db.query(
      `SELECT id FROM team WHERE name NOT LIKE '%Lyon%' ORDER BY name DESC LIMIT 1`,
    );
    await t.gql(
      UPSERT,
      {
        i: {
          source: 'tiny',
          rows: [
            {
              team,
              metric: 'customer_retention',
              periodKind: 'MONTH',
              periodStart: month(0),
              value: 10,
              sampleSize: 3,
            },
          ],
        },
      },
      hr,
    );
    const r = await t.gql(MIRROR, { n: 1, t: team }, hr);
    const retention = r.data!.mirrorView.pairs.find((p: { key: string }) => p.key === 'retention');
    expect(retention.current.customer).toBeNull();
  });

  it('employee retention per team and period, from leaving dates; teams under k people show none', async () => {
    const [{ org }] = await t.db.query(
      `SELECT organization_id AS org FROM person WHERE email = 'hr@meridian.example'`,
    );
    const team = await newTeam(t.db, org, 'Retention test team');
    const tiny = await newTeam(t.db, org, 'Retention tiny team');
    const p = month(-1); // the last completed month: [p, next)
    const next = month(0);
    const prev = month(-2);
    const day = (start: string, d: number) => `${start.slice(0, 8)}${String(d).padStart(2, '0')}`;
    // hire date, leaving date
    const people: [string, string | null][] = [
      ['2020-01-01', day(p, 10)], // leaves during p
      ['2020-01-01', day(p, 20)], // leaves during p
      ['2020-01-01', next], // first day away is the next period's first day: a leaver of p
      ['2020-01-01', p], // gone on p's first day: a leaver of the month before, not in p's count
      ['2020-01-01', day(prev, 12)], // left the month before
      ...Array.from({ length: 6 }, (): [string, null] => ['2020-01-01', null]), // stay
      [day(p, 3), null], // hired during p: not in p's starting head count
    ];
    for (const [i, [hire, left]] of people.entries())
      await t.db.query(
        `INSERT INTO person (organization_id, first_name, last_name, email, team_id, hire_date, left_on)
         VALUES ($1, 'Ret', $2, $3, $4, $5, $6)`,
        [org, `Person ${i}`, `ret-${i}@retention.example`, team, hire, left],
      );
    for (let i = 0; i < 4; i++)
      await t.db.query(
        `INSERT INTO person (organization_id, first_name, last_name, email, team_id, hire_date, left_on)
         VALUES ($1, 'Tiny', $2, $3, $4, '2020-01-01', $5)`,
        [org, `Person ${i}`, `tiny-${i}@retention.example`, tiny, i === 0 ? day(p, 15) : null],
      );
    const refreshed = await t.gql(`mutation { refreshInternalMetrics }`, {}, hr);
    expect(refreshed.errors).toBeUndefined();
    const figures = await t.db.query(
      `SELECT to_char(v.period_start, 'YYYY-MM-DD') AS start, v.value::float AS value, v.sample_size AS n
         FROM metric_value v JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'employee_retention'
        WHERE v.team_id = $1 AND v.period_kind = 'MONTH' AND v.source = 'platform' AND v.period_start >= $2
        ORDER BY v.period_start`,
      [team, prev],
    );
    // p: 9 in the team on its first day (11 hired before, less the 2 gone by then); 6 of them stay.
    // The month before: 11 on its first day; 2 gone by p's first day.
    expect(figures).toEqual([
      { start: prev, value: 81.8182, n: 11 },
      { start: p, value: 66.6667, n: 9 },
    ]);
    // The month under way has no figure yet; the quarter only once it is over.
    expect(figures.some((f: { start: string }) => f.start === next)).toBe(false);
    // The mirror shows it beside customer retention, with its rule.
    const v = await t.gql(
      `query($t: ID, $p: String) { mirrorView(teamId: $t, periods: 2, period: $p) { pairs { key employee { key rule { en fr } }
         current { employee { value n } } } } }`,
      { t: team, p },
      hr,
    );
    expect(v.errors).toBeUndefined();
    const retention = v.data!.mirrorView.pairs.find((x: { key: string }) => x.key === 'retention');
    expect(retention.employee.key).toBe('employee_retention');
    expect(retention.employee.rule.en).toMatch(/first day of the period/);
    expect(retention.current.employee).toEqual({ value: 66.6667, n: 9 });
    // A team of 4 (< k = 5): neither stored nor shown, though one of them left.
    const [{ n: tinyRows }] = await t.db.query(
      `SELECT count(*)::int AS n FROM metric_value v JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'employee_retention'
        WHERE v.team_id = $1`,
      [tiny],
    );
    expect(tinyRows).toBe(0);
    const small = await t.gql(
      `query($t: ID, $p: String) { mirrorView(teamId: $t, periods: 1, period: $p) { pairs { key current { employee { value } } } } }`,
      { t: tiny, p },
      hr,
    );
    expect(
      small.data!.mirrorView.pairs.find((x: { key: string }) => x.key === 'retention').current.employee,
    ).toBeNull();
    // The demo's former staff give the demo teams a retention figure.
    const [{ n: demo }] = await t.db.query(
      `SELECT count(*)::int AS n FROM metric_value v JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'employee_retention'
        JOIN team tm ON tm.id = v.team_id WHERE tm.name = $1 AND v.value < 100`,
      [teamName],
    );
    expect(demo).toBeGreaterThan(0);
  });

  it('autonomy per team and period from the decision log, beside first-contact resolution; under k decisions none', async () => {
    const [{ org, hrId }] = await t.db.query(
      `SELECT organization_id AS org, id AS "hrId" FROM person WHERE email = 'hr@meridian.example'`,
    );
    const team = await newTeam(t.db, org, 'Autonomy test team');
    const few = await newTeam(t.db, org, 'Autonomy few team');
    const [{ id: type }] = await t.db.query(
      `SELECT id FROM decision_type WHERE organization_id = $1 LIMIT 1`,
      [org],
    );
    const p = month(-1);
    const at = `${p.slice(0, 8)}15T10:00:00Z`;
    const person = async (teamId: string, i: number) =>
      (
        await t.db.query(
          `INSERT INTO person (organization_id, first_name, last_name, email, team_id, hire_date)
           VALUES ($1, 'Auto', $2, $3, $4, '2020-01-01') RETURNING id`,
          [org, `P${i}`, `auto-${teamId.slice(0, 6)}-${i}@autonomy.example`, teamId],
        )
      )[0].id as string;
    const decider = await person(team, 1);
    const log = (teamId: string, who: string, kind: string, review: string | null) =>
      t.db.query(
        `INSERT INTO decision_log (organization_id, team_id, person_id, decision_type_id, kind, summary, decided_at,
           escalated_to, levels_crossed, justification, review)
         VALUES ($1, $2, $3, $4, $5, 'test', $6, $7, $8, $9, $10)`,
        [
          org,
          teamId,
          who,
          type,
          kind,
          at,
          kind === 'ESCALATED' ? hrId : null,
          kind === 'ESCALATED' ? 1 : null,
          kind === 'BEYOND_RIGHTS' ? 'customer waiting' : null,
          review,
        ],
      );
    // 4 alone, 2 escalated, 1 beyond rights confirmed, 1 beyond rights not yet reviewed:
    // settled 5 of 7 reviewed.
    for (let i = 0; i < 4; i++) await log(team, decider, 'DECIDED_LOCALLY', null);
    for (let i = 0; i < 2; i++) await log(team, decider, 'ESCALATED', null);
    await log(team, decider, 'BEYOND_RIGHTS', 'CONFIRMED');
    await log(team, decider, 'BEYOND_RIGHTS', 'PENDING');
    const other = await person(few, 2);
    for (let i = 0; i < 3; i++) await log(few, other, 'DECIDED_LOCALLY', null);
    expect((await t.gql(`mutation { refreshInternalMetrics }`, {}, hr)).errors).toBeUndefined();
    const figures = await t.db.query(
      `SELECT v.team_id, v.value::float AS value, v.sample_size AS n FROM metric_value v
         JOIN metric_definition d ON d.id = v.metric_id AND d.key = 'autonomy'
        WHERE v.team_id = ANY($1) AND v.period_kind = 'MONTH' AND v.period_start = $2 AND v.source = 'platform'`,
      [[team, few], p],
    );
    expect(figures).toEqual([{ team_id: team, value: 71.4286, n: 7 }]);
    const v = await t.gql(
      `query($t: ID, $p: String) { mirrorView(teamId: $t, periods: 2, period: $p) { pairs { key customer { key }
         employee { key rule { en } } current { employee { value n } } } } }`,
      { t: team, p },
      hr,
    );
    const pair = v.data!.mirrorView.pairs.find((x: { key: string }) => x.key === 'autonomy');
    expect(pair.customer.key).toBe('first_contact_resolution');
    expect(pair.employee.rule.en).toMatch(/settled itself/);
    expect(pair.current.employee).toEqual({ value: 71.4286, n: 7 });
  });

  it('a manager sees their line only; internal figures come from the platform', async () => {
    const m = await t.gql(MIRROR, { n: 3 }, manager);
    expect(m.errors).toBeUndefined();
    const teamIds = new Set(m.data!.mirrorView.heatmap.map((c: { teamId: string }) => c.teamId));
    expect(teamIds.has(teamId)).toBe(true);
    const [{ id: other }] = await t.db.query(`SELECT id FROM team WHERE kind = 'SUPPORT' LIMIT 1`);
    expect(teamIds.has(other)).toBe(false);
    expect(codes(await t.gql(MIRROR, { n: 3, t: other }, manager))).toEqual(['NOT_FOUND']);
    const refreshed = await t.gql(`mutation { refreshInternalMetrics }`, {}, hr);
    expect(refreshed.data!.refreshInternalMetrics).toBeGreaterThan(0);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM metric_value v JOIN metric_definition d ON d.id = v.metric_id WHERE v.source = 'platform' AND d.key = 'support_commitments_kept'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(await t.app.get(MirrorService).refreshAll()).toMatchObject({ organizations: expect.any(Number) });
    const s = await t.gql(
      `{ supportServiceMirror(months: 12) { name n spearman teams { teamId teamName ratings internalCsat customerCsat } } }`,
      {},
      hr,
    );
    expect(s.errors).toBeUndefined();
    expect(s.data!.supportServiceMirror.length).toBeGreaterThan(0);
    for (const svc of s.data!.supportServiceMirror)
      for (const x of svc.teams) expect(x.ratings).toBeGreaterThanOrEqual(5);
  });
});
