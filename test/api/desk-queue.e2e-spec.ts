import { Client } from 'pg';
import { codes, createTestApp, type TestApp } from '../setup/test-app';
import { planExecutorStats } from '../../apps/api/src/platform/graphql/plan-executor';

// The queue page is one prepared statement per combination of filters, with the requester, the
// assignee and the category joined in and preloaded. Each combination must give the page and the
// total of the former statement (kept here as the reference), and the preloaded relations must be
// those the field resolvers give elsewhere.

const QUEUE = `query($s: ID!, $st: [RequestState!], $c: ID, $a: ID, $u: Boolean, $d: Boolean, $b: Boolean, $o: Int, $l: Int) {
  deskQueue(supportServiceId: $s, states: $st, categoryId: $c, assigneeId: $a, unassigned: $u, dueSoon: $d, breached: $b, offset: $o, limit: $l) {
    totalCount offset limit items { id reference status requester { id displayName email } assignee { id displayName } category { id name } } } }`;

const OPEN = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_REQUESTER'];

/** The former statement (ids in order, and the total), parameters as it took them. */
const REFERENCE = `SELECT r.id, count(*) OVER () AS total FROM service_request r
  WHERE r.support_service_id = $1 AND r.organization_id = $2 AND r.state = ANY($3::request_state[])
    AND ($4::uuid IS NULL OR r.category_id = $4)
    AND ($5::uuid IS NULL OR r.assignee_id = $5)
    AND (NOT $6 OR r.assignee_id IS NULL)
    AND (NOT $7 OR r.resolution_risk_at <= now() OR r.resolution_due_at <= now() + interval '24 hours'
         OR (r.first_responded_at IS NULL AND r.first_response_risk_at <= now()))
    AND (NOT $8 OR (r.state <> 'WAITING_ON_REQUESTER' AND (r.resolution_due_at <= now()
         OR (r.first_responded_at IS NULL AND r.first_response_due_at <= now()))))
  ORDER BY r.resolution_due_at, r.id`;

interface Filters {
  st?: string[];
  c?: string;
  a?: string;
  u?: boolean;
  d?: boolean;
  b?: boolean;
  o?: number;
  l?: number;
}

describe('desk queue page (one statement, relations preloaded)', () => {
  let t: TestApp;
  let hr: string;
  let service: { id: string; organization_id: string };
  let category: string;
  let assignee: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
    [service] = await t.db.query(
      `SELECT id, organization_id FROM support_service WHERE name = 'IT Service Desk'`,
    );
    [{ category_id: category, assignee_id: assignee }] = await t.db.query(
      `SELECT category_id, assignee_id FROM service_request
        WHERE support_service_id = $1 AND assignee_id IS NOT NULL AND state NOT IN ('RESOLVED', 'CLOSED')
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
      [service.id],
    );
  });
  afterAll(() => t.close());

  const page = async (f: Filters) => {
    const r = await t.gql(QUEUE, { s: service.id, l: 100, ...f }, hr);
    expect({ f, errors: r.errors }).toEqual({ f });
    return r.data!.deskQueue;
  };
  const reference = async (f: Filters) => {
    const rows: { id: string; total: string }[] = await t.db.query(REFERENCE, [
      service.id,
      service.organization_id,
      f.st?.length ? f.st : OPEN,
      f.c ?? null,
      f.a ?? null,
      f.u ?? false,
      f.d ?? false,
      f.b ?? false,
    ]);
    const offset = f.o ?? 0;
    return {
      ids: rows.slice(offset, offset + (f.l ?? 100)).map((r) => r.id),
      total: rows.length,
    };
  };

  it('every filter and their combinations give the former page and total', async () => {
    const cases: Filters[] = [
      {},
      { o: 5, l: 7 },
      { st: ['NEW'] },
      { st: ['NEW', 'IN_PROGRESS'] },
      { st: [...OPEN] },
      { st: ['RESOLVED'] },
      { st: ['IN_PROGRESS', 'CLOSED'] },
      { c: category },
      { a: assignee },
      { u: true },
      { d: true },
      { b: true },
      { c: category, u: true, d: true },
      { st: ['IN_PROGRESS', 'WAITING_ON_REQUESTER'], a: assignee, b: true },
      { st: ['RESOLVED', 'CLOSED'], c: category, o: 3, l: 20 },
    ];
    let nonEmpty = 0;
    for (const f of cases) {
      // Twice: the second run goes through the prepared statement already planned.
      for (let i = 0; i < 2; i++) {
        const got = await page(f);
        const want = await reference(f);
        expect({ f, ids: got.items.map((x: { id: string }) => x.id), total: got.totalCount }).toEqual({
          f,
          ids: want.ids,
          total: want.total,
        });
      }
      if ((await reference(f)).ids.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(12);
    // Past the end: no items, the total still counted.
    const all = await reference({});
    expect(await page({ o: all.total + 10, l: 10 })).toEqual({
      totalCount: all.total,
      offset: all.total + 10,
      limit: 10,
      items: [],
    });
  });

  it('the preloaded requester, assignee and category are those the field resolvers give', async () => {
    const q = await page({ l: 100 });
    expect(q.items.length).toBeGreaterThan(5);
    expect(q.items.some((x: { assignee: unknown }) => x.assignee === null)).toBe(true);
    expect(q.items.some((x: { assignee: unknown }) => x.assignee !== null)).toBe(true);
    // The same requests through the detail query (no preloading: DataLoaders), one by one.
    for (const item of q.items.slice(0, 10)) {
      const d = await t.gql(
        `query($id: ID!) { request(id: $id) { requester { id displayName email } assignee { id displayName } category { id name } } }`,
        { id: item.id },
        hr,
      );
      expect(d.errors).toBeUndefined();
      expect({
        requester: item.requester,
        assignee: item.assignee,
        category: item.category,
      }).toEqual(d.data!.request);
    }
    const rows: { id: string; requester_id: string; assignee_id: string | null; category_id: string }[] =
      await t.db.query(
        `SELECT id, requester_id, assignee_id, category_id FROM service_request WHERE id = ANY($1::uuid[])`,
        [q.items.map((x: { id: string }) => x.id)],
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const item of q.items) {
      const r = byId.get(item.id)!;
      expect(item.requester.id).toBe(r.requester_id);
      expect(item.assignee?.id ?? null).toBe(r.assignee_id);
      expect(item.category.id).toBe(r.category_id);
    }
  });

  it('someone outside the service is refused', async () => {
    const employee = await t.login('employee@meridian.example');
    const r = await t.gql(QUEUE, { s: service.id }, employee);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.data).toBeNull();
    // An agent of the service sees it; a service that is not the organisation's is not found.
    const [agent] = await t.db.query(
      `SELECT p.id FROM person p JOIN support_service s ON s.owner_team_id = p.team_id JOIN team t ON t.id = s.owner_team_id
        WHERE s.id = $1 AND p.id <> t.manager_id LIMIT 1`,
      [service.id],
    );
    const asAgent = await t.gql(QUEUE, { s: service.id, l: 5 }, await t.tokenFor(agent.id));
    expect(asAgent.errors).toBeUndefined();
    expect(asAgent.data!.deskQueue.totalCount).toBe((await reference({})).total);
    const missing = await t.gql(QUEUE, { s: '00000000-0000-4000-8000-000000000000' }, hr);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

// Queue pages are cached per instance with the versions of what they show (desk_queue_version,
// directory_version) and the moment their statuses change. Changes are made here through another
// connection (as another instance would), never through this app, so nothing but the database can
// tell the cache about them.
describe('desk queue page cache', () => {
  let t: TestApp;
  let other: Client;
  let service: { id: string; organization_id: string; owner_team_id: string };
  let agent: { id: string; team_id: string };
  let token: string;

  // The web's queue fields (RequestSummary), as the plan executor answers them...
  const FIELDS = `totalCount offset limit items { id reference subject state status priority createdAt
    firstResponseDueAt firstRespondedAt resolutionDueAt renegotiatedDueAt resolvedAt closedAt version
    parentRequestId supportServiceId supportService { id name } category { id name }
    requester { id displayName } assignee { id displayName } }`;
  const PAGE = `query Q($s: ID!, $b: Boolean) { deskQueue(supportServiceId: $s, breached: $b, limit: 30) { ${FIELDS} } }`;
  // ...and with `me` beside it: not a listed root field, so graphql-js executes the whole request.
  const PAGE_AND_ME = `query R($s: ID!, $b: Boolean) { me { id } deskQueue(supportServiceId: $s, breached: $b, limit: 30) { ${FIELDS} } }`;

  interface Item {
    id: string;
    status: string;
    state: string;
    subject: string;
    requester: { id: string; displayName: string };
    assignee: { id: string; displayName: string } | null;
    category: { id: string; name: string };
  }
  const read = async (breached = false) => {
    const before = planExecutorStats.served;
    const r = await t.gql(PAGE, { s: service.id, b: breached }, token);
    expect(r.errors).toBeUndefined();
    expect(planExecutorStats.served).toBe(before + 1);
    return r.data!.deskQueue as { totalCount: number; items: Item[] };
  };
  /** The page and total as the database has them now (the former statement's order). */
  const truth = async () => {
    const rows: { id: string; total: string }[] = await t.db.query(
      `SELECT r.id, count(*) OVER () AS total FROM service_request r
        WHERE r.support_service_id = $1 AND r.state NOT IN ('RESOLVED', 'CLOSED')
        ORDER BY r.resolution_due_at, r.id`,
      [service.id],
    );
    return { ids: rows.slice(0, 30).map((r) => r.id), total: rows.length };
  };
  const expectTruth = async (page: { totalCount: number; items: Item[] }) => {
    const want = await truth();
    expect({ ids: page.items.map((x) => x.id), total: page.totalCount }).toEqual({
      ids: want.ids,
      total: want.total,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    [service] = await t.db.query(
      `SELECT id, organization_id, owner_team_id FROM support_service WHERE name = 'IT Service Desk'`,
    );
    [agent] = await t.db.query(
      `SELECT p.id, p.team_id FROM person p JOIN team t ON t.id = p.team_id
        WHERE p.team_id = $1 AND p.id <> t.manager_id ORDER BY p.email LIMIT 1`,
      [service.owner_team_id],
    );
    token = await t.tokenFor(agent.id);
    other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  it('serves the cached page with the items kept, exactly as graphql-js answers', async () => {
    const first = await read();
    const reused = planExecutorStats.reused;
    const second = await read();
    // The same frozen page: the plan executor reuses its result (and JSON) whole.
    expect(planExecutorStats.reused).toBeGreaterThan(reused);
    expect(second).toEqual(first);
    await expectTruth(second);
    const theirs = await t.gql(PAGE_AND_ME, { s: service.id, b: false }, token);
    expect(theirs.errors).toBeUndefined();
    expect(JSON.stringify(theirs.data!.deskQueue)).toBe(JSON.stringify(second));
    expect(first.items.some((x) => x.assignee === null)).toBe(true);
    expect(first.items.every((x) => x.requester && x.category)).toBe(true);
  });

  it('never hides a change committed by another connection', async () => {
    let page = await read();
    await read(); // cached

    // A state change: the first request is resolved and leaves the queue.
    const gone = page.items[0];
    await other.query(
      `UPDATE service_request SET state = 'RESOLVED', resolved_at = now(), resolution_met = true WHERE id = $1`,
      [gone.id],
    );
    page = await read();
    expect(page.items.map((x) => x.id)).not.toContain(gone.id);
    await expectTruth(page);

    // An assignment.
    const [someone] = await t.db.query(
      `SELECT id, first_name || ' ' || last_name AS name FROM person WHERE team_id = $1 AND id <> $2 LIMIT 1`,
      [service.owner_team_id, page.items[2].assignee?.id ?? '00000000-0000-4000-8000-000000000000'],
    );
    await other.query(`UPDATE service_request SET assignee_id = $2 WHERE id = $1`, [
      page.items[2].id,
      someone.id,
    ]);
    page = await read();
    expect(page.items[2].assignee).toEqual({ id: someone.id, displayName: someone.name });

    // A new request, due before every other: first in the queue.
    const {
      rows: [{ id: added }],
    } = await other.query(
      `INSERT INTO service_request (organization_id, support_service_id, category_id, commitment_id, requester_id,
              subject, first_response_due_at, original_resolution_due_at, resolution_due_at,
              first_response_risk_at, resolution_risk_at)
       SELECT organization_id, support_service_id, category_id, commitment_id, requester_id, 'Added elsewhere',
              first_response_due_at, original_resolution_due_at, resolution_due_at - interval '1 hour',
              first_response_risk_at, resolution_risk_at
         FROM service_request WHERE id = $1 RETURNING id`,
      [page.items[0].id],
    );
    page = await read();
    expect(page.items[0]).toMatchObject({ id: added, subject: 'Added elsewhere' });
    await expectTruth(page);

    // The requester renamed (the directory's version), the category renamed (the queue's).
    const requester = page.items[1].requester;
    await other.query(`UPDATE person SET first_name = 'Renamed' WHERE id = $1`, [requester.id]);
    page = await read();
    expect(page.items[1].requester).toEqual({
      id: requester.id,
      displayName: `Renamed ${requester.displayName.split(' ').slice(1).join(' ')}`,
    });
    const category = page.items[1].category;
    await other.query(`UPDATE request_category SET name = name || ' (renamed)' WHERE id = $1`, [category.id]);
    page = await read();
    expect(page.items.filter((x) => x.category.id === category.id).map((x) => x.category.name)).toContain(
      `${category.name} (renamed)`,
    );
    expect(
      page.items.every((x) => x.category.id !== category.id || x.category.name.endsWith('(renamed)')),
    ).toBe(true);
    // And the answer is still graphql-js's.
    const theirs = await t.gql(PAGE_AND_ME, { s: service.id, b: false }, token);
    expect(JSON.stringify(theirs.data!.deskQueue)).toBe(JSON.stringify(page));
  });

  it('refuses an agent removed from the team at once, and serves them again once back', async () => {
    await read();
    await read(); // cached
    // The cached page is not for anyone: someone outside the service is refused it.
    const outsider = await t.gql(
      PAGE,
      { s: service.id, b: false },
      await t.login('employee@meridian.example'),
    );
    expect(codes(outsider)).toEqual(['FORBIDDEN']);
    const [elsewhere] = await t.db.query(`SELECT id FROM team WHERE id <> $1 LIMIT 1`, [
      service.owner_team_id,
    ]);
    await other.query(`UPDATE person SET team_id = $2 WHERE id = $1`, [agent.id, elsewhere.id]);
    try {
      const r = await t.gql(PAGE, { s: service.id, b: false }, token);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.data).toBeNull();
    } finally {
      await other.query(`UPDATE person SET team_id = $2 WHERE id = $1`, [agent.id, agent.team_id]);
    }
    await expectTruth(await read());
  });

  it('does not serve a status past the moment it changes', async () => {
    const page = await read();
    // A request on the page, on track, turning at risk in 1.5 s and late in 3 s (its position in
    // the queue, by resolution due moment, is kept: the moments are moved, not the order).
    const item = page.items[5];
    // The moments by the API's clock, which decides the status (the database's may differ a little).
    await other.query(
      `UPDATE service_request SET state = 'IN_PROGRESS', first_responded_at = $2::timestamptz - interval '1 hour',
              resolution_risk_at = $2::timestamptz + interval '1.5 seconds'
        WHERE id = $1`,
      [item.id, new Date()],
    );
    const [{ due }] = await t.db.query(
      `SELECT resolution_due_at > now() + interval '1 day' AS due FROM service_request WHERE id = $1`,
      [item.id],
    );
    expect(due).toBe(true);
    const status = async () => (await read()).items.find((x) => x.id === item.id)?.status;
    expect(await status()).toBe('ON_TRACK');
    const reused = planExecutorStats.reused;
    expect(await status()).toBe('ON_TRACK'); // from the cache
    expect(planExecutorStats.reused).toBeGreaterThan(reused);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(await status()).toBe('AT_RISK');
    await expectTruth(await read());

    // The breached filter selects by now(): a request turning late joins it without any write.
    const {
      rows: [{ late }],
    } = await other.query(
      `UPDATE service_request SET resolution_due_at = now() + interval '1 second' WHERE id = $1
       RETURNING resolution_due_at AS late`,
      [item.id],
    );
    const breached = async () => (await read(true)).items.map((x) => x.id);
    expect(await breached()).not.toContain(item.id);
    // The filter reads the database's clock, the status the API's: wait until both have passed it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, late.getTime() - Date.now()) + 200));
    while ((await other.query(`SELECT now() <= $1::timestamptz AS early`, [late])).rows[0].early)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await breached()).toContain(item.id);
    expect((await read()).items.find((x) => x.id === item.id)?.status).toBe('LATE');
  });

  it("bumps each changed service's version once per committed transaction that changes it", async () => {
    const version = async (id: string) =>
      Number(
        (
          await t.db.query(
            `SELECT coalesce((SELECT version FROM desk_queue_version WHERE support_service_id = $1), 0) AS v`,
            [id],
          )
        )[0].v,
      );
    const [other2]: { id: string }[] = await t.db.query(
      `SELECT s.id FROM support_service s WHERE s.id <> $1 AND s.organization_id = $2
          AND EXISTS (SELECT 1 FROM service_request r WHERE r.support_service_id = s.id) LIMIT 1`,
      [service.id, service.organization_id],
    );
    const [a, b] = [service.id, other2.id];
    const requests: { id: string }[] = await t.db.query(
      `SELECT id FROM service_request WHERE support_service_id = $1 ORDER BY id LIMIT 2`,
      [a],
    );
    const [a0, b0] = [await version(a), await version(b)];

    // An update that changes nothing: no page changes.
    await other.query(`UPDATE service_request SET subject = subject WHERE support_service_id = $1`, [a]);
    expect(await version(a)).toBe(a0);

    // Three statements, a request moved from a to b: each service once, at commit.
    await other.query('BEGIN');
    await other.query(`UPDATE service_request SET subject = subject || '.' WHERE id = $1`, [requests[0].id]);
    await other.query(`UPDATE service_request SET priority = 'HIGH' WHERE id = $1`, [requests[0].id]);
    await other.query(`UPDATE service_request SET support_service_id = $2 WHERE id = $1`, [
      requests[1].id,
      b,
    ]);
    expect([await version(a), await version(b)]).toEqual([a0, b0]); // not committed yet
    await other.query('COMMIT');
    expect([await version(a), await version(b)]).toEqual([a0 + 1, b0 + 1]);

    // The service itself, its categories.
    await other.query(`UPDATE support_service SET description = description || '.' WHERE id = $1`, [b]);
    await other.query(
      `UPDATE request_category SET description = description || '.' WHERE support_service_id = $1`,
      [a],
    );
    expect([await version(a), await version(b)]).toEqual([a0 + 2, b0 + 2]);
    // A rolled-back change: nothing.
    await other.query('BEGIN');
    await other.query(`UPDATE service_request SET subject = subject || '.' WHERE id = $1`, [requests[0].id]);
    await other.query('ROLLBACK');
    expect([await version(a), await version(b)]).toEqual([a0 + 2, b0 + 2]);
  });
});
