import { codes, createTestApp, type TestApp } from '../setup/test-app';

// The viewer's notifications: the bell's latest and the notifications page, paged, all or unread;
// marking read; nobody reads or marks anyone else's.

const FEED = `query($o: Int!, $l: Int!, $u: Boolean!) { notifications(offset: $o, limit: $l, unreadOnly: $u) {
  unreadCount totalCount offset limit items { id title readAt } } }`;

describe('notifications', () => {
  let t: TestApp;
  let employee: string;
  let employeeId: string;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    employee = await t.login('employee@meridian.example');
    [{ id: employeeId, organization_id: orgId }] = await t.db.query(
      `SELECT id, organization_id FROM person WHERE email = 'employee@meridian.example'`,
    );
    // 30 notifications a minute apart, every third read; one for the manager.
    await t.db.query(`DELETE FROM notification WHERE person_id = $1`, [employeeId]);
    await t.db.query(
      `INSERT INTO notification (organization_id, person_id, kind, title, body, created_at, read_at)
       SELECT $1, $2, 'TEST', 'note ' || i, '', now() - make_interval(mins => i),
              CASE WHEN i % 3 = 0 THEN now() END
         FROM generate_series(1, 30) AS i`,
      [orgId, employeeId],
    );
    await t.db.query(
      `INSERT INTO notification (organization_id, person_id, kind, title, body)
       SELECT organization_id, id, 'TEST', 'for the manager', '' FROM person WHERE email = 'manager@meridian.example'`,
    );
  });
  afterAll(() => t.close());

  const feed = async (o: number, l: number, u: boolean, token = employee) => {
    const r = await t.gql(FEED, { o, l, u }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.notifications as {
      unreadCount: number;
      totalCount: number;
      offset: number;
      limit: number;
      items: { id: string; title: string; readAt: string | null }[];
    };
  };

  it('pages through all of them, latest first, with the totals', async () => {
    const first = await feed(0, 12, false);
    expect(first).toMatchObject({ unreadCount: 20, totalCount: 30, offset: 0, limit: 12 });
    expect(first.items.map((i) => i.title)).toEqual(Array.from({ length: 12 }, (_, i) => `note ${i + 1}`));
    const last = await feed(24, 12, false);
    expect(last.items.map((i) => i.title)).toEqual([
      'note 25',
      'note 26',
      'note 27',
      'note 28',
      'note 29',
      'note 30',
    ]);
    expect((await feed(30, 12, false)).items).toEqual([]);
  });

  it('lists the unread ones only, when asked', async () => {
    const unread = await feed(0, 100, true);
    expect(unread.totalCount).toBe(20);
    expect(unread.unreadCount).toBe(20);
    expect(unread.items).toHaveLength(20);
    expect(unread.items.every((i) => i.readAt === null)).toBe(true);
    expect(unread.items.some((i) => i.title === 'note 3')).toBe(false);
  });

  it('refuses bad paging with the field, and a caller without a token', async () => {
    for (const [o, l, field] of [
      [0, 0, 'limit'],
      [0, 101, 'limit'],
      [-1, 10, 'offset'],
    ] as const) {
      const r = await t.gql(FEED, { o, l, u: false }, employee);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(r.errors)).toContain(field);
    }
    expect(codes(await t.gql(FEED, { o: 0, l: 10, u: false }))).toEqual(['UNAUTHENTICATED']);
  });

  it("marks one or all read, the viewer's own only", async () => {
    const manager = await t.login('manager@meridian.example');
    const theirs = (await feed(0, 100, false, manager)).items.find((i) => i.title === 'for the manager')!;
    const denied = await t.gql(
      'mutation($id: ID!) { markNotificationRead(id: $id) { id } }',
      { id: theirs.id },
      employee,
    );
    expect(codes(denied)).toEqual(['NOT_FOUND']);
    const [first] = (await feed(0, 1, true)).items;
    const marked = await t.gql(
      'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }',
      { id: first.id },
      employee,
    );
    expect(marked.data!.markNotificationRead.readAt).not.toBeNull();
    expect((await feed(0, 10, true)).totalCount).toBe(19);
    const all = await t.gql('mutation { markAllNotificationsRead }', {}, employee);
    expect(all.data!.markAllNotificationsRead).toBe(19);
    expect(await feed(0, 10, true)).toMatchObject({ unreadCount: 0, totalCount: 0, items: [] });
    // The manager's stays unread.
    expect((await feed(0, 100, true, manager)).items.map((i) => i.id)).toContain(theirs.id);
  });
});
