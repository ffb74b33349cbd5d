// Data shared by the mirror scenarios (mirror-org, mirror-import), shaped as issue 5 states it:
// "50 teams x 24 periods x 14 metrics". The generator makes about one front-line team per 14 x
// 0.72 people, so `seed --people 972` (bench972.example) is an organisation of exactly 50
// front-line teams, plus 3 management and 6 support teams (59 in all, every one visible to HR).
// The larger bench organisations (bench10000/10001, ~520 teams) would make HR's mirror a
// 520-team mirror, another size than the issue's.
//
// mirror-org: 24 monthly periods (ending with the current month) x 14 metrics x the 50 front-line
// teams = 16,800 metric values, inserted directly in SQL under two bench-only sources
// ('bench-crm' for the 7 customer metrics, 'bench-internal' for the 7 employee ones; not
// 'platform', which refreshPlatform replaces). Values are correlated: per team a fixed effect, per
// pair an AR(1) internal series, and the customer figure follows the internal one a month later
// (lag 1) plus noise; sample sizes are always ≥ k (5). Built once and found again by its size and
// its window (the data ages with the calendar: a new month rebuilds it).
//
// mirror-import: 100,000 customer rows for the same 50 teams: 7 metrics x 286 weekly periods
// (Mondays) = 100,100, the first 100,000 of them (period-major, so the last week is partial).
import { accessToken, cli, graphqlOk } from '../lib.mjs';

export const PEOPLE = 972;
export const TEAMS = 50;
export const PERIODS = 24;
const DOMAIN = `bench${PEOPLE}.example`;
export const SOURCES = { CUSTOMER: 'bench-crm', EMPLOYEE: 'bench-internal' };
export const IMPORT_SOURCE_PREFIX = 'bench-import-';
export const IMPORT_ROWS = 100_000;
export const IMPORT_WEEKS = 286;

/** Server environment of the mirror scenarios: no jobs (no hourly mirror refresh during a run). */
export const SERVER_ENV = { SEED: 'none', JOBS: 'off' };

/** Customer metric ↔ employee twin (MirrorService's shipped pairs, mirror-catalog.ts). */
export const PAIRS = [
  ['nps', 'customer_nps', 'enps'],
  ['csat', 'customer_csat', 'internal_csat'],
  ['effort', 'customer_effort', 'internal_effort'],
  ['commitments', 'customer_commitments_kept', 'support_commitments_kept'],
  ['escalations', 'complaints_per_100', 'escalations_per_100'],
  ['retention', 'customer_retention', 'employee_retention'],
  ['autonomy', 'first_contact_resolution', 'autonomy'],
];

/** A plausible centre and spread per metric, in its own unit (signs follow the metric's direction). */
const SHAPE = {
  customer_nps: [25, 15],
  customer_csat: [80, 6],
  customer_effort: [5.2, 0.5],
  customer_commitments_kept: [88, 5],
  complaints_per_100: [4, 1.5],
  customer_retention: [90, 3],
  first_contact_resolution: [70, 7],
  enps: [15, 18],
  internal_csat: [78, 7],
  internal_effort: [5, 0.6],
  support_commitments_kept: [85, 6],
  escalations_per_100: [8, 3],
  employee_retention: [88, 4],
  autonomy: [60, 10],
};

/** Deterministic pseudo-random numbers (mulberry32) and standard normals. */
export function rng(seed) {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return { u, normal };
}

export function seedOrg() {
  cli(['seed', '--people', String(PEOPLE)]);
}

/** First day of the month `i` months after the current one (UTC), as MirrorService computes it. */
export function monthStart(i = 0, now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)).toISOString().slice(0, 10);
}

/** The `PERIODS` monthly periods of `mirrorView(periods: 24)` today, oldest first. */
export const mirrorPeriods = (now = new Date()) =>
  Array.from({ length: PERIODS }, (_, i) => monthStart(i - PERIODS + 1, now));

/**
 * The mirror organisation: its HR viewer (with a token; the account must hold the HR role), its
 * anonymity threshold k, its teams as HR sees them (ordered by name, as visibleTeams) and its 50
 * front-line teams (ordered by name).
 */
export async function mirrorOrg(db) {
  const { rows } = await db.query(
    `SELECT a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId", a.roles::text[] AS roles,
            o.anonymity_threshold AS k
       FROM user_account a JOIN organization o ON o.id = a.organization_id WHERE a.email = $1`,
    [`hr@${DOMAIN}`],
  );
  if (!rows.length) throw new Error(`no HR account hr@${DOMAIN}: seed --people ${PEOPLE} first`);
  const { k, ...hr } = rows[0];
  if (!hr.roles.includes('HR')) throw new Error(`hr@${DOMAIN} does not hold the HR role: ${hr.roles}`);
  const { rows: teams } = await db.query(
    `SELECT id, name, kind::text AS kind FROM team WHERE organization_id = $1 ORDER BY name`,
    [hr.organizationId],
  );
  const front = teams.filter((t) => t.kind === 'FRONT_LINE');
  if (front.length !== TEAMS) throw new Error(`${DOMAIN} has ${front.length} front-line teams, not ${TEAMS}`);
  return { organizationId: hr.organizationId, k, hr: { ...hr, token: await accessToken(hr) }, teams, front };
}

/** The metric definitions, made by the API's own ensureCatalog (any mirror query as HR does it). */
export async function definitions(url, token) {
  const data = await graphqlOk(
    url,
    `{ metricDefinitions { id key side scaleMin scaleMax direction } }`,
    {},
    token,
  );
  const byKey = new Map(data.metricDefinitions.map((d) => [d.key, d]));
  for (const [, c, e] of PAIRS)
    if (!byKey.has(c) || !byKey.has(e)) throw new Error(`metric definition ${c} or ${e} missing`);
  return byKey;
}

const round2 = (v) => Math.round(v * 100) / 100;
const clampTo = (d, v) => Math.min(d.scaleMax, Math.max(d.scaleMin, v));
/** A value of metric `d` from a standardised score z (positive = better). */
const valueOf = (d, z) => {
  const [mean, sd] = SHAPE[d.key];
  return round2(clampTo(d, mean + sd * z * (d.direction === 'LOWER_IS_BETTER' ? -1 : 1)));
};

/** The 16,800 values of mirror-org (deterministic but for the calendar). */
export function mirrorRows(defs, front, periods) {
  const r = rng(5005);
  const rows = [];
  for (const team of front) {
    const teamEffect = r.normal();
    const customerN = 60 + Math.floor(r.u() * 340);
    for (const [, customerKey, employeeKey] of PAIRS) {
      const c = defs.get(customerKey);
      const e = defs.get(employeeKey);
      let ar = r.normal();
      let prevInternal = ar;
      periods.forEach((period, i) => {
        ar = 0.7 * ar + 0.71 * r.normal();
        const internal = 0.5 * teamEffect + ar;
        // The customer figure follows the internal one a month later.
        const customer = 0.35 * teamEffect + 0.6 * (i === 0 ? internal : prevInternal) + 0.5 * r.normal();
        prevInternal = internal;
        rows.push({
          metricId: e.id,
          teamId: team.id,
          period,
          value: valueOf(e, internal),
          n: 8 + Math.floor(r.u() * 30),
          source: SOURCES.EMPLOYEE,
        });
        rows.push({
          metricId: c.id,
          teamId: team.id,
          period,
          value: valueOf(c, customer),
          n: Math.max(5, customerN + Math.floor((r.u() - 0.5) * 60)),
          source: SOURCES.CUSTOMER,
        });
      });
    }
  }
  return rows;
}

async function mirrorSizes(db, organizationId) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT count(*)::int AS "values", count(DISTINCT team_id)::int AS teams, count(DISTINCT metric_id)::int AS metrics,
            count(DISTINCT period_start)::int AS periods,
            to_char(min(period_start), 'YYYY-MM-DD') AS first, to_char(max(period_start), 'YYYY-MM-DD') AS last
       FROM metric_value WHERE organization_id = $1 AND source = ANY($2) AND period_kind = 'MONTH'`,
    [organizationId, Object.values(SOURCES)],
  );
  return r;
}

/**
 * The 16,800 monthly values of mirror-org, built when missing, of another size or of another
 * window (the current month moved on). Returns the sizes and, when built in this run, the build time.
 */
export async function mirrorData(db, url, org) {
  const periods = mirrorPeriods();
  const expected = TEAMS * PERIODS * PAIRS.length * 2;
  const found = await mirrorSizes(db, org.organizationId);
  if (found.values === expected && found.first === periods[0] && found.last === periods[PERIODS - 1])
    return { ...found, built: false };
  const t0 = performance.now();
  const defs = await definitions(url, org.hr.token);
  const rows = mirrorRows(defs, org.front, periods);
  await db.query('BEGIN');
  try {
    await db.query(`DELETE FROM metric_value WHERE organization_id = $1 AND source = ANY($2)`, [
      org.organizationId,
      Object.values(SOURCES),
    ]);
    await db.query(
      `INSERT INTO metric_value (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
       SELECT $1, m, t, 'MONTH', p, v, n, s
         FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::numeric[], $6::int[], $7::text[]) AS x(m, t, p, v, n, s)`,
      [
        org.organizationId,
        rows.map((x) => x.metricId),
        rows.map((x) => x.teamId),
        rows.map((x) => x.period),
        rows.map((x) => x.value),
        rows.map((x) => x.n),
        rows.map((x) => x.source),
      ],
    );
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
  const t1 = performance.now();
  await db.query('VACUUM ANALYZE metric_value');
  const again = await mirrorSizes(db, org.organizationId);
  if (again.values !== expected) throw new Error(`mirror data: ${again.values} values, expected ${expected}`);
  return { ...again, built: true, buildMs: performance.now() - t0, vacuumMs: performance.now() - t1 };
}

/** The Mondays of the import, oldest first: IMPORT_WEEKS weeks ending with the current week. */
export function importWeeks(now = new Date()) {
  const day = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day);
  return Array.from({ length: IMPORT_WEEKS }, (_, i) =>
    new Date(monday - (IMPORT_WEEKS - 1 - i) * 7 * 864e5).toISOString().slice(0, 10),
  );
}

/**
 * The 100,000 import rows (team by name, as the web import's CSV has it), period-major, and the
 * same as CSV text (the columns of the web import).
 */
export function importRows(defs, front, weeks = importWeeks()) {
  const r = rng(7007);
  const rows = [];
  const customer = PAIRS.map(([, c]) => defs.get(c));
  outer: for (const week of weeks)
    for (const team of front)
      for (const d of customer) {
        if (rows.length === IMPORT_ROWS) break outer;
        rows.push({
          team: team.name,
          metric: d.key,
          periodKind: 'WEEK',
          periodStart: week,
          value: String(valueOf(d, r.normal())),
          sampleSize: 20 + Math.floor(r.u() * 200),
        });
      }
  if (rows.length !== IMPORT_ROWS) throw new Error(`only ${rows.length} import rows`);
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv =
    'team,metric,period_kind,period_start,value,sample_size\n' +
    rows
      .map((x) => `${quote(x.team)},${x.metric},${x.periodKind},${x.periodStart},${x.value},${x.sampleSize}`)
      .join('\n') +
    '\n';
  return { rows, csv };
}
