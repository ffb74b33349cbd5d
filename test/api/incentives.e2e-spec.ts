import { Decimal } from 'decimal.js';
import { codes, createTestApp, type GqlResult, type TestApp } from '../setup/test-app';
import { newPerson } from '../setup/factories';

const SCHEME_FIELDS = `id status version rowVersion periodEnd populationSize designedByName components { id weightPercent }`;
const CREATE = `mutation($i: IncentiveSchemeInput!) { createIncentiveScheme(input: $i) { ${SCHEME_FIELDS} } }`;
const field = (r: GqlResult) => r.errors?.[0]?.extensions?.field;

/** The quarter before the last complete one (the demo seed runs the last one). */
function lastQuarter(): string {
  const d = new Date();
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = new Date(Date.UTC(d.getUTCFullYear(), (q - 2) * 3, 1));
  return start.toISOString().slice(0, 10);
}

describe('incentive schemes', () => {
  let t: TestApp;
  let hr: string;
  let admin: string;
  let manager: string;
  let employee: string;
  let teamId: string;
  let camille: string;
  let outsider: string;
  let schemeId: string;
  let missing = 0;
  const period = lastQuarter();

  const input = (over: Record<string, unknown> = {}) => ({
    name: 'Front line Q',
    description: 'Customer CSAT for the team, objectives for each person',
    periodKind: 'QUARTER',
    periodStart: period,
    currency: 'EUR',
    population: { teamIds: [teamId], positionIds: [], personIds: [] },
    minimumEligibleDays: 30,
    prorateByFte: true,
    targetBonus: { mode: 'PERCENT_OF_BASE', value: '2.5', byPosition: [] },
    budget: null,
    fallback: 'TARGET',
    minimumAnswers: 0,
    components: [
      {
        id: 'csat',
        labelEn: 'Customer CSAT',
        labelFr: 'CSAT clients',
        kind: 'COLLECTIVE',
        split: 'TEAM',
        weightPercent: '60',
        measure: { type: 'TEAM_METRIC', metricKey: 'customer_csat' },
        curve: {
          threshold: { x: '60', payoutPercent: '0' },
          target: '75',
          cap: { x: '95', payoutPercent: '150' },
          intermediatePoints: [],
        },
      },
      {
        id: 'obj',
        labelEn: 'Objectives',
        labelFr: 'Objectifs',
        kind: 'INDIVIDUAL',
        split: null,
        weightPercent: '40',
        measure: { type: 'OBJECTIVE' },
        curve: {
          threshold: { x: '50', payoutPercent: '0' },
          target: '100',
          cap: { x: '150', payoutPercent: '200' },
          intermediatePoints: [],
        },
      },
    ],
    gates: [],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    [hr, admin, manager, employee] = await Promise.all(
      ['hr', 'admin', 'manager', 'employee'].map((u) => t.login(`${u}@meridian.example`)),
    );
    [{ id: camille, team_id: teamId }] = await t.db.query(
      `SELECT id, team_id FROM person WHERE email = 'employee@meridian.example'`,
    );
    [{ id: outsider }] = await t.db.query(
      `SELECT p.id FROM person p WHERE p.team_id <> $1 AND p.manager_id IS NOT NULL ORDER BY p.email LIMIT 1`,
      [teamId],
    );
  });
  afterAll(() => t.close());

  it('refuses a bad design clearly, field by field, and stores nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM incentive_scheme`);
    const weights = input();
    (weights.components as { weightPercent: string }[])[1]!.weightPercent = '39';
    const cases: [Record<string, unknown>, string][] = [
      [weights, 'components.weightPercent'],
      [input({ budget: '1000.005' }), 'budget'],
      [input({ budget: 'lots' }), 'budget'],
      [input({ periodStart: period.replace(/-01$/, '-02') }), 'periodStart'],
      [input({ population: { teamIds: [], positionIds: [], personIds: [] } }), 'population'],
    ];
    const decreasing = input();
    (decreasing.components as { curve: Record<string, unknown> }[])[0]!.curve.intermediatePoints = [
      { x: '70', payoutPercent: '120' },
      { x: '80', payoutPercent: '90' },
    ];
    cases.push([decreasing, 'components[0].curve']);
    const capBelow = input();
    (capBelow.components as { curve: Record<string, unknown> }[])[0]!.curve.cap = {
      x: '70',
      payoutPercent: '150',
    };
    cases.push([capBelow, 'components[0].curve']);
    const unknownMetric = input();
    (unknownMetric.components as { measure: Record<string, unknown> }[])[0]!.measure.metricKey = 'nope';
    cases.push([unknownMetric, 'components[0].measure.metricKey']);
    for (const [i, f] of cases) {
      const r = await t.gql(CREATE, { i }, hr);
      expect({ f, codes: codes(r) }).toEqual({ f, codes: ['BAD_USER_INPUT'] });
      expect(field(r)).toBe(f);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM incentive_scheme`)).toEqual(before);
  });

  it('lets HR design; employees and managers cannot', async () => {
    expect(codes(await t.gql(CREATE, { i: input() }, employee))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CREATE, { i: input() }, manager))).toEqual(['FORBIDDEN']);
    const r = await t.gql(CREATE, { i: input() }, hr);
    expect(r.errors).toBeUndefined();
    schemeId = r.data!.createIncentiveScheme.id;
    expect(r.data!.createIncentiveScheme).toMatchObject({
      status: 'DRAFT',
      version: 1,
      designedByName: 'Hélène Moreau',
    });
    expect(r.data!.createIncentiveScheme.populationSize).toBeGreaterThan(3);
    // optimistic locking of edits
    const stale = await t.gql(
      `mutation($id: ID!, $i: IncentiveSchemeInput!) { updateIncentiveScheme(id: $id, rowVersion: 0, input: $i) { id } }`,
      { id: schemeId, i: input() },
      hr,
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY at`, [
      schemeId,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['incentive.scheme.create']);
  });

  it('maker-checker: the designer cannot approve; another HR person can', async () => {
    const submit = await t.gql(
      `mutation($id: ID!) { submitIncentiveScheme(id: $id) { status } }`,
      { id: schemeId },
      hr,
    );
    expect(submit.data!.submitIncentiveScheme.status).toBe('UNDER_REVIEW');
    const own = await t.gql(
      `mutation($id: ID!) { approveIncentiveScheme(id: $id) { status } }`,
      { id: schemeId },
      hr,
    );
    expect(codes(own)).toEqual(['FORBIDDEN']);
    const ok = await t.gql(
      `mutation($id: ID!) { approveIncentiveScheme(id: $id) { status approvedByName } }`,
      { id: schemeId },
      admin,
    );
    expect(ok.data!.approveIncentiveScheme).toEqual({ status: 'APPROVED', approvedByName: 'Morgan Lee' });
  });

  it('refuses a scheme whose period overlaps an approved one for the same people', async () => {
    const r = await t.gql(CREATE, { i: input({ name: 'Overlapping', periodKind: 'MONTH' }) }, hr);
    const id = r.data!.createIncentiveScheme.id;
    const submit = await t.gql(
      `mutation($id: ID!) { submitIncentiveScheme(id: $id) { status } }`,
      { id },
      hr,
    );
    expect(codes(submit)).toEqual(['BAD_USER_INPUT']);
    expect(field(submit)).toBe('periodStart');
  });

  it('managers enter objectives for their line only; values are checked', async () => {
    const SET = `mutation($s: ID!, $rows: [IncentiveInputRow!]!) { setIncentiveInputs(schemeId: $s, measureKey: "objective", rows: $rows) }`;
    const line = await t.gql(
      `query($s: ID!) { incentiveInputs(schemeId: $s, measureKey: "objective") { personId value } }`,
      { s: schemeId },
      manager,
    );
    expect(line.errors).toBeUndefined();
    const people: { personId: string }[] = line.data!.incentiveInputs;
    expect(people.map((p) => p.personId)).toContain(camille);
    const rows = people.map((p, i) => ({
      personId: p.personId,
      value: p.personId === camille ? '90' : String(80 + (i % 5) * 10),
    }));
    // everyone but the last one gets an objective: the last is reported as missing
    const set = await t.gql(SET, { s: schemeId, rows: rows.slice(0, -1) }, manager);
    expect(set.data!.setIncentiveInputs).toBe(rows.length - 1);
    expect(
      codes(await t.gql(SET, { s: schemeId, rows: [{ personId: outsider, value: '100' }] }, manager)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await t.gql(SET, { s: schemeId, rows: [{ personId: camille, value: '5000' }] }, manager)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await t.gql(SET, { s: schemeId, rows: [{ personId: camille, value: '90' }] }, employee)),
    ).toEqual(['FORBIDDEN']);
  });

  it('simulates on past data and what-if inputs, reporting people without data', async () => {
    const SIM = `query($s: ID!, $w: [MeasureOverrideInput!]) { simulateIncentiveScheme(schemeId: $s, whatIf: $w) {
      participants total targetTotal missingCount missing { personId componentId } histogram { count }
      byTeam { teamName headcount total } byComponent { componentId total } } }`;
    const base = await t.gql(SIM, { s: schemeId }, hr);
    expect(base.errors).toBeUndefined();
    const sim = base.data!.simulateIncentiveScheme;
    const entered = await t.gql(
      `query($s: ID!) { incentiveInputs(schemeId: $s, measureKey: "objective") { value } }`,
      { s: schemeId },
      hr,
    );
    missing = entered.data!.incentiveInputs.filter((x: { value: string | null }) => x.value === null).length;
    expect(missing).toBeGreaterThanOrEqual(1);
    expect(sim.missingCount).toBe(missing);
    expect(sim.missing[0].componentId).toBe('obj');
    expect(sim.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(sim.participants);
    const byComp = sim.byComponent.reduce(
      (s: Decimal, c: { total: string }) => s.plus(c.total),
      new Decimal(0),
    );
    expect(byComp.toFixed(2)).toBe(sim.total);
    const better = await t.gql(SIM, { s: schemeId, w: [{ componentId: 'csat', delta: '10' }] }, hr);
    expect(new Decimal(better.data!.simulateIncentiveScheme.total).gt(sim.total)).toBe(true);
    const bad = await t.gql(SIM, { s: schemeId, w: [{ componentId: 'nope', value: '1' }] }, hr);
    expect(field(bad)).toBe('whatIf[0].componentId');
    expect(codes(await t.gql(SIM, { s: schemeId }, manager))).toEqual(['FORBIDDEN']);
  });

  let runId: string;
  it('runs: stored lines sum to the total, the hash is reproducible, approval by another person', async () => {
    const START = `mutation($s: ID!) { startIncentiveRun(schemeId: $s) { id status total hash missingCount participants } }`;
    const [a, b] = await Promise.all([t.gql(START, { s: schemeId }, hr), t.gql(START, { s: schemeId }, hr)]);
    const ok = [a, b].filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(codes([a, b].find((r) => r.errors)!)).toEqual(['CONFLICT']);
    const run = ok[0]!.data!.startIncentiveRun;
    expect(run.status).toBe('COMPUTED');
    expect(run.missingCount).toBe(missing);
    const [{ sum, n }] = await t.db.query(
      `SELECT sum(amount)::text AS sum, count(*)::int AS n FROM incentive_run_line WHERE run_id = $1`,
      [run.id],
    );
    expect(new Decimal(sum).toFixed(2)).toBe(run.total);
    expect(n).toBe(run.participants * 2);
    const verify = await t.gql(`query($id: ID!) { verifyIncentiveRun(id: $id) }`, { id: run.id }, hr);
    expect(verify.data!.verifyIncentiveRun).toBe(true);
    // the same inputs give the same hash in a new run
    await t.gql(`mutation($id: ID!) { discardIncentiveRun(id: $id) { status } }`, { id: run.id }, hr);
    const again = await t.gql(START, { s: schemeId }, hr);
    expect(again.data!.startIncentiveRun.hash).toBe(run.hash);
    runId = again.data!.startIncentiveRun.id;
    // tampering with a snapshot is detected
    await t.db.query(`UPDATE incentive_run_participant SET fte = 0.5 WHERE run_id = $1 AND person_id = $2`, [
      run.id,
      camille,
    ]);
    expect(
      (await t.gql(`query($id: ID!) { verifyIncentiveRun(id: $id) }`, { id: run.id }, hr)).data!
        .verifyIncentiveRun,
    ).toBe(false);
    const own = await t.gql(
      `mutation($id: ID!) { approveIncentiveRun(id: $id) { status } }`,
      { id: runId },
      hr,
    );
    expect(codes(own)).toEqual(['FORBIDDEN']);
    const approved = await t.gql(
      `mutation($id: ID!) { approveIncentiveRun(id: $id) { status } }`,
      { id: runId },
      admin,
    );
    expect(approved.data!.approveIncentiveRun.status).toBe('APPROVED');
    const [{ payouts }] = await t.db.query(
      `SELECT count(*)::int AS payouts FROM incentive_payout WHERE run_id = $1`,
      [runId],
    );
    expect(payouts).toBe(run.participants);
    expect(
      codes(await t.gql(`mutation($id: ID!) { discardIncentiveRun(id: $id) { status } }`, { id: runId }, hr)),
    ).toEqual(['CONFLICT']);
    // one payout per person, scheme and period: the database refuses a second one
    await expect(
      t.db.query(
        `INSERT INTO incentive_payout (organization_id, lineage_id, period_start, person_id, scheme_id, run_id, amount)
         SELECT organization_id, lineage_id, period_start, person_id, scheme_id, run_id, 1 FROM incentive_payout WHERE person_id = $1 AND run_id = $2`,
        [camille, runId],
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  const STATEMENTS = `query($p: ID) { incentiveStatements(personId: $p) { runId personName total targetPay fallbackNote
    lines { componentId status measureValue amount explanation { en fr } whatWouldMoveIt { en } dispute { status answer } } } }`;

  it('statements: own, the manager’s line, HR; nobody else', async () => {
    const own = await t.gql(STATEMENTS, {}, employee);
    expect(own.errors).toBeUndefined();
    const st = own.data!.incentiveStatements.find((x: { runId: string }) => x.runId === runId);
    expect(st.personName).toBe('Camille Durand');
    const obj = st.lines.find((l: { componentId: string }) => l.componentId === 'obj');
    expect(obj.measureValue).toBe('90');
    expect(obj.explanation.en).toMatch(
      /^Objectives 90 \(threshold 50, target 100, cap 150\) → 80% of target/,
    );
    expect(obj.whatWouldMoveIt.en).toMatch(/At the target of 100 this line would pay/);
    const sum = st.lines.reduce((s: Decimal, l: { amount: string }) => s.plus(l.amount), new Decimal(0));
    expect(sum.toFixed(2)).toBe(st.total);
    const viaManager = await t.gql(STATEMENTS, { p: camille }, manager);
    const mineVia = (r: GqlResult) =>
      r.data!.incentiveStatements.find((x: { runId: string }) => x.runId === runId);
    expect(mineVia(viaManager).total).toBe(st.total);
    expect(mineVia(await t.gql(STATEMENTS, { p: camille }, hr)).total).toBe(st.total);
    expect(codes(await t.gql(STATEMENTS, { p: outsider }, manager))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(STATEMENTS, { p: outsider }, employee))).toEqual(['FORBIDDEN']);
    const team = await t.gql(`{ teamIncentivePayouts { personId total } }`, {}, manager);
    expect(team.data!.teamIncentivePayouts.map((p: { personId: string }) => p.personId)).toContain(camille);
    expect(team.data!.teamIncentivePayouts.map((p: { personId: string }) => p.personId)).not.toContain(
      outsider,
    );
    expect(codes(await t.gql(`{ teamIncentivePayouts { personId } }`, {}, employee))).toEqual(['FORBIDDEN']);
  });

  it('disputes: the employee disputes a line, HR corrects and accepts, the correction shows its differences', async () => {
    const DISPUTE = `mutation($r: ID!, $c: String!, $why: String!) { disputeIncentiveLine(runId: $r, componentId: $c, reason: $why) { id status } }`;
    const d = await t.gql(
      DISPUTE,
      { r: runId, c: 'obj', why: 'My objectives were met at 120%, see review' },
      employee,
    );
    expect(d.data!.disputeIncentiveLine.status).toBe('OPEN');
    expect(codes(await t.gql(DISPUTE, { r: runId, c: 'obj', why: 'Again, please look' }, employee))).toEqual([
      'CONFLICT',
    ]);
    expect(codes(await t.gql(DISPUTE, { r: runId, c: 'obj', why: 'x' }, employee))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const inbox = await t.gql(`{ incentiveDisputes(status: OPEN) { id personName reason } }`, {}, hr);
    expect(inbox.data!.incentiveDisputes.map((x: { id: string }) => x.id)).toContain(
      d.data!.disputeIncentiveLine.id,
    );
    // HR corrects the input, then accepts: a correction run is computed
    await t.gql(
      `mutation($s: ID!, $rows: [IncentiveInputRow!]!) { setIncentiveInputs(schemeId: $s, measureKey: "objective", rows: $rows) }`,
      { s: schemeId, rows: [{ personId: camille, value: '120' }] },
      hr,
    );
    const resolved = await t.gql(
      `mutation($id: ID!) { resolveIncentiveDispute(id: $id, accept: true, answer: "Corrected to 120%") { status correctionRunId } }`,
      { id: d.data!.disputeIncentiveLine.id },
      hr,
    );
    expect(resolved.errors).toBeUndefined();
    const correction = resolved.data!.resolveIncentiveDispute.correctionRunId;
    const detail = await t.gql(
      `query($id: ID!) { incentiveRun(id: $id) { run { status correctsRunId } differenceCount differences { personId before after delta } } }`,
      { id: correction },
      hr,
    );
    expect(detail.data!.incentiveRun.run).toEqual({ status: 'COMPUTED', correctsRunId: runId });
    expect(detail.data!.incentiveRun.differenceCount).toBe(1);
    expect(detail.data!.incentiveRun.differences[0].personId).toBe(camille);
    expect(new Decimal(detail.data!.incentiveRun.differences[0].delta).gt(0)).toBe(true);
    await t.gql(`mutation($id: ID!) { approveIncentiveRun(id: $id) { status } }`, { id: correction }, admin);
    const [{ status }] = await t.db.query(`SELECT status FROM incentive_run WHERE id = $1`, [runId]);
    expect(status).toBe('SUPERSEDED');
    const after = await t.gql(STATEMENTS, {}, employee);
    const st = after.data!.incentiveStatements.find((x: { runId: string }) => x.runId === correction);
    expect(st).toBeDefined();
    expect(after.data!.incentiveStatements.map((x: { runId: string }) => x.runId)).not.toContain(runId);
    expect(st.total).toBe(detail.data!.incentiveRun.differences[0].after);
    const [{ amount }] = await t.db.query(
      `SELECT amount::text FROM incentive_payout WHERE person_id = $1 AND run_id = $2`,
      [camille, correction],
    );
    expect(amount).toBe(st.total);
    const mine = await t.gql(`{ incentiveDisputes { status answer } }`, {}, employee);
    expect(mine.data!.incentiveDisputes).toHaveLength(1);
    expect(mine.data!.incentiveDisputes[0]).toEqual({ status: 'ACCEPTED', answer: 'Corrected to 120%' });
  });

  it('a survey measure under the anonymity threshold pays the fallback, never a figure on too few answers', async () => {
    const [{ org }] = await t.db.query(`SELECT organization_id AS org FROM person WHERE id = $1`, [camille]);
    const p = await newPerson(t.db, org, { teamId, managerId: null });
    const survey = input({
      name: 'eNPS pool',
      periodKind: 'MONTH',
      periodStart: period,
      population: { teamIds: [], positionIds: [], personIds: [p.id] },
      fallback: 'ZERO',
      minimumAnswers: 100000,
      components: [
        {
          ...(input().components as Record<string, unknown>[])[0],
          id: 'enps',
          weightPercent: '100',
          measure: { type: 'TEAM_METRIC', metricKey: 'enps' },
          curve: {
            threshold: { x: '-100', payoutPercent: '0' },
            target: '0',
            cap: { x: '100', payoutPercent: '150' },
            intermediatePoints: [],
          },
        },
      ],
    });
    await t.db.query(
      `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
       SELECT $1, id, $2, 'MONTH', $3, 40, 12, 'platform' FROM metric_definition WHERE organization_id = $1 AND key = 'enps'
       ON CONFLICT DO NOTHING`,
      [org, teamId, period],
    );
    const SIM = `query($s: ID!) { simulateIncentiveScheme(schemeId: $s) { total participants missingCount } }`;
    const zero = await t.gql(CREATE, { i: survey }, hr);
    expect(zero.errors).toBeUndefined();
    const simZero = await t.gql(SIM, { s: zero.data!.createIncentiveScheme.id }, hr);
    expect(simZero.data!.simulateIncentiveScheme).toEqual({
      total: '0.00',
      participants: 1,
      missingCount: 0,
    });
    const target = await t.gql(CREATE, { i: { ...survey, fallback: 'TARGET' } }, hr);
    const simTarget = await t.gql(SIM, { s: target.data!.createIncentiveScheme.id }, hr);
    // paid at target: 2.5 % of a 30,000.00 base
    expect(simTarget.data!.simulateIncentiveScheme).toEqual({
      total: '750.00',
      participants: 1,
      missingCount: 0,
    });
  });

  it('uploads figures from a CSV: a bad line is reported with its number and nothing is stored', async () => {
    const upload = input({
      name: 'Quality upload',
      periodKind: 'MONTH',
      periodStart: period.replace(/-\d\d-01$/, (m) => m), // same month as the quarter start, another lineage
      population: { teamIds: [], positionIds: [], personIds: [camille] },
      components: [
        {
          ...(input().components as Record<string, unknown>[])[1],
          id: 'quality',
          weightPercent: '100',
          measure: { type: 'UPLOAD', uploadKey: 'quality' },
        },
      ],
    });
    const created = await t.gql(CREATE, { i: upload }, hr);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createIncentiveScheme.id;
    const UPLOAD = `mutation($s: ID!, $csv: String!) { uploadIncentiveInputs(schemeId: $s, uploadKey: "quality", csv: $csv) { accepted errors { line message } } }`;
    const bad = await t.gql(
      UPLOAD,
      {
        s: id,
        csv: 'email,value\nemployee@meridian.example,98.5\nnobody@meridian.example,12\nemployee@meridian.example,abc\n',
      },
      hr,
    );
    expect(bad.data!.uploadIncentiveInputs.accepted).toBe(0);
    expect(bad.data!.uploadIncentiveInputs.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    const none = await t.db.query(`SELECT count(*)::int AS n FROM incentive_input WHERE scheme_id = $1`, [
      id,
    ]);
    expect(none[0].n).toBe(0);
    const outside = await t.gql(UPLOAD, { s: id, csv: 'email,value\nmanager@meridian.example,50\n' }, hr);
    expect(outside.data!.uploadIncentiveInputs).toEqual({
      accepted: 0,
      errors: [{ line: 2, message: expect.stringMatching(/not in the scheme/) }],
    });
    const ok = await t.gql(UPLOAD, { s: id, csv: 'email,value\nemployee@meridian.example,98.5\n' }, hr);
    expect(ok.data!.uploadIncentiveInputs).toEqual({ accepted: 1, errors: [] });
    expect(codes(await t.gql(UPLOAD, { s: id, csv: 'email,value\n' }, manager))).toEqual(['FORBIDDEN']);
  });

  it('training hours completed in the period are a measure (zero hours is a value, not missing data)', async () => {
    const training = input({
      name: 'Training',
      periodKind: 'MONTH',
      population: { teamIds: [], positionIds: [], personIds: [camille] },
      components: [
        {
          ...(input().components as Record<string, unknown>[])[1],
          id: 'training',
          weightPercent: '100',
          measure: { type: 'TRAINING_HOURS' },
          curve: {
            threshold: { x: '0', payoutPercent: '0' },
            target: '7',
            cap: { x: '14', payoutPercent: '150' },
            intermediatePoints: [],
          },
        },
      ],
    });
    const created = await t.gql(CREATE, { i: training }, hr);
    expect(created.errors).toBeUndefined();
    const [{ org }] = await t.db.query(`SELECT organization_id AS org FROM person WHERE id = $1`, [camille]);
    // Camille completed a 7-hour session in the period: she is paid exactly at target.
    const [{ course }] = await t.db.query(
      `INSERT INTO course (organization_id, title, hours) VALUES ($1, 'Pay test course', 7) RETURNING id AS course`,
      [org],
    );
    const [{ session }] = await t.db.query(
      `INSERT INTO training_session (organization_id, course_id, starts_at, ends_at, trainer, capacity, hours)
       VALUES ($1, $2, $3::date + 2, $3::date + 2 + interval '7 hours', 'T', 10, 7) RETURNING id AS session`,
      [org, course, period],
    );
    await t.db.query(`DELETE FROM enrolment WHERE person_id = $1`, [camille]);
    await t.db.query(
      `INSERT INTO enrolment (organization_id, session_id, person_id, status, completed_at, hours)
       VALUES ($1, $2, $3, 'COMPLETED', $4::date + 3, 7)`,
      [org, session, camille, period],
    );
    const sim = await t.gql(
      `query($s: ID!) { simulateIncentiveScheme(schemeId: $s) { missingCount participants total targetTotal } }`,
      { s: created.data!.createIncentiveScheme.id },
      hr,
    );
    expect(sim.errors).toBeUndefined();
    const result = sim.data!.simulateIncentiveScheme;
    expect(result.missingCount).toBe(0);
    expect(result.participants).toBe(1);
    expect(new Decimal(result.total).gt(0)).toBe(true);
    expect(result.total).toBe(result.targetTotal);
  });

  it('a run that fails part-way leaves nothing behind', async () => {
    const other = await t.gql(
      CREATE,
      { i: input({ name: 'Atomic', periodKind: 'MONTH', periodStart: '2025-01-01' }) },
      hr,
    );
    const id = other.data!.createIncentiveScheme.id;
    await t.gql(`mutation($id: ID!) { submitIncentiveScheme(id: $id) { status } }`, { id }, hr);
    await t.gql(`mutation($id: ID!) { approveIncentiveScheme(id: $id) { status } }`, { id }, admin);
    const count = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM incentive_run)::int AS runs, (SELECT count(*) FROM incentive_run_participant)::int AS people,
                  (SELECT count(*) FROM incentive_run_line)::int AS lines,
                  (SELECT count(*) FROM audit_event WHERE action = 'incentive.run.compute')::int AS audits`,
        )
      )[0];
    const before = await count();
    // The database refuses Camille's row (as a full disk or a crash would fail a write part-way).
    await t.db.query(
      `ALTER TABLE incentive_run_participant ADD CONSTRAINT test_refuse CHECK (person_id <> '${camille}'::uuid) NOT VALID`,
    );
    try {
      const r = await t.gql(`mutation($s: ID!) { startIncentiveRun(schemeId: $s) { id } }`, { s: id }, hr);
      expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(r.errors)).not.toMatch(/test_refuse|at .*\.ts/);
    } finally {
      await t.db.query(`ALTER TABLE incentive_run_participant DROP CONSTRAINT test_refuse`);
    }
    expect(await count()).toEqual(before);
    const retry = await t.gql(
      `mutation($s: ID!) { startIncentiveRun(schemeId: $s) { status } }`,
      { s: id },
      hr,
    );
    expect(retry.data!.startIncentiveRun.status).toBe('COMPUTED');
  });

  it('a participant row refers to an existing run (checked per statement), and goes with its run', async () => {
    const [run]: { id: string; people: number }[] = await t.db.query(
      `SELECT r.id, count(p.*)::int AS people FROM incentive_run r JOIN incentive_run_participant p ON p.run_id = r.id
        GROUP BY r.id HAVING count(p.*) > 0 ORDER BY r.created_at LIMIT 1`,
    );
    expect(run!.people).toBeGreaterThan(0);
    // A row for a run that does not exist: refused as a foreign key would refuse it.
    await expect(
      t.db.query(
        `INSERT INTO incentive_run_participant SELECT gen_random_uuid(), person_id, organization_id, team_id, target_pay,
           base_salary, fte, employment_start, employment_end, inputs, total, proration_factor, eligible_days, component_ids,
           statuses, measure_values, payout_percents, target_amounts, failed_gates, pool_weights, amounts_before_cap, amounts
           FROM incentive_run_participant WHERE run_id = $1 LIMIT 1`,
        [run!.id],
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'fk_incentive_run_participant_run' });
    // A run's id cannot change under its participants.
    await expect(
      t.db.query(`UPDATE incentive_run SET id = gen_random_uuid() WHERE id = $1`, [run!.id]),
    ).rejects.toMatchObject({ code: '23503' });
    // Deleting the run (inside a transaction rolled back: the run is used by other tests) deletes its participants.
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`DELETE FROM incentive_dispute WHERE run_id = $1 OR correction_run_id = $1`, [
        run!.id,
      ]);
      await runner.query(`DELETE FROM incentive_payout WHERE run_id = $1`, [run!.id]);
      await runner.query(`UPDATE incentive_run SET corrects_run_id = NULL WHERE corrects_run_id = $1`, [
        run!.id,
      ]);
      await runner.query(`DELETE FROM incentive_run WHERE id = $1`, [run!.id]);
      const [left] = await runner.query(
        `SELECT count(*)::int AS n FROM incentive_run_participant WHERE run_id = $1`,
        [run!.id],
      );
      expect(left.n).toBe(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const [kept] = await t.db.query(
      `SELECT count(*)::int AS n FROM incentive_run_participant WHERE run_id = $1`,
      [run!.id],
    );
    expect(kept.n).toBe(run!.people);
  });

  it('prorates a leaver by the days employed (left_on is the first day as former staff)', async () => {
    const [{ org }] = await t.db.query(`SELECT organization_id AS org FROM person WHERE id = $1`, [camille]);
    const leaver = await newPerson(t.db, org, { teamId });
    // Employed on the first 10 days of the month: leaves on the 11th.
    await t.db.query(`UPDATE person SET left_on = $2::date + 10 WHERE id = $1`, [leaver.id, period]);
    const scheme = input({
      name: 'Leaver',
      periodKind: 'MONTH',
      population: { teamIds: [], positionIds: [], personIds: [leaver.id] },
      minimumEligibleDays: 0,
      targetBonus: { mode: 'FIXED', value: '900.00', byPosition: [] },
      components: [
        {
          ...(input().components as Record<string, unknown>[])[1],
          id: 'figure',
          weightPercent: '100',
          measure: { type: 'UPLOAD', uploadKey: 'figure' },
        },
      ],
    });
    const created = await t.gql(CREATE, { i: scheme }, hr);
    const id = created.data!.createIncentiveScheme.id;
    const up = await t.gql(
      `mutation($s: ID!, $csv: String!) { uploadIncentiveInputs(schemeId: $s, uploadKey: "figure", csv: $csv) { accepted } }`,
      { s: id, csv: `email,value\n${leaver.email},100\n` },
      hr,
    );
    expect(up.data!.uploadIncentiveInputs.accepted).toBe(1);
    const sim = await t.gql(
      `query($s: ID!) { simulateIncentiveScheme(schemeId: $s) { total participants } }`,
      { s: id },
      hr,
    );
    const [y, m] = period.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const expected = new Decimal(900).times(10).dividedBy(days).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(sim.data!.simulateIncentiveScheme).toEqual({ total: expected.toFixed(2), participants: 1 });
  });
});
