import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type DirectiveNode,
  type SelectionNode,
  getNullableType,
  getVariableValues,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  defaultFieldResolver,
} from 'graphql';

/**
 * A query executor for the common shape of our read queries, as an Apollo plugin
 * (`responseForOperation`): the field plan of a document is worked out once (which fields, their
 * definitions, resolvers and how to complete each value), then every request walks that plan.
 *
 * graphql-js works the plan out again for every object of every response (collecting fields,
 * coercing the arguments of fields that have none, building info objects) and builds its results
 * as null-prototype objects, which V8 keeps as dictionaries: for a directory page of 50 people,
 * about 600 fields, that is most of the request's CPU time. The same resolvers are called with the
 * same arguments, context and info (guards, pipes, DataLoaders, authorization are unchanged).
 *
 * It answers only when the whole request is plain: a query (not a mutation or subscription) whose
 * root fields are all in `rootFields`, without directives other than @skip and @include, abstract
 * types, `isTypeOf` checks, introspection or repeated response names with different fields, and
 * only when every field resolves without an error. Otherwise it answers nothing and graphql-js
 * executes the request as before, from the start, so errors (their messages, paths, null
 * propagation and formatting) are exactly graphql-js's. Resolvers of the listed root fields must
 * therefore have no side effects (a field error makes them run twice).
 */
export function planExecutorPlugin(
  getSchema: () => GraphQLSchema,
  rootFields: ReadonlySet<string>,
): ApolloServerPlugin {
  const plans = new WeakMap<DocumentNode, Map<string, KnownOperation>>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc: GraphQLRequestContext<object>) {
          const { document, operation } = rc;
          if (!document || !operation || operation.operation !== 'query') return null;
          const schema = getSchema();
          let byOperation = plans.get(document);
          if (!byOperation) plans.set(document, (byOperation = new Map()));
          const name = operation.name?.value ?? '';
          let known = byOperation.get(name);
          if (!known) {
            // Other queries are left alone at once (their variables are not even coerced).
            const listed = operation.selectionSet.selections.every(
              (f) => f.kind === Kind.FIELD && rootFields.has(f.name.value),
            );
            byOperation.set(
              name,
              (known = { conditions: listed ? conditionVariables(document, operation) : null }),
            );
          }
          if (!known.conditions) return null;
          const variables = coerceVariables(schema, operation, rc.request.variables ?? {});
          if (!variables) return null;
          // One plan per value of the variables that @skip and @include read (usually none).
          const key = known.conditions.map((v) => String(variables[v])).join('\u0001');
          let plan = known.plans?.get(key);
          if (plan === undefined) {
            plan = planOperation(schema, document, operation, rootFields, variables);
            (known.plans ??= new Map()).set(key, plan);
            if (known.plans.size > MAX_PLANS_PER_OPERATION)
              known.plans.delete(known.plans.keys().next().value!);
          }
          if (!plan) return null;
          const data = await executePlan(schema, plan, rc.contextValue, variables);
          if (data === undefined) return null;
          planExecutorStats.served++;
          return { body: { kind: 'single', singleResult: { data } }, http: { headers: new Map() } } as never;
        },
      };
    },
  };
}

const MAX_PLANS_PER_OPERATION = 16;

interface KnownOperation {
  /** The variables of @skip/@include conditions; null if not planned (other root fields or directives). */
  conditions: string[] | null;
  plans?: Map<string, OperationPlan | null>;
}

/**
 * The variables read by @skip(if:) and @include(if:) in the operation and its fragments; null if
 * any other directive is used (@defer, @stream, ...): graphql-js executes those operations.
 */
export function conditionVariables(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string[] | null {
  const names = new Set<string>();
  let other = false;
  const scan = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(scan);
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; directives?: readonly DirectiveNode[] };
    for (const d of n.directives ?? []) {
      if (d.name.value !== 'skip' && d.name.value !== 'include') other = true;
      for (const a of d.arguments ?? []) if (a.value.kind === Kind.VARIABLE) names.add(a.value.name.value);
    }
    for (const [k, v] of Object.entries(n))
      if (k !== 'loc' && k !== 'directives' && typeof v === 'object') scan(v);
  };
  scan(operation);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) scan(d);
  return other ? null : [...names].sort();
}

/** The operation's variables coerced as graphql-js does, or undefined if they are not valid. */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const r = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  return r.errors ? undefined : r.coerced;
}

/**
 * How many requests the plan executor answered, how many object results it sealed (kept for their
 * frozen source) and how many times it reused one (for tests).
 */
export const planExecutorStats = { served: 0, sealed: 0, reused: 0 };

type Completion =
  | { kind: 'nonNull'; of: Completion; parent: string; field: string }
  | { kind: 'list'; of: Completion }
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'object'; plan: ObjectPlan };

interface FieldPlan {
  responseName: string;
  /** For a resolver marked SOURCE_DETERMINED: whether its value is fixed by this source. */
  determined?: SourceDetermined;
  typename: boolean;
  fieldName: string;
  fieldNodes: FieldNode[];
  def: GraphQLField<unknown, unknown>;
  resolve: GraphQLFieldResolver<unknown, unknown>;
  hasArgs: boolean;
  completion: Completion;
}

interface ObjectPlan {
  type: GraphQLObjectType;
  fields: FieldPlan[];
  /**
   * Results kept per frozen source object, when every field of this plan is fixed by its source
   * alone (property reads, __typename, resolvers marked SOURCE_DETERMINED); null otherwise.
   */
  memo: WeakMap<object, Record<string, unknown>> | null;
}

interface OperationPlan {
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  root: ObjectPlan;
}

/** Not a plain request: graphql-js executes it. */
class Unsupported extends Error {}

export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootFields: ReadonlySet<string>,
  variables: Record<string, unknown> = {},
): OperationPlan | null {
  const query = schema.getQueryType();
  if (!query || operation.directives?.length) return null;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  try {
    const root = planObject(query, [operation.selectionSet], { fragments, variables }, 0);
    if (!root.fields.every((f) => !f.typename && rootFields.has(f.fieldName))) return null;
    return { operation, fragments, root };
  } catch {
    return null; // Unsupported, or a condition graphql-js refuses (reported by it)
  }
}

const MAX_PLAN_DEPTH = 50;

interface Planning {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Whether @skip/@include keep a selection, as graphql-js decides it (other directives: refused). */
function included(node: SelectionNode | FragmentDefinitionNode, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (node.directives.some((d) => d.name.value !== 'skip' && d.name.value !== 'include'))
    throw new Unsupported();
  if (node.kind === Kind.FRAGMENT_DEFINITION) throw new Unsupported();
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  return true;
}

function planObject(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  planning: Planning,
  depth: number,
): ObjectPlan {
  const { fragments, variables } = planning;
  if (type.isTypeOf || depth > MAX_PLAN_DEPTH) throw new Unsupported();
  const grouped = new Map<string, FieldNode[]>();
  const collect = (set: SelectionSetNode, visited: Set<string>) => {
    for (const s of set.selections) {
      if (!included(s, variables)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = grouped.get(key);
        if (list) list.push(s);
        else grouped.set(key, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition && s.typeCondition.name.value !== type.name) throw new Unsupported();
        collect(s.selectionSet, visited);
      } else {
        const name = s.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const f = fragments[name];
        if (!f || !included(f, variables) || f.typeCondition.name.value !== type.name)
          throw new Unsupported();
        collect(f.selectionSet, visited);
      }
    }
  };
  for (const set of selectionSets) collect(set, new Set());
  const fields: FieldPlan[] = [];
  const defs = type.getFields();
  let memoizable = true;
  for (const [responseName, nodes] of grouped) {
    const fieldName = nodes[0].name.value;
    // Validation guarantees that fields sharing a response name can merge; plan only the simple case.
    if (nodes.some((n) => n.name.value !== fieldName || n.arguments?.length)) {
      if (nodes.length > 1) throw new Unsupported();
    }
    if (fieldName === '__typename') {
      fields.push({ responseName, typename: true } as FieldPlan);
      continue;
    }
    const def = defs[fieldName];
    if (!def) throw new Unsupported(); // introspection (__schema, __type) or unknown
    const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    const determined = def.resolve
      ? ((def.resolve as { [SOURCE_DETERMINED]?: SourceDetermined })[SOURCE_DETERMINED] ?? null)
      : undefined;
    if (determined === null) memoizable = false;
    fields.push({
      responseName,
      typename: false,
      fieldName,
      fieldNodes: nodes,
      def: def as GraphQLField<unknown, unknown>,
      resolve: (def.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>,
      determined: determined ?? undefined,
      hasArgs: def.args.length > 0,
      completion: planCompletion(def.type, subSets, planning, depth, type.name, fieldName),
    });
  }
  return { type, fields, memo: memoizable ? new WeakMap() : null };
}

function planCompletion(
  type: GraphQLOutputType,
  subSets: SelectionSetNode[],
  planning: Planning,
  depth: number,
  parent: string,
  field: string,
): Completion {
  if (isNonNullType(type))
    return {
      kind: 'nonNull',
      of: planCompletion(type.ofType, subSets, planning, depth, parent, field),
      parent,
      field,
    };
  if (isListType(type))
    return { kind: 'list', of: planCompletion(type.ofType, subSets, planning, depth, parent, field) };
  const named = getNullableType(type);
  if (isScalarType(named) || isEnumType(named)) return { kind: 'leaf', type: named };
  if (isObjectType(named)) return { kind: 'object', plan: planObject(named, subSets, planning, depth + 1) };
  throw new Unsupported(); // interfaces and unions
}

/** Any error: the request is left to graphql-js. */
class Abort extends Error {}

type Path = {
  readonly prev: Path | undefined;
  readonly key: string | number;
  readonly typename: string | undefined;
};

interface Run {
  schema: GraphQLSchema;
  plan: OperationPlan;
  context: unknown;
  variables: Record<string, unknown>;
}

const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';
const ignore = () => undefined;

/** The query's data (variables already coerced), or undefined when graphql-js should execute it (any error). */
export async function executePlan(
  schema: GraphQLSchema,
  plan: OperationPlan,
  context: unknown,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const run: Run = { schema, plan, context, variables };
  try {
    const data = executeObject(run, plan.root, undefined, undefined);
    return (isPromise(data) ? await data : data) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Whether this source's result for this plan is fixed: a frozen object, every resolver's value fixed by it. */
function fixedBySource(plan: ObjectPlan, source: unknown, context: unknown): source is object {
  if (typeof source !== 'object' || source === null || !Object.isFrozen(source)) return false;
  for (const f of plan.fields) if (f.determined && !f.determined(source, context)) return false;
  return true;
}

function executeObject(
  run: Run,
  plan: ObjectPlan,
  source: unknown,
  path: Path | undefined,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  const memo = plan.memo && fixedBySource(plan, source, run.context) ? plan.memo : null;
  if (memo) {
    const kept = memo.get(source as object);
    if (kept) {
      planExecutorStats.reused++;
      return kept;
    }
  }
  const out: Record<string, unknown> = {};
  let pending: Promise<void>[] | undefined;
  const typename = plan.type.name;
  for (const f of plan.fields) {
    if (f.typename) {
      out[f.responseName] = typename;
      continue;
    }
    const fieldPath: Path = { prev: path, key: f.responseName, typename };
    const info: GraphQLResolveInfo = {
      fieldName: f.fieldName,
      fieldNodes: f.fieldNodes,
      returnType: f.def.type,
      parentType: plan.type,
      path: fieldPath,
      schema: run.schema,
      fragments: run.plan.fragments,
      rootValue: undefined,
      operation: run.plan.operation,
      variableValues: run.variables,
    };
    const args = f.hasArgs ? getArgumentValues(f.def, f.fieldNodes[0], run.variables) : {};
    const raw = f.resolve(source, args, run.context, info);
    const value = isPromise(raw)
      ? raw.then((v) => complete(run, f.completion, v, fieldPath))
      : complete(run, f.completion, raw, fieldPath);
    if (isPromise(value)) {
      out[f.responseName] = undefined; // keeps the selection's order
      const key = f.responseName;
      const settled = value.then((v) => void (out[key] = v));
      settled.catch(ignore); // seen by Promise.all below, or by nobody once the run is abandoned
      (pending ??= []).push(settled);
    } else {
      out[f.responseName] = value;
    }
  }
  if (!pending) {
    if (memo && plan.fields.every((f) => isSealed(out[f.responseName]))) {
      planExecutorStats.sealed++;
      sealed.add(Object.freeze(out));
      memo.set(source as object, out);
    } else {
      noteSealedInside(out, Object.values(out));
    }
    return out;
  }
  return Promise.all(pending).then(() => {
    noteSealedInside(out, Object.values(out));
    return out;
  });
}

function complete(run: Run, c: Completion, value: unknown, path: Path): unknown {
  if (value instanceof Error) throw new Abort();
  if (c.kind === 'nonNull') {
    const v = complete(run, c.of, value, path);
    if (isPromise(v))
      return v.then((x) => {
        if (x === null) throw new Abort();
        return x;
      });
    if (v === null) throw new Abort();
    return v;
  }
  if (value === null || value === undefined) return null;
  switch (c.kind) {
    case 'leaf': {
      const s = c.type.serialize(value);
      if (s === null || s === undefined) throw new Abort(); // an error for graphql-js too
      return s;
    }
    case 'object':
      return executeObject(run, c.plan, value, path);
    case 'list': {
      if (typeof value !== 'object' || typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function')
        throw new Abort();
      const items = Array.isArray(value) ? value : Array.from(value as Iterable<unknown>);
      const out = new Array<unknown>(items.length);
      let pending: Promise<void>[] | undefined;
      for (let i = 0; i < items.length; i++) {
        const itemPath: Path = { prev: path, key: i, typename: undefined };
        const item = items[i];
        const v = isPromise(item)
          ? item.then((x) => complete(run, c.of, x, itemPath))
          : complete(run, c.of, item, itemPath);
        if (isPromise(v)) {
          out[i] = null;
          const settled = v.then((x) => void (out[i] = x));
          settled.catch(ignore);
          (pending ??= []).push(settled);
        } else {
          out[i] = v;
        }
      }
      const done = () => {
        if (Object.isFrozen(value) && out.every(isSealed)) sealed.add(Object.freeze(out));
        else noteSealedInside(out, out);
        return out;
      };
      if (!pending) return done();
      return Promise.all(pending).then(done);
    }
  }
}

/**
 * A resolver's mark (a property of the resolver function) saying when its value is fixed by its
 * source alone: for such a source, frozen, the resolver returns the same value, whoever asks.
 * @Preloadable fields mark theirs (preloaded.ts). Resolvers without a mark are never skipped.
 */
export const SOURCE_DETERMINED = Symbol.for('symmetry.sourceDetermined');
export type SourceDetermined = (source: object, context: unknown) => boolean;

const always: SourceDetermined = () => true;

/**
 * Marks the resolvers @nestjs/graphql gives plain object fields (its `rootFieldResolver`: the
 * source's property, or the field's default value) as SOURCE_DETERMINED. Only those without field
 * middleware are plain functions of that name; @ResolveField resolvers are never marked here.
 * Returns how many were marked.
 */
export function markPropertyReads(schema: GraphQLSchema): number {
  let marked = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as { name?: string; [SOURCE_DETERMINED]?: SourceDetermined } | undefined;
      if (resolve?.name === 'rootFieldResolver' && !resolve[SOURCE_DETERMINED]) {
        Object.defineProperty(resolve, SOURCE_DETERMINED, { value: always });
        marked++;
      }
    }
  }
  return marked;
}

/**
 * Results of object plans whose every value is fixed by a frozen source (and their lists, when
 * the source list is frozen too). They are kept per source (ObjectPlan.memo), shared by every
 * response that reads the same source, and frozen. Their JSON text is kept beside them.
 */
const sealed = new WeakSet<object>();
/** Results that are not sealed but hold a sealed result somewhere inside. */
const holdingSealed = new WeakSet<object>();
const jsonOf = new WeakMap<object, string>();

const isSealed = (v: unknown) =>
  v === null || (typeof v !== 'object' && typeof v !== 'function') || sealed.has(v);

function noteSealedInside(out: object, values: unknown[]) {
  for (const v of values) {
    if (typeof v === 'object' && v !== null && (sealed.has(v) || holdingSealed.has(v))) {
      holdingSealed.add(out);
      return;
    }
  }
}

/**
 * Apollo's `stringifyResult`: the same text as Apollo's own (JSON.stringify and a new line), but
 * the JSON of sealed results is written once and reused by every response that holds them.
 */
export function stringifyResult(value: { data?: unknown }): string {
  const data = value.data;
  if (typeof data !== 'object' || data === null || !(sealed.has(data) || holdingSealed.has(data)))
    return JSON.stringify(value) + '\n';
  return json(value, true) + '\n';
}

/** JSON.stringify of the plain results built here (no toJSON, no cycles), reusing sealed parts. */
function json(v: object, walk: boolean): string {
  const kept = jsonOf.get(v);
  if (kept !== undefined) return kept;
  const isKept = sealed.has(v);
  if (!walk && !isKept && !holdingSealed.has(v)) return JSON.stringify(v);
  let s: string;
  if (Array.isArray(v)) {
    const parts = new Array<string>(v.length);
    for (let i = 0; i < v.length; i++) parts[i] = member(v[i]) ?? 'null';
    s = `[${parts.join(',')}]`;
  } else {
    const parts: string[] = [];
    for (const k of Object.keys(v)) {
      const m = member((v as Record<string, unknown>)[k]);
      if (m !== undefined) parts.push(`${JSON.stringify(k)}:${m}`);
    }
    s = `{${parts.join(',')}}`;
  }
  if (isKept) jsonOf.set(v, s);
  return s;
}

function member(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null ? json(v, false) : JSON.stringify(v);
}
