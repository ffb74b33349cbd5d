// Data of the payout scenarios: an organisation of its own ("Payout Bench") with 100,000 people in
// 1,000 front-line teams, made in SQL (generate_series) in a few seconds: base salaries, FTEs (one in
// five part-time), hire dates (some joining within the quarter); three months of three customer
// metrics per team (csat, nps, commitments kept); an individual objective and two uploaded figures per
// person. Two approved quarterly schemes with six components (three collective — one of them a team
// pool split by FTE — and three individual): one on every team (100,000 people, payout-run), one on the
// first 100 teams (10,000 people, payout-sim). Built once, found again by its name and size.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, BENCH_DATA, BENCH_JWT_SECRET, benchDbUrl } from '../lib.mjs';

export const PEOPLE = 100_000;
export const TEAMS = 1000;
export const SIM_TEAMS = 100;
export const PERIOD = '2026-07-01';
export const SERVER_ENV = { SEED: 'none', JWT_SECRET: BENCH_JWT_SECRET, JOBS: 'off' };
const ORG = 'Payout Bench';

const curve = (t, tg, c) => ({
  threshold: { x: String(t), payoutPercent: '0' },
  target: String(tg),
  cap: { x: String(c), payoutPercent: '150' },
  intermediatePoints: [],
});
const component = (id, kind, split, weight, measure, cv) => ({
  id,
  labelEn: id,
  labelFr: id,
  kind,
  split,
  weightPercent: weight,
  measure,
  curve: cv,
});
export const COMPONENTS = [
  component(
    'csat',
    'COLLECTIVE',
    'TEAM',
    '20',
    { type: 'TEAM_METRIC', metricKey: 'customer_csat' },
    curve(60, 80, 95),
  ),
  component(
    'nps',
    'COLLECTIVE',
    'POOL_FTE',
    '15',
    { type: 'TEAM_METRIC', metricKey: 'customer_nps' },
    curve(0, 40, 70),
  ),
  component(
    'kept',
    'COLLECTIVE',
    'TEAM',
    '15',
    { type: 'TEAM_METRIC', metricKey: 'customer_commitments_kept' },
    curve(70, 90, 100),
  ),
  component('objectives', 'INDIVIDUAL', null, '25', { type: 'OBJECTIVE' }, curve(50, 100, 150)),
  component(
    'quality',
    'INDIVIDUAL',
    null,
    '15',
    { type: 'UPLOAD', uploadKey: 'quality' },
    curve(60, 85, 100),
  ),
  component('sales', 'INDIVIDUAL', null, '10', { type: 'UPLOAD', uploadKey: 'sales' }, curve(50, 100, 200)),
];

/** Creates the organisation when missing; returns ids. `db`: a pg client on the bench cluster. */
export async function payoutData(db) {
  const found = await db.query(
    `SELECT o.id, (SELECT count(*)::int FROM person WHERE organization_id = o.id) AS people FROM organization o WHERE o.name = $1`,
    [ORG],
  );
  if (found.rows[0] && found.rows[0].people !== PEOPLE) {
    await db.query(`DELETE FROM organization WHERE id = $1`, [found.rows[0].id]);
    found.rows.length = 0;
  }
  if (!found.rows[0]) await build(db);
  const {
    rows: [o],
  } = await db.query(`SELECT id FROM organization WHERE name = $1`, [ORG]);
  const schemes = await db.query(
    `SELECT id, name FROM incentive_scheme WHERE organization_id = $1 ORDER BY name`,
    [o.id],
  );
  const people = await db.query(
    `SELECT id FROM person WHERE organization_id = $1 AND email IN ('hr1@payout.example', 'hr2@payout.example') ORDER BY email`,
    [o.id],
  );
  const viewer = { accountId: 'bench', personId: people.rows[0].id, organizationId: o.id, roles: ['HR'] };
  return {
    organizationId: o.id,
    viewer,
    runScheme: schemes.rows.find((s) => s.name === 'Run 100k').id,
    simScheme: schemes.rows.find((s) => s.name === 'Simulation 10k').id,
  };
}

async function build(db) {
  const t = Date.now();
  await db.query('BEGIN');
  const {
    rows: [o],
  } = await db.query(`INSERT INTO organization (name, kind) VALUES ($1, 'COMPANY') RETURNING id`, [ORG]);
  await db.query(
    `INSERT INTO team (organization_id, name, kind) SELECT $1, 'Team ' || lpad(g::text, 4, '0'), 'FRONT_LINE'
       FROM generate_series(1, $2) g`,
    [o.id, TEAMS],
  );
  await db.query(
    `INSERT INTO person (organization_id, first_name, last_name, email, team_id, hire_date, fte, base_salary, salary_currency)
     SELECT $1, 'P', lpad(g::text, 6, '0'), 'p' || g || '@payout.example',
            (SELECT id FROM team WHERE organization_id = $1 AND name = 'Team ' || lpad((1 + (g - 1) % $3)::text, 4, '0')),
            CASE WHEN g % 50 = 0 THEN date '2026-08-15' ELSE date '2020-01-01' + (g % 1500) END,
            CASE WHEN g % 5 = 0 THEN 0.8 ELSE 1 END, 28000 + (g % 200) * 100, 'EUR'
       FROM generate_series(1, $2) g`,
    [o.id, PEOPLE - 2, TEAMS],
  );
  await db.query(
    `INSERT INTO person (organization_id, first_name, last_name, email, hire_date, base_salary, salary_currency)
     VALUES ($1, 'HR', 'One', 'hr1@payout.example', '2020-01-01', 40000, 'EUR'),
            ($1, 'HR', 'Two', 'hr2@payout.example', '2020-01-01', 40000, 'EUR')`,
    [o.id],
  );
  await db.query(
    `INSERT INTO metric_definition (organization_id, key, side, name_en, name_fr, scale_min, scale_max, direction, unit, source)
     VALUES ($1, 'customer_csat', 'CUSTOMER', 'CSAT', 'CSAT', 0, 100, 'HIGHER_IS_BETTER', '%', 'INTAKE'),
            ($1, 'customer_nps', 'CUSTOMER', 'NPS', 'NPS', -100, 100, 'HIGHER_IS_BETTER', 'pts', 'INTAKE'),
            ($1, 'customer_commitments_kept', 'CUSTOMER', 'Kept', 'Tenus', 0, 100, 'HIGHER_IS_BETTER', '%', 'INTAKE')`,
    [o.id],
  );
  await db.query(
    `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
     SELECT $1, d.id, t.id, 'MONTH', m::date,
            CASE d.key WHEN 'customer_nps' THEN 10 + (abs(hashtext(t.name || m::text)) % 60)
                       ELSE 60 + (abs(hashtext(d.key || t.name || m::text)) % 40) END,
            50 + abs(hashtext(t.name)) % 200, 'crm'
       FROM metric_definition d, team t, generate_series(date '2026-07-01', date '2026-09-01', interval '1 month') m
      WHERE d.organization_id = $1 AND t.organization_id = $1`,
    [o.id],
  );
  const team0 = await db.query(`SELECT id FROM team WHERE organization_id = $1 ORDER BY name`, [o.id]);
  const hr = await db.query(
    `SELECT id FROM person WHERE organization_id = $1 AND email LIKE 'hr_@payout.example' ORDER BY email`,
    [o.id],
  );
  const scheme = async (name, teamIds) => {
    const {
      rows: [s],
    } = await db.query(
      `INSERT INTO incentive_scheme (organization_id, lineage_id, name, period_kind, period_start, period_end, currency,
         population, minimum_eligible_days, prorate_by_fte, target_bonus, budget, fallback, minimum_answers, components,
         gates, status, designed_by, approved_by, approved_at)
       VALUES ($1, gen_random_uuid(), $2, 'QUARTER', $3, '2026-09-30', 'EUR', $4, 30, true, $5, NULL, 'TARGET', 0, $6,
         '[]', 'APPROVED', $7, $8, now()) RETURNING id`,
      [
        o.id,
        name,
        PERIOD,
        JSON.stringify({ teamIds, positionIds: [], personIds: [] }),
        JSON.stringify({ mode: 'PERCENT_OF_BASE', value: '2.5', byPosition: [] }),
        JSON.stringify(COMPONENTS),
        hr.rows[0].id,
        hr.rows[1].id,
      ],
    );
    return s.id;
  };
  const ids = team0.rows.map((r) => r.id);
  const run = await scheme('Run 100k', ids);
  await scheme('Simulation 10k', ids.slice(0, SIM_TEAMS));
  for (const [key, expr] of [
    ['objective', '40 + (abs(hashtext(p.id::text)) % 120)'],
    ['upload:quality', '55 + (abs(hashtext(p.email)) % 50)'],
    ['upload:sales', '30 + (abs(hashtext(p.last_name)) % 190)'],
  ])
    await db.query(
      `INSERT INTO incentive_input (organization_id, scheme_id, measure_key, person_id, value)
       SELECT $1, s.id, $2, p.id, ${expr} FROM person p, incentive_scheme s
        WHERE p.organization_id = $1 AND p.team_id IS NOT NULL AND s.organization_id = $1`,
      [o.id, key],
    );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE person, team, metric_value, incentive_input');
  console.error(
    `payout data: ${PEOPLE} people, ${TEAMS} teams, scheme ${run} (${((Date.now() - t) / 1000).toFixed(1)} s)`,
  );
}

export function startRunner() {
  const child = fork(join(ROOT, 'bench', 'incentive-runner.mjs'), [], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: benchDbUrl(),
      JWT_SECRET: BENCH_JWT_SECRET,
      DATA_DIR: BENCH_DATA,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      SEED: 'none',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (msg) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`incentive runner exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        if (m.error) reject(new Error(`incentive runner: ${m.error}`));
        else resolve(m);
      });
      if (msg) child.send(msg);
    });
  return { child, ask };
}
