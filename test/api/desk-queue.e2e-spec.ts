import { createTestApp, type TestApp } from '../setup/test-app';

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
