import { Client } from 'pg';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, Kind, type DocumentNode, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { codes, createTestApp, type TestApp } from '../setup/test-app';
import * as webOperations from '../../apps/web/src/gql/graphql';
import { operationCost } from '../../apps/api/src/platform/graphql/complexity.plugin';
import { MAX_COST } from '../../apps/api/src/platform/graphql/limits';

describe('GraphQL hygiene: loaders, paging, limits, CSRF, errors', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr@meridian.example');
  });
  afterAll(() => t.close());

  /** Counts the SQL statements the pool sends while `fn` runs. */
  async function countStatements(fn: () => Promise<unknown>): Promise<number> {
    const original = Client.prototype.query;
    let n = 0;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      n++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await fn();
    } finally {
      Client.prototype.query = original;
    }
    return n;
  }

  it('lists 100 people with team, manager and position in one statement; an unchanged page in one lookup', async () => {
    const q =
      '{ people(limit: 100) { totalCount items { displayName jobTitle team { name } manager { displayName } position { title } } } }';
    let first: { data?: { people: { items: unknown[]; totalCount: number } } } = {};
    let again: typeof first = {};
    const cold = await countStatements(async () => {
      first = await t.gql(q, {}, hr);
    });
    expect(first.data!.people.items).toHaveLength(100);
    expect(first.data!.people.totalCount).toBe(303);
    expect(cold).toBe(1); // the page, the total, the relations and the directory version together
    const warm = await countStatements(async () => {
      again = await t.gql(q, {}, hr);
    });
    expect(warm).toBe(1); // the directory version, by primary key: the page is unchanged
    expect(again).toEqual(first);
  });

  it('never serves a cached page after a person, team or position has changed (any instance, any writer)', async () => {
    const q =
      '{ people(search: "camille durand") { items { displayName jobTitle team { name } manager { displayName } } } }';
    const read = async () => (await t.gql(q, {}, hr)).data!.people.items[0];
    const before = await read();
    expect(before).toMatchObject({ displayName: 'Camille Durand', manager: { displayName: 'Nadia Benali' } });
    // Another instance (or any SQL writer) changes the data: its own connection, not this app's pool.
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      const [camille] = (
        await other.query(
          `SELECT id, team_id, position_id, manager_id FROM person WHERE email = 'employee@meridian.example'`,
        )
      ).rows;
      await other.query(`UPDATE team SET name = name || ' (renamed)' WHERE id = $1`, [camille.team_id]);
      expect((await read()).team.name).toBe(`${before.team.name} (renamed)`);
      await other.query(`UPDATE position SET title = title || ' II' WHERE id = $1`, [camille.position_id]);
      expect((await read()).jobTitle).toBe(`${before.jobTitle} II`);
      await other.query(`UPDATE person SET first_name = 'Nadine' WHERE id = $1`, [camille.manager_id]);
      expect((await read()).manager.displayName).toBe('Nadine Benali');
      // A transaction rolled back changes nothing, and the page read during it is the committed one.
      await other.query('BEGIN');
      await other.query(`UPDATE person SET last_name = 'Rolledback' WHERE id = $1`, [camille.id]);
      expect((await read()).displayName).toBe('Camille Durand');
      await other.query('ROLLBACK');
      expect((await read()).displayName).toBe('Camille Durand');
      await other.query(`UPDATE team SET name = $2 WHERE id = $1`, [camille.team_id, before.team.name]);
      await other.query(`UPDATE position SET title = $2 WHERE id = $1`, [
        camille.position_id,
        before.jobTitle,
      ]);
      await other.query(`UPDATE person SET first_name = 'Nadia' WHERE id = $1`, [camille.manager_id]);
    } finally {
      await other.end();
    }
    expect(await read()).toEqual(before);
  });

  it('pages with offset and limit, with the total, and past the end', async () => {
    const q = 'query($o: Int!) { people(offset: $o, limit: 50) { totalCount offset limit items { id } } }';
    const p1 = await t.gql(q, { o: 0 }, hr);
    const p2 = await t.gql(q, { o: 50 }, hr);
    const end = await t.gql(q, { o: 1000 }, hr);
    expect(p1.data!.people.totalCount).toBe(303);
    const ids1 = p1.data!.people.items.map((x: { id: string }) => x.id);
    const ids2 = p2.data!.people.items.map((x: { id: string }) => x.id);
    expect(ids1.filter((i: string) => ids2.includes(i))).toEqual([]);
    expect(end.data!.people).toEqual({ totalCount: 303, offset: 1000, limit: 50, items: [] });
    const tooMany = await t.gql('{ people(limit: 1000) { totalCount } }', {}, hr);
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0].extensions!.field).toBe('limit');
  });

  it('searches by name, accent and case included, and filters by team', async () => {
    const r = await t.gql(
      '{ people(search: "camille dur") { totalCount items { displayName team { id name } } } }',
      {},
      hr,
    );
    expect(r.data!.people.items.map((p: { displayName: string }) => p.displayName)).toContain(
      'Camille Durand',
    );
    const teamId = r.data!.people.items[0].team.id;
    const inTeam = await t.gql(
      'query($t: ID!) { people(teamId: $t, limit: 100) { totalCount items { team { id } } } }',
      { t: teamId },
      hr,
    );
    expect(inTeam.data!.people.items.every((p: { team: { id: string } }) => p.team.id === teamId)).toBe(true);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM person WHERE team_id = $1 AND left_on IS NULL',
      [teamId],
    );
    expect(inTeam.data!.people.totalCount).toBe(n);
    const wild = await t.gql('{ people(search: "%") { totalCount } }', {}, hr);
    expect(wild.data!.people.totalCount).toBe(0);
  });

  it('refuses a query nested too deep', async () => {
    const deep =
      '{ me { manager { manager { manager { manager { manager { manager { manager { manager { manager { manager { id } } } } } } } } } } } }';
    const r = await t.gql(deep, {}, hr);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/too deep/);
  });

  it('refuses too many aliases and too expensive a query', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(r0(await t.gql(`{ ${aliases} }`, {}, hr))).toMatch(/Too many aliases/);
    const costly =
      '{ people(limit: 100) { items { directReports { directReports { directReports { team { name } } } } } } }';
    const r = await t.gql(costly, {}, hr);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r0(r)).toMatch(/too expensive/);
    // A refusal of the client's query is a 400, not a server error.
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${hr}`)
      .send({ query: costly });
    expect(res.status).toBe(400);
    // Short bounded lists state their own cost: a survey's answer form with its options fits.
    const form = await t.gql(
      '{ mySurveys { invitationId questions { id type text { en fr } options { id label { en fr } } scale { min max minLabel { en fr } maxLabel { en fr } } } } }',
      {},
      hr,
    );
    expect(form.errors).toBeUndefined();
  });

  it('lets every query of the web app through the cost limit, with its largest page', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    // A value for each variable: the largest page (limit 100), 24 periods, a real-looking id.
    const valueOf = (name: string, type: TypeNode): unknown => {
      if (type.kind === Kind.NON_NULL_TYPE) return valueOf(name, type.type);
      if (type.kind === Kind.LIST_TYPE) return [];
      switch (type.name.value) {
        case 'Int':
          return name === 'limit' ? 100 : 24;
        case 'Boolean':
          return false;
        case 'ID':
          return '00000000-0000-4000-8000-000000000000';
        default: {
          const named = schema.getType(type.name.value);
          return isEnumType(named) ? named.getValues()[0]!.value : 'x';
        }
      }
    };
    const costs: Record<string, number> = {};
    for (const [name, value] of Object.entries(webOperations)) {
      if (!name.endsWith('Document')) continue;
      const document = value as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (!operation || operation.operation !== 'query') continue;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          valueOf(v.variable.name.value, v.type),
        ]),
      );
      costs[name] = operationCost(schema, document, operation.name?.value, variables);
    }
    expect(Object.keys(costs).length).toBeGreaterThan(30);
    expect(Object.entries(costs).filter(([, cost]) => cost > MAX_COST)).toEqual([]);
  });

  it('refuses batched requests and cross-site (simple) requests', async () => {
    const batch = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    const simple = await t
      .http()
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ __typename }' }));
    expect(simple.status).toBe(400);
    const get = await t.http().get('/graphql?query=%7B__typename%7D');
    expect(get.status).toBe(400);
    expect(JSON.stringify(get.body)).toMatch(/CSRF|preflight/i);
  });

  it('gives bad input a field path and never a stack trace', async () => {
    const bad = await t.gql('{ person(id: "not-a-uuid") { id } }', {}, hr);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('id');
    const unknown = await t.gql(
      'query($id: ID!) { person(id: $id) { id } }',
      { id: '00000000-0000-4000-a000-000000000000' },
      hr,
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const wrongType = await t.gql('{ people(limit: "ten") { totalCount } }', {}, hr);
    expect(wrongType.errors!.length).toBeGreaterThan(0);
    for (const r of [bad, unknown, wrongType])
      expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('hides internal failures behind a generic message', async () => {
    // Break the database under the API: the client learns nothing but "Internal server error".
    await t.db.query('ALTER TABLE position RENAME TO position_gone');
    try {
      const r = await t.gql('{ positions { id } }', {}, hr);
      expect(r.errors![0]).toEqual(
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      );
      expect(JSON.stringify(r)).not.toMatch(/position_gone|relation|stack/);
    } finally {
      await t.db.query('ALTER TABLE position_gone RENAME TO position');
    }
  });

  it('answers liveness and readiness', async () => {
    expect((await t.http().get('/health')).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/ready')).body).toEqual({ status: 'ready' });
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ nodeEnv: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const r = await t.gql('{ __schema { types { name } } }');
    expect(r.errors![0].message).toMatch(/introspection/i);
  });
});

const r0 = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message ?? '';
