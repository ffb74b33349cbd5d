import fc from 'fast-check';
import {
  execute,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from 'graphql';
import {
  executePlan,
  markPropertyReads,
  planExecutorStats,
  planOperation,
  SOURCE_DETERMINED,
  stringifyResult,
  type SourceDetermined,
} from './plan-executor';

/** A resolver marked SOURCE_DETERMINED, fixed by its source when the source says so. */
const marked = (resolve: GraphQLFieldResolver<any, any>, when: SourceDetermined) =>
  Object.defineProperty(resolve, SOURCE_DETERMINED, { value: when });

let shoutCalls = 0;
const Team = new GraphQLObjectType({
  name: 'Team',
  fields: { id: { type: GraphQLString }, name: { type: GraphQLString } },
});
const Person = new GraphQLObjectType({
  name: 'Person',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: GraphQLString },
    age: { type: GraphQLInt },
    team: { type: Team },
    tags: { type: new GraphQLList(GraphQLString) },
    // Fixed by the source once it has `shout` (as a preloaded field is).
    shout: {
      type: GraphQLString,
      resolve: marked(
        (p) => (shoutCalls++, p.shout ?? `${p.name}!`),
        (p) => 'shout' in p,
      ),
    },
    // Depends on who asks: never kept.
    viewer: { type: GraphQLString, resolve: (_p, _a, ctx) => ctx.who },
  },
});
let source: unknown[] = [];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { people: { type: new GraphQLList(Person), resolve: () => source } },
  }),
});
const ROOTS = new Set(['people']);

async function run(query: string, who = 'ann') {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const plan = planOperation(schema, doc, op, ROOTS)!;
  expect(plan).not.toBeNull();
  const ours = await executePlan(schema, plan, { who }, {});
  const theirs = await execute({ schema, document: doc, contextValue: { who } });
  expect(theirs.errors).toBeUndefined();
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs.data));
  expect(stringifyResult({ data: ours })).toBe(JSON.stringify({ data: theirs.data }) + '\n');
  return { plan, doc, op, ours: ours as { people: Record<string, unknown>[] } };
}

const frozenPerson = (id: string, name: string, extra: object = {}) =>
  Object.freeze({
    id,
    name,
    age: 40,
    team: Object.freeze({ id: 't1', name: 'Ops' }),
    tags: Object.freeze(['a']),
    ...extra,
  });

describe('plan executor: results kept for frozen sources', () => {
  it('keeps the result of a frozen source whose fields are all fixed by it, and reuses it for the same plan', async () => {
    const ann = frozenPerson('p1', 'Ann', { shout: 'ANN' });
    source = [ann, Object.freeze({ id: 'p2', name: 'Bob', team: null, tags: null, shout: null })];
    const q = '{ people { id name age team { id name } tags shout } }';
    const first = await run(q);
    const reused = planExecutorStats.reused;
    const calls = shoutCalls;
    // The same document parsed again is another plan; the same plan reuses the kept results.
    const again = await executePlan(schema, first.plan, { who: 'bob' }, {});
    expect(planExecutorStats.reused).toBe(reused + 2);
    expect(shoutCalls).toBe(calls); // not called again
    expect((again as typeof first.ours).people[0]).toBe(first.ours.people[0]);
    expect(Object.isFrozen(first.ours.people[0])).toBe(true);
    expect(() => {
      'use strict';
      (first.ours.people[0] as { name: string }).name = 'changed';
    }).toThrow();
  });

  it('does not keep results of sources that can change, or of fields not fixed by the source', async () => {
    const mutable = { id: 'p1', name: 'Ann', team: null, tags: [], shout: 'A' };
    source = [mutable];
    const a = await run('{ people { id name shout } }');
    mutable.name = 'Annie';
    const b = await executePlan(schema, a.plan, { who: 'ann' }, {});
    expect((b as typeof a.ours).people[0].name).toBe('Annie');

    // A frozen person whose team is not frozen: the person is not kept either.
    const team = { id: 't1', name: 'Ops' };
    source = [Object.freeze({ id: 'p1', name: 'Ann', team, shout: 'A' })];
    const c = await run('{ people { id team { name } } }');
    team.name = 'Support';
    const d = await executePlan(schema, c.plan, { who: 'ann' }, {});
    expect((d as typeof c.ours).people[0].team).toEqual({ name: 'Support' });

    // A resolver without a mark (depends on the viewer): never kept.
    source = [frozenPerson('p1', 'Ann', { shout: 'A' })];
    const e = await run('{ people { id viewer } }', 'ann');
    const f = await executePlan(schema, e.plan, { who: 'bob' }, {});
    expect((f as typeof e.ours).people[0].viewer).toBe('bob');

    // A marked resolver whose condition fails for this source (no `shout`): called every time.
    source = [frozenPerson('p1', 'Ann')];
    const g = await run('{ people { id shout } }');
    const calls = shoutCalls;
    await executePlan(schema, g.plan, { who: 'ann' }, {});
    expect(shoutCalls).toBe(calls + 1);
  });

  it('writes exactly the JSON of JSON.stringify (and a new line), kept parts or not', async () => {
    source = [
      frozenPerson('p1', 'Zoë "Z" \\ \u2028', { shout: '\ud83d\ude00' }),
      frozenPerson('p2', 'Bob', { shout: 'b' }),
    ];
    const r = await run('{ people { id name tags team { id name } shout } }');
    const text = stringifyResult({ data: r.ours });
    expect(stringifyResult({ data: r.ours })).toBe(text);
    expect(
      stringifyResult({ errors: undefined, data: r.ours, extensions: { a: [1, undefined] } } as never),
    ).toBe(JSON.stringify({ data: r.ours, extensions: { a: [1, undefined] } }) + '\n');
    // Any value (not built here) is JSON.stringify's.
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (data, extensions) => {
        const value = { data, extensions } as never;
        let expected: string | undefined;
        try {
          expected = JSON.stringify(value) + '\n';
        } catch {
          return; // BigInt and the like: not JSON
        }
        expect(stringifyResult(value)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("marks only @nestjs/graphql's plain property readers", () => {
    const rootFieldResolver = (root: Record<string, unknown>) => root.x;
    const other = (root: Record<string, unknown>) => root.x;
    const T = new GraphQLObjectType({
      name: 'T',
      fields: {
        a: { type: GraphQLString, resolve: rootFieldResolver },
        b: { type: GraphQLString, resolve: other },
        c: { type: GraphQLString },
      },
    });
    const s = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Q', fields: { t: { type: T } } }) });
    expect(markPropertyReads(s)).toBe(1);
    expect((rootFieldResolver as any)[SOURCE_DETERMINED]).toBeInstanceOf(Function);
    expect((other as any)[SOURCE_DETERMINED]).toBeUndefined();
    expect(markPropertyReads(s)).toBe(0); // already marked
  });
});
