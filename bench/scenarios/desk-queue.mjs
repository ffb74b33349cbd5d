// desk-queue: an agent's queue page (`deskQueue(supportServiceId, limit: 50)`: the first 50 open
// requests of their service by due moment, with requester, category and assignee, and the total)
// on 100,000 requests of which about 20,000 open (desk-data.mjs). The service is the busiest one
// (IT Service Desk, 4 of the 16 categories: about 5,000 open requests); the viewer one of its agents
// (SUPPORT_AGENT in the owner team, not its manager). Ten agents read at once (autocannon, 10
// connections). Floor: the cheapest statement giving the same page through `pg`, as many
// connections, same run: the open requests of the service in the partial index's order, with the
// names joined in and the total counted apart. DeskService.queue keeps pages per instance: a read
// runs one cheap statement (the viewer's role for the service and the queue's versions, by primary
// keys) and serves the kept page while no change was committed and no status has turned with time;
// otherwise one prepared statement reads role, versions, page and total in one snapshot. No write
// happens during the run, so this measures the kept page (first_ms is the first, uncached read).
// Also measured: one reader alone (c1_*) and the bare `{ __typename }` query.
import { benchDb, BENCH_DATA, accessToken, graphql, load, loadSql, report, startServer } from '../lib.mjs';
import { SERVER_ENV, deskData, deskOrg, logBuild, seedOrg, services } from './desk-data.mjs';

const TARGET_P95 = 50;
const CONNECTIONS = 10;
const QUERY = `query Queue($serviceId: ID!) { deskQueue(supportServiceId: $serviceId, limit: 50) { totalCount items {
  id reference subject state status priority resolutionDueAt
  requester { displayName } category { name } assignee { displayName } } } }`;

// The same page (and total) in a form the partial index idx_request_queue serves: state as the enum
// (NOT IN the closed states, the index's own predicate), names joined in, the total counted apart.
export const FLOOR_SQL = `SELECT r.id, r.number, r.subject, r.state, r.priority, r.resolution_due_at,
         r.first_responded_at, r.first_response_due_at, r.resolution_risk_at, r.waiting_since,
         rq.first_name || ' ' || rq.last_name AS requester, c.name AS category, a.first_name || ' ' || a.last_name AS assignee,
         (SELECT count(*) FROM service_request x WHERE x.support_service_id = $1 AND x.organization_id = $2
             AND x.state NOT IN ('RESOLVED', 'CLOSED')) AS total
    FROM service_request r
    JOIN person rq ON rq.id = r.requester_id
    JOIN request_category c ON c.id = r.category_id
    LEFT JOIN person a ON a.id = r.assignee_id
   WHERE r.support_service_id = $1 AND r.organization_id = $2 AND r.state NOT IN ('RESOLVED', 'CLOSED')
   ORDER BY r.resolution_due_at, r.id LIMIT 50`;

export async function run({ seconds = 10 } = {}) {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, ...SERVER_ENV });
  const db = await benchDb();
  try {
    const { organizationId } = await deskOrg(db);
    const data = await deskData(db, organizationId);
    logBuild('desk-queue', data);
    const service = (await services(db, organizationId)).sort((a, b) => b.open - a.open)[0];
    const {
      rows: [agent],
    } = await db.query(
      `SELECT a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId", a.roles::text[] AS roles
         FROM user_account a JOIN person p ON p.id = a.person_id
        WHERE p.team_id = $1 AND p.id <> $2 AND 'SUPPORT_AGENT' = ANY(a.roles::text[])
        ORDER BY a.email LIMIT 1`,
      [service.ownerTeamId, service.managerId],
    );
    const token = await accessToken(agent);
    const variables = { serviceId: service.id };
    const t = performance.now();
    const first = await graphql(server.url, QUERY, variables, token);
    const firstMs = performance.now() - t;
    if (first.errors) throw new Error(`desk-queue: ${JSON.stringify(first.errors)}`);
    const page = first.data.deskQueue;
    if (page.items.length !== 50 || page.totalCount !== service.open || !page.items[0].requester)
      throw new Error(
        `unexpected queue: ${page.items.length} items, total ${page.totalCount} of ${service.open}`,
      );

    const headers = { authorization: `Bearer ${token}` };
    const body = { query: QUERY, variables };
    await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const ours = await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds });
    const c1 = await load({
      url: server.url,
      body,
      headers,
      connections: 1,
      seconds: Math.max(3, seconds / 2),
    });
    const floor = await loadSql({
      sql: FLOOR_SQL,
      params: [service.id, organizationId],
      clients: CONNECTIONS,
      seconds,
    });
    const typename = await load({
      url: server.url,
      body: { query: '{ __typename }' },
      headers,
      connections: CONNECTIONS,
      seconds: 3,
    });
    if (ours.failed || c1.failed || typename.failed)
      throw new Error(`failed requests: ours ${ours.failed}, c1 ${c1.failed}, typename ${typename.failed}`);
    report({
      scenario: 'desk-queue',
      n: data.requests,
      open: data.open,
      service: service.name.replace(/\s+/g, '_'),
      service_requests: service.requests,
      service_open: service.open,
      connections: CONNECTIONS,
      requests: ours.count,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      c1_p50_ms: c1.p50,
      c1_p95_ms: c1.p95,
      first_ms: firstMs,
      floor: 'queue-page-index-sql-via-pg',
      floor_p50_ms: floor.p50,
      floor_p95_ms: floor.p95,
      floor_rps: floor.rps,
      floor_ratio: ours.p50 / floor.p50,
      typename_p50_ms: typename.p50,
      typename_rps: typename.rps,
      ...(data.built ? { build_s: data.buildMs / 1000, seed_s: data.seedMs / 1000 } : {}),
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
