import { createTestApp, type TestApp } from '../setup/test-app';
import { newOrganization, newTeam } from '../setup/factories';
import { periodStartOf } from '../../apps/api/src/modules/mirror/mirror.service';

/**
 * The customer-figure intake at size, and metric_value's references to its team and metric
 * (checked once per statement by triggers since the MirrorValueRefs migration, with the meaning of
 * the foreign keys they replaced).
 */
describe('mirror intake and the integrity of metric values', () => {
  let t: TestApp;
  let hr: string;
  let org: string;
  let teams: { id: string; name: string }[];
  let metrics: Map<string, string>;
  const CUSTOMER = ['customer_csat', 'customer_nps', 'customer_effort', 'first_contact_resolution'];

  const insertValue = (v: { org: string; metric: string; team: string; source?: string }) =>
    t.db.query(
      `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
       VALUES ($1, $2, $3, 'MONTH', '2024-01-01', 50, 10, $4)`,
      [v.org, v.metric, v.team, v.source ?? 'integrity-test'],
    );
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      const err = e as {
        code?: string;
        constraint?: string;
        driverError?: { code?: string; constraint?: string };
      };
      return {
        code: err.driverError?.code ?? err.code,
        constraint: err.driverError?.constraint ?? err.constraint,
      };
    }
    return null;
  };

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
    // The catalog exists once any mirror query ran.
    await t.gql(`{ metricDefinitions { key } }`, {}, hr);
    [{ organization_id: org }] = await t.db.query(
      `SELECT organization_id FROM person WHERE email = 'hr@meridian.example'`,
    );
    teams = await t.db.query(`SELECT id, name FROM team WHERE organization_id = $1 ORDER BY name`, [org]);
    const defs: { id: string; key: string }[] = await t.db.query(
      `SELECT id, key FROM metric_definition WHERE organization_id = $1`,
      [org],
    );
    metrics = new Map(defs.map((d) => [d.key, d.id]));
  });
  afterAll(() => t.close());

  it('a value refers to a team and a metric of its own organisation (23503 otherwise, per statement)', async () => {
    const other = await newOrganization(t.db, 'Elsewhere');
    const foreignTeam = await newTeam(t.db, other, 'Their team');
    const metric = metrics.get('customer_csat')!;
    expect(await failure(insertValue({ org, metric, team: foreignTeam }))).toEqual({
      code: '23503',
      constraint: 'fk_metric_value_team',
    });
    expect(await failure(insertValue({ org, metric, team: '00000000-0000-4000-8000-000000000000' }))).toEqual(
      { code: '23503', constraint: 'fk_metric_value_team' },
    );
    expect(await failure(insertValue({ org, metric: foreignTeam, team: teams[0]!.id }))).toEqual({
      code: '23503',
      constraint: 'fk_metric_value_metric',
    });
    // One bad row among good ones refuses the whole statement.
    const bad = await failure(
      t.db.query(
        `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
         SELECT $1, $2, team, 'MONTH', '2024-01-01', 50, 10, 'integrity-test' FROM unnest($3::uuid[]) AS team`,
        [org, metric, [...teams.map((x) => x.id), foreignTeam]],
      ),
    );
    expect(bad).toEqual({ code: '23503', constraint: 'fk_metric_value_team' });
    expect(await t.db.query(`SELECT 1 FROM metric_value WHERE source = 'integrity-test'`)).toHaveLength(0);
    // Updates are checked too: a value does not move to another organisation's team.
    await insertValue({ org, metric, team: teams[0]!.id });
    expect(
      await failure(
        t.db.query(`UPDATE metric_value SET team_id = $1 WHERE source = 'integrity-test'`, [foreignTeam]),
      ),
    ).toEqual({ code: '23503', constraint: 'fk_metric_value_team' });
    // A referenced team keeps its id.
    const lone = await newTeam(t.db, org, 'Lone team');
    await insertValue({ org, metric, team: lone });
    expect(await failure(t.db.query(`UPDATE team SET id = gen_random_uuid() WHERE id = $1`, [lone]))).toEqual(
      {
        code: '23503',
        constraint: 'fk_metric_value_team',
      },
    );
    await t.db.query(`DELETE FROM metric_value WHERE source = 'integrity-test'`);
  });

  it('deleting a team, a metric definition or an organisation deletes their values', async () => {
    const team = await newTeam(t.db, org, 'Short-lived team');
    await insertValue({ org, metric: metrics.get('customer_csat')!, team });
    await insertValue({ org, metric: metrics.get('customer_nps')!, team });
    await insertValue({ org, metric: metrics.get('customer_nps')!, team: teams[0]!.id });
    await t.db.query(`DELETE FROM team WHERE id = $1`, [team]);
    expect(await t.db.query(`SELECT team_id FROM metric_value WHERE source = 'integrity-test'`)).toEqual([
      { team_id: teams[0]!.id },
    ]);

    const [{ id: metric }] = await t.db.query(
      `INSERT INTO metric_definition (organization_id, key, side, name_en, name_fr, scale_min, scale_max, direction, unit, source)
       VALUES ($1, 'test_metric', 'CUSTOMER', 'Test', 'Test', 0, 100, 'HIGHER_IS_BETTER', '%', 'test') RETURNING id`,
      [org],
    );
    await insertValue({ org, metric, team: teams[0]!.id });
    await t.db.query(`DELETE FROM metric_definition WHERE id = $1`, [metric]);
    expect(await t.db.query(`SELECT metric_id FROM metric_value WHERE source = 'integrity-test'`)).toEqual([
      { metric_id: metrics.get('customer_nps') },
    ]);
    await t.db.query(`DELETE FROM metric_value WHERE source = 'integrity-test'`);

    const gone = await newOrganization(t.db, 'Closing down');
    const goneTeam = await newTeam(t.db, gone, 'Last team');
    const [{ id: goneMetric }] = await t.db.query(
      `INSERT INTO metric_definition (organization_id, key, side, name_en, name_fr, scale_min, scale_max, direction, unit, source)
       VALUES ($1, 'customer_csat', 'CUSTOMER', 'CSAT', 'CSAT', 0, 100, 'HIGHER_IS_BETTER', '%', 'crm') RETURNING id`,
      [gone],
    );
    await insertValue({ org: gone, metric: goneMetric, team: goneTeam });
    await t.db.query(`DELETE FROM organization WHERE id = $1`, [gone]);
    expect(await t.db.query(`SELECT 1 FROM metric_value WHERE organization_id = $1`, [gone])).toHaveLength(0);
  });

  it('a CRM sends thousands of rows as CSV: stored as sent, re-sent unchanged, a change updated, a bad line refuses all', async () => {
    const created = await t.gql(`mutation { createIntakeApiKey(name: "Bulk CRM") { key } }`, {}, hr);
    const key: string = created.data!.createIntakeApiKey.key;
    const monday = periodStartOf('WEEK', new Date());
    const weeks = Array.from({ length: Math.ceil(3000 / (teams.length * CUSTOMER.length)) }, (_, i) =>
      new Date(Date.parse(`${monday}T00:00:00Z`) - i * 7 * 864e5).toISOString().slice(0, 10),
    );
    const rows: string[][] = [];
    let i = 0;
    for (const week of weeks)
      for (const team of teams)
        for (const metric of CUSTOMER) {
          i++;
          const value = metric === 'customer_effort' ? (1 + (i % 60) / 10).toFixed(1) : String((i * 7) % 100);
          rows.push([team.name, metric, 'WEEK', week, value, String(10 + (i % 90))]);
        }
    const csv = (r: string[][]) =>
      ['team,metric,period_kind,period_start,value,sample_size', ...r.map((x) => x.join(','))].join('\n') +
      '\n';
    const post = (body: string, type = 'text/csv') =>
      t
        .http()
        .post('/api/intake/customer-metrics')
        .set('authorization', `Bearer ${key}`)
        .set('content-type', type)
        .send(body);
    // Statistics that say the table holds nothing (as after a purge): still one pass, not one per row.
    await t.db.query(`ANALYZE metric_value`);

    const first = await post(csv(rows));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ rows: rows.length, inserted: rows.length, updated: 0, unchanged: 0 });
    expect(rows.length).toBeGreaterThan(2000);
    const stored: { team: string; metric: string; week: string; value: string; n: number }[] =
      await t.db.query(
        `SELECT tm.name AS team, d.key AS metric, to_char(v.period_start, 'YYYY-MM-DD') AS week,
                v.value::float8::text AS value, v.sample_size AS n
           FROM metric_value v JOIN team tm ON tm.id = v.team_id JOIN metric_definition d ON d.id = v.metric_id
          WHERE v.source = 'api:Bulk CRM' AND v.period_kind = 'WEEK'`,
      );
    const asKey = (x: { team: string; metric: string; week: string; value: string; n: number | string }) =>
      [x.team, x.metric, x.week, Number(x.value), Number(x.n)].join('|');
    expect(new Set(stored.map(asKey))).toEqual(
      new Set(
        rows.map(([team, metric, , week, value, n]) =>
          asKey({ team: team!, metric: metric!, week: week!, value: value!, n: n! }),
        ),
      ),
    );

    const again = await post(csv(rows));
    expect(again.body).toEqual({ rows: rows.length, inserted: 0, updated: 0, unchanged: rows.length });

    const changed = rows.map((r, j) => (j % 500 === 0 ? [...r.slice(0, 5), String(Number(r[5]) + 1)] : r));
    const upd = await post(csv(changed));
    expect(upd.body).toEqual({
      rows: rows.length,
      inserted: 0,
      updated: Math.ceil(rows.length / 500),
      unchanged: rows.length - Math.ceil(rows.length / 500),
    });

    // A bad last line: nothing of the file is applied, and the line is named (header = line 1).
    const before = await t.db.query(
      `SELECT count(*)::int AS n, sum(sample_size)::int AS s FROM metric_value`,
    );
    const withBad = [
      ...changed.map((r) => [...r.slice(0, 5), String(Number(r[5]) + 2)]),
      [teams[0]!.name, 'customer_csat', 'WEEK', weeks[0]!, '180', '10'],
    ];
    const bad = await post(csv(withBad));
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      { line: withBad.length + 1, field: 'value', message: 'customer_csat is between 0 and 100' },
    ]);
    expect(
      await t.db.query(`SELECT count(*)::int AS n, sum(sample_size)::int AS s FROM metric_value`),
    ).toEqual(before);

    // JSON rows: a row that is not an object is a bad row, not a server error.
    const json = await post(JSON.stringify({ rows: [null] }), 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.problems).toEqual([{ line: 1, field: 'team', message: 'Unknown team ""' }]);
  });

  it('two imports of one source at once: one inserts the rows, the other finds them unchanged', async () => {
    const created = await t.gql(`mutation { createIntakeApiKey(name: "Twin CRM") { key } }`, {}, hr);
    const key: string = created.data!.createIntakeApiKey.key;
    const monday = periodStartOf('WEEK', new Date());
    const lines = ['team,metric,period_kind,period_start,value,sample_size'];
    for (let w = 0; w < 40; w++)
      for (const team of teams)
        for (const metric of ['customer_csat', 'customer_nps'])
          lines.push(
            [
              team.name,
              metric,
              'WEEK',
              new Date(Date.parse(`${monday}T00:00:00Z`) - w * 7 * 864e5).toISOString().slice(0, 10),
              String((w * 3) % 90),
              '40',
            ].join(','),
          );
    const body = lines.join('\n');
    const post = () =>
      t
        .http()
        .post('/api/intake/customer-metrics')
        .set('authorization', `Bearer ${key}`)
        .set('content-type', 'text/csv')
        .send(body);
    const [a, b] = await Promise.all([post(), post()]);
    const n = lines.length - 1;
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body, b.body].sort((x, y) => y.inserted - x.inserted)).toEqual([
      { rows: n, inserted: n, updated: 0, unchanged: 0 },
      { rows: n, inserted: 0, updated: 0, unchanged: n },
    ]);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM metric_value WHERE source = 'api:Twin CRM'`,
    );
    expect(count).toBe(n);
  });

  it('one team, metric and period written twice is refused, however the team and period are spelled', async () => {
    const created = await t.gql(`mutation { createIntakeApiKey(name: "Spelling CRM") { key } }`, {}, hr);
    const key: string = created.data!.createIntakeApiKey.key;
    const monday = periodStartOf('WEEK', new Date());
    const row = { metric: 'customer_csat', periodKind: 'WEEK', value: 80, sampleSize: 30 };
    const res = await t
      .http()
      .post('/api/intake/customer-metrics')
      .set('authorization', `Bearer ${key}`)
      .set('content-type', 'application/json')
      .send({
        rows: [
          { ...row, team: teams[0]!.name, periodStart: monday },
          { ...row, team: ` ${teams[0]!.id} `, periodStart: ` ${monday}` },
          { ...row, team: teams[0]!.name.toUpperCase(), periodStart: `${monday} ` },
          { ...row, team: teams[1]!.name, periodStart: ` ${monday} ` },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      { line: 2, field: 'period_start', message: 'Same team, metric and period as line 1' },
      { line: 3, field: 'period_start', message: 'Same team, metric and period as line 1' },
    ]);
    expect(await t.db.query(`SELECT 1 FROM metric_value WHERE source = 'api:Spelling CRM'`)).toHaveLength(0);
  });
});
