import { ApolloServer } from '@apollo/server';
import {
  execute,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import {
  coerceVariables,
  conditionVariables,
  executePlan,
  planExecutorPlugin,
  planExecutorStats,
  planOperation,
} from './plan-executor';

const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 1));

/** Calls of every resolver, with what they were given, to compare with graphql-js's. */
let calls: { field: string; args: unknown; path: string; ctx: unknown }[] = [];
const pathOf = (p: { prev?: unknown; key: string | number } | undefined): string =>
  p ? `${pathOf(p.prev as never)}/${p.key}` : '';
const track =
  <T>(fn: (src: any, args: any) => T) =>
  (src: any, args: any, ctx: unknown, info: any) => {
    calls.push({
      field: `${info.parentType.name}.${info.fieldName}`,
      args: { ...args },
      path: pathOf(info.path),
      ctx,
    });
    return fn(src, args);
  };

const Level = new GraphQLEnumType({ name: 'Level', values: { LOW: { value: 1 }, HIGH: { value: 2 } } });
const Money = new GraphQLScalarType({ name: 'Money', serialize: (v) => `${Number(v).toFixed(2)} EUR` });
const Node = new GraphQLInterfaceType({ name: 'Node', fields: { id: { type: GraphQLID } } });

const Team: GraphQLObjectType = new GraphQLObjectType({
  name: 'Team',
  interfaces: [Node],
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString, resolve: track((t) => later(t.name)) },
    level: { type: Level },
    budget: { type: Money },
    members: {
      type: new GraphQLList(new GraphQLNonNull(Person)),
      args: { first: { type: GraphQLInt, defaultValue: 2 } },
      resolve: track((t, { first }) => t.members.slice(0, first)),
    },
    broken: { type: GraphQLString, resolve: () => Promise.reject(new Error('broken team')) },
    missing: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    badLevel: { type: Level, resolve: () => 7 },
    nothing: { type: new GraphQLScalarType({ name: 'Nothing', serialize: () => null }), resolve: () => 1 },
  }),
});
const Person: GraphQLObjectType = new GraphQLObjectType({
  name: 'Person',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    team: { type: Team, resolve: track((p) => p.team && later(p.team)) },
    tags: { type: new GraphQLList(GraphQLString), resolve: (p) => new Set(p.tags) },
    scores: {
      type: new GraphQLList(GraphQLInt),
      resolve: (p) => p.tags.map((_: string, i: number) => later(i)),
    },
  }),
});

const teams = [
  { id: 't1', name: 'Alpha', level: 2, budget: 10.5, members: [] as object[] },
  { id: 't2', name: 'Beta', level: 1, budget: 3, members: [] as object[] },
];
const people = [
  { id: 'p1', name: 'Ann', team: teams[0], tags: ['a', 'b'] },
  { id: 'p2', name: 'Bob', team: null, tags: [] },
  { id: 'p3', name: 'Cid', team: teams[1], tags: ['c'] },
];
teams[0].members = [people[0], people[2]];
teams[1].members = [people[2]];

const schema = new GraphQLSchema({
  types: [Node],
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      people: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Person))),
        args: {
          offset: { type: GraphQLInt, defaultValue: 0 },
          limit: { type: new GraphQLNonNull(GraphQLInt) },
        },
        resolve: track((_s, { offset, limit }) => later(people.slice(offset, offset + limit))),
      },
      teams: { type: new GraphQLList(Team), resolve: track(() => teams) },
      node: { type: Node, resolve: () => teams[0] },
      fails: { type: GraphQLString, resolve: () => new GraphQLError('refused') },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: { touch: { type: GraphQLInt, resolve: () => 1 } },
  }),
});

const ROOTS = new Set(['people', 'teams', 'node', 'fails']);
const op = (doc: ReturnType<typeof parse>) =>
  doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;

/** The plan executor's data and resolver calls, then graphql-js's for the same request. */
async function both(query: string, inputs: Record<string, unknown> = {}) {
  const doc = parse(query);
  const variables = coerceVariables(schema, op(doc), inputs);
  const plan = variables ? planOperation(schema, doc, op(doc), ROOTS, variables) : null;
  calls = [];
  const ctx = { who: 'viewer' };
  const ours = plan ? await executePlan(schema, plan, ctx, variables!) : undefined;
  const ourCalls = calls;
  calls = [];
  const theirs = await execute({ schema, document: doc, variableValues: inputs, contextValue: ctx });
  return { plan, ours, ourCalls, theirs, theirCalls: calls };
}

describe('plan executor', () => {
  it('answers exactly as graphql-js, calling the same resolvers with the same arguments, context and paths', async () => {
    const r = await both(
      `query P($o: Int, $l: Int!) {
        people(offset: $o, limit: $l) {
          __typename id who: name ...PersonBits
          team { ... on Team { id name level budget } members(first: 1) { id } }
          tags scores
        }
        teams { id name members { name team { id } } }
      }
      fragment PersonBits on Person { name id team { name } }`,
      { o: 0, l: 3 },
    );
    expect(r.plan).not.toBeNull();
    expect(r.theirs.errors).toBeUndefined();
    expect(JSON.stringify(r.ours)).toBe(JSON.stringify(r.theirs.data));
    const sorted = (c: typeof calls) => [...c].sort((a, b) => (a.path + a.field < b.path + b.field ? -1 : 1));
    expect(sorted(r.ourCalls)).toEqual(sorted(r.theirCalls));
    expect(r.ourCalls.length).toBeGreaterThan(10);
    // Plain objects, in the selection's order.
    expect(Object.getPrototypeOf((r.ours as any).people[0])).toBe(Object.prototype);
    expect(Object.keys((r.ours as any).people[0])).toEqual(Object.keys((r.theirs.data as any).people[0]));
  });

  it('uses argument defaults and coerced variables', async () => {
    const r = await both('query($l: Int!) { people(limit: $l) { id } teams { members { id } } }', { l: '2' });
    // An invalid variable ("2" for Int): left to graphql-js, which reports it.
    expect(r.ours).toBeUndefined();
    expect(r.theirs.errors?.[0].message).toMatch(/Int/);
    const ok = await both('query($l: Int!) { people(limit: $l) { id } teams { members { id } } }', { l: 2 });
    expect(ok.ours).toEqual(JSON.parse(JSON.stringify(ok.theirs.data)));
  });

  it('leaves any request with an error to graphql-js (rejections, error values, null for non-null, values a scalar or enum cannot represent)', async () => {
    for (const q of [
      '{ teams { broken } }',
      '{ fails }',
      '{ teams { missing } }',
      '{ teams { badLevel } }',
      '{ teams { nothing } }',
      '{ people(limit: 3) { team { id } } teams { id } fails }',
    ]) {
      const r = await both(q);
      expect(r.plan).not.toBeNull();
      expect(r.ours).toBeUndefined();
      expect(r.theirs.errors?.length).toBeGreaterThan(0);
    }
    // No unhandled rejection from the abandoned run: give pending promises time to settle.
    await later(null);
    await later(null);
  });

  it('plans @skip and @include by the values of their variables, as graphql-js decides them', async () => {
    const q = `query($s: Boolean!, $i: Boolean = true) {
      teams { id name @skip(if: $s) ...T @include(if: $i) members { ... on Person @include(if: false) { id } name } }
    }
    fragment T on Team { level }`;
    expect(conditionVariables(parse(q), op(parse(q)))).toEqual(['i', 's']);
    const refused = await both(q, { s: false, i: null }); // null for the Boolean! of @include
    expect(refused.plan).toBeNull();
    expect(refused.theirs.errors?.[0].message).toMatch(/must not be null/);
    for (const v of [{ s: true }, { s: false, i: false }, { s: false }, { s: true, i: true }]) {
      const r = await both(q, v);
      expect(r.plan).not.toBeNull();
      expect(r.theirs.errors).toBeUndefined();
      expect(JSON.stringify(r.ours)).toBe(JSON.stringify(r.theirs.data));
    }
    const deferred = parse('{ teams { id ... @defer { name } } }');
    expect(conditionVariables(deferred, op(deferred))).toBeNull();
  });

  it('plans only plain queries on the listed root fields', () => {
    const plan = (q: string, roots: Set<string> = ROOTS) => {
      const doc = parse(q);
      return planOperation(schema, doc, op(doc), roots);
    };
    expect(plan('{ teams { id } }')).not.toBeNull();
    expect(plan('{ teams { id } }', new Set(['people']))).toBeNull();
    expect(plan('{ __typename }')).toBeNull();
    expect(plan('{ node { id } }')).toBeNull(); // abstract type
    expect(plan('{ teams { ... on Node { id } } }')).toBeNull();
    expect(plan('{ teams { id ... @defer { name } } }')).toBeNull();
    expect(plan('{ __schema { types { name } } }')).toBeNull();
    expect(plan('{ teams { a: name a: id } }')).toBeNull();
  });

  it('answers through Apollo for listed queries only, and Apollo executes the rest as before', async () => {
    const server = new ApolloServer({ schema, plugins: [planExecutorPlugin(() => schema, ROOTS)] });
    await server.start();
    try {
      const served = planExecutorStats.served;
      const run = async (query: string) => {
        const r = await server.executeOperation({ query, variables: { l: 2 } });
        return r.body.kind === 'single' ? r.body.singleResult : null;
      };
      const listed = await run('query($l: Int!) { people(limit: $l) { id name team { name } } }');
      expect(listed).toEqual({
        data: {
          people: [
            { id: 'p1', name: 'Ann', team: { name: 'Alpha' } },
            { id: 'p2', name: 'Bob', team: null },
          ],
        },
      });
      expect(planExecutorStats.served).toBe(served + 1);
      const failing = await run('{ teams { id broken } }');
      expect(failing?.errors?.[0]).toMatchObject({ message: 'broken team', path: ['teams', 0, 'broken'] });
      expect((failing?.data as any).teams[1]).toEqual({ id: 't2', broken: null });
      const mutation = await run('mutation { touch }');
      expect(mutation?.data).toEqual({ touch: 1 });
      expect(planExecutorStats.served).toBe(served + 1);
    } finally {
      await server.stop();
    }
  });
});
