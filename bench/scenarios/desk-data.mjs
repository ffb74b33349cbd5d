// Data shared by the service-desk scenarios (desk-queue, desk-sweep, desk-metrics): the bench
// organisation of 10,000 people (`seed --people 10000`, bench10000.example, as people-list) with
// the API's own desk seed (seedDesk() of dist/apps/api/src/seed/seed-desk.js, run by
// bench/desk-runner.mjs): the catalogue of its six support services (16 categories) and 100,000
// requests over the past year, 20% of them open (created in the last six days). Built once and found
// again by its size (the organisation's request count); any other size is removed and rebuilt.
// The seed dates everything from the moment it ran: the open requests grow older (and more of them
// overdue) as the data ages.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, accessToken, benchDbUrl, BENCH_JWT_SECRET, cli } from '../lib.mjs';

export const PEOPLE = 10000;
export const REQUESTS = 100_000;
export const OPEN_SHARE = 0.2;
const DOMAIN = `bench${PEOPLE}.example`;
export const OPEN_STATES = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_REQUESTER'];

/** Server environment of the desk scenarios: no jobs (no pg-boss sweep of its own during a run). */
export const SERVER_ENV = { SEED: 'none', JWT_SECRET: BENCH_JWT_SECRET, JOBS: 'off' };

export function seedOrg() {
  cli(['seed', '--people', String(PEOPLE)]);
}

/** The organisation and its HR viewer (with a token). */
export async function deskOrg(db) {
  const { rows } = await db.query(
    `SELECT a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId", a.roles::text[] AS roles
       FROM user_account a WHERE a.email = $1`,
    [`hr@${DOMAIN}`],
  );
  if (!rows.length) throw new Error(`no HR account hr@${DOMAIN}: seed --people ${PEOPLE} first`);
  const hr = rows[0];
  return { organizationId: hr.organizationId, hr: { ...hr, token: await accessToken(hr) } };
}

async function sizes(db, organizationId) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT count(*)::int AS requests,
            count(*) FILTER (WHERE state NOT IN ('RESOLVED', 'CLOSED'))::int AS open,
            (SELECT count(*)::int FROM request_category c WHERE c.organization_id = $1) AS categories,
            (SELECT count(*)::int FROM request_event e WHERE e.organization_id = $1) AS events,
            (SELECT count(*)::int FROM request_rating g WHERE g.organization_id = $1) AS ratings,
            min(created_at) AS "firstAt", max(created_at) AS "lastAt"
       FROM service_request WHERE organization_id = $1`,
    [organizationId],
  );
  return r;
}

/**
 * The desk data of the organisation (REQUESTS requests, OPEN_SHARE open), built when missing or
 * of another size. Returns its sizes, and the build time when it was built in this run.
 */
export async function deskData(db, organizationId) {
  const found = await sizes(db, organizationId);
  if (found.requests === REQUESTS && found.categories > 0) return { ...found, built: false };
  const t0 = performance.now();
  // Another size (or a run stopped mid-way): bench-made, remove it (cascades: events, ratings, commitments).
  await db.query(`DELETE FROM notification WHERE organization_id = $1 AND kind LIKE 'REQUEST%'`, [
    organizationId,
  ]);
  await db.query(`DELETE FROM desk_metric_monthly WHERE organization_id = $1`, [organizationId]);
  await db.query(`DELETE FROM service_request WHERE organization_id = $1`, [organizationId]);
  await db.query(`DELETE FROM request_category WHERE organization_id = $1`, [organizationId]);
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bench', 'desk-runner.mjs'), 'seed', organizationId, String(REQUESTS), String(OPEN_SHARE)],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: benchDbUrl(), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const seeded = JSON.parse(out.trim().split('\n').pop());
  const t1 = performance.now();
  await db.query(
    `VACUUM ANALYZE service_request, request_event, request_rating, request_category, category_commitment`,
  );
  const again = await sizes(db, organizationId);
  if (again.requests !== REQUESTS) throw new Error(`desk seed left ${again.requests} requests`);
  return {
    ...again,
    built: true,
    buildMs: performance.now() - t0,
    seedMs: seeded.ms,
    vacuumMs: performance.now() - t1,
  };
}

export function logBuild(scenario, data) {
  if (data.built)
    console.error(
      `${scenario}: built ${data.requests} requests (${data.open} open, ${data.events} events, ${data.ratings} ratings) ` +
        `in ${(data.buildMs / 1000).toFixed(1)} s (seedDesk ${(data.seedMs / 1000).toFixed(1)} s, vacuum analyze ${(data.vacuumMs / 1000).toFixed(1)} s)`,
    );
}

/** The support services of the organisation with their owner team, manager and open requests. */
export async function services(db, organizationId) {
  const { rows } = await db.query(
    `SELECT s.id, s.name, s.owner_team_id AS "ownerTeamId", t.manager_id AS "managerId",
            (SELECT count(*)::int FROM service_request r WHERE r.support_service_id = s.id) AS requests,
            (SELECT count(*)::int FROM service_request r WHERE r.support_service_id = s.id
                AND r.state NOT IN ('RESOLVED', 'CLOSED')) AS open
       FROM support_service s JOIN team t ON t.id = s.owner_team_id
      WHERE s.organization_id = $1 ORDER BY s.name`,
    [organizationId],
  );
  return rows;
}
