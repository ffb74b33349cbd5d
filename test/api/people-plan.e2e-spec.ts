import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { join } from 'node:path';
import { codes, createTestApp, type TestApp } from '../setup/test-app';
import { planExecutorStats } from '../../apps/api/src/platform/graphql/plan-executor';

/** The directory page answered by the plan executor: the same answers as graphql-js gives. */
describe('people page through the plan executor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const PAGE = `query P($o: Int!) { people(offset: $o, limit: 40) { totalCount offset limit items {
    __typename id displayName jobTitle team { id name } manager { id displayName } position { id title level } } } }`;
  // The same page with `me` beside it: `me` is not a listed root field, so graphql-js executes it.
  const PAGE_AND_ME = PAGE.replace('query P($o: Int!) {', 'query Q($o: Int!) { me { id }');

  it('answers the directory page itself, exactly as graphql-js does, for each role', async () => {
    for (const email of ['hr@meridian.example', 'manager@meridian.example', 'employee@meridian.example']) {
      const token = await t.login(email);
      for (const o of [0, 40]) {
        const before = planExecutorStats.served;
        const ours = await t.gql(PAGE, { o }, token);
        expect(planExecutorStats.served).toBe(before + 1);
        const theirs = await t.gql(PAGE_AND_ME, { o }, token);
        expect(planExecutorStats.served).toBe(before + 1);
        expect(ours.errors).toBeUndefined();
        expect(theirs.errors).toBeUndefined();
        expect(ours.data!.people.items).toHaveLength(40);
        expect(JSON.stringify(ours.data!.people)).toBe(JSON.stringify(theirs.data!.people));
      }
    }
  });

  it("answers the web directory's own People query (fragment, @include), former staff included for HR", async () => {
    const doc = readFileSync(
      join(__dirname, '../../apps/web/src/modules/people/graphql/people.graphql'),
      'utf8',
    );
    const people = doc.slice(0, doc.indexOf('query Person('));
    const withMe = people
      .replace('includeFormer: $includeFormer) {', 'includeFormer: $includeFormer) { __typename')
      .replace(/\n\}\n*$/, '\n  me { id }\n}\n');
    expect(withMe).toContain('me { id }');
    const token = await t.login('hr@meridian.example');
    for (const includeFormer of [false, true]) {
      const variables = { offset: 0, limit: 50, includeFormer };
      const before = planExecutorStats.served;
      const ours = await t.gql(people, variables, token);
      expect(planExecutorStats.served).toBe(before + 1);
      const theirs = await t.gql(withMe, variables, token);
      expect(planExecutorStats.served).toBe(before + 1);
      expect(ours.errors).toBeUndefined();
      expect(ours.data!.people.items[0]).toHaveProperty('manager');
      expect('leftOn' in ours.data!.people.items[0]).toBe(includeFormer);
      const { __typename, ...theirPage } = theirs.data!.people;
      expect(__typename).toBe('PersonPage');
      expect(JSON.stringify(ours.data!.people)).toBe(JSON.stringify(theirPage));
    }
  });

  it('leaves restricted fields to the policy guard: an employee gets FORBIDDEN for pay, as before', async () => {
    const token = await t.login('employee@meridian.example');
    const q = '{ people(limit: 20) { items { displayName canViewPay pay { baseSalary } } } }';
    const before = planExecutorStats.served;
    const r = await t.gql(q, {}, token);
    // Errors: the request is executed again by graphql-js, which reports them.
    expect(planExecutorStats.served).toBe(before);
    expect(new Set(codes(r))).toEqual(new Set(['FORBIDDEN']));
    const items = r.data!.people.items as { canViewPay: boolean; pay: unknown }[];
    expect(items.filter((p) => !p.canViewPay).length).toBe(r.errors!.length);
    expect(items.every((p) => p.canViewPay || p.pay === null)).toBe(true);
    expect(r.errors![0].path).toEqual(['people', 'items', expect.any(Number), 'pay']);
  });

  it('reuses the items of an unchanged cached page (the same answer), and never once anything changed', async () => {
    const token = await t.login('manager@meridian.example');
    const first = await t.gql(PAGE, { o: 80 }, token);
    const reused = planExecutorStats.reused;
    const second = await t.gql(PAGE, { o: 80 }, token);
    expect(planExecutorStats.reused).toBeGreaterThanOrEqual(reused + 40);
    expect(second).toEqual(first);
    const someone = first.data!.people.items[3] as { id: string; displayName: string };
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query(`UPDATE person SET first_name = first_name || 'x' WHERE id = $1`, [someone.id]);
      const after = await t.gql(PAGE, { o: 80 }, token);
      const theirs = await t.gql(PAGE_AND_ME, { o: 80 }, token);
      const changed = (after.data!.people.items as { id: string; displayName: string }[]).find(
        (p) => p.id === someone.id,
      );
      expect(changed?.displayName).not.toBe(someone.displayName);
      expect(changed?.displayName.split(' ')[0]).toMatch(/x$/);
      expect(JSON.stringify(after.data!.people)).toBe(JSON.stringify(theirs.data!.people));
    } finally {
      await other.query(`UPDATE person SET first_name = left(first_name, -1) WHERE id = $1`, [someone.id]);
      await other.end();
    }
  });

  it('refuses a signed-out request and bad arguments as before', async () => {
    const out = await t.gql(PAGE, { o: 0 });
    expect(codes(out)).toEqual(['UNAUTHENTICATED']);
    const token = await t.login('hr@meridian.example');
    const bad = await t.gql('{ people(limit: 0) { totalCount } }', {}, token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
