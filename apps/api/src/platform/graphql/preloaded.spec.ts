import { GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldResolver } from 'graphql';
import { Authorize, HR_OR_ADMIN, Members } from '../auth/authorize.decorator';
import { preload, servePreloadedFields } from './preloaded';

const RESOLVER_TYPE = 'graphql:resolver_type';

@Members()
class ThingResolver {
  label() {
    return 'from the resolver';
  }
  @Authorize({ roles: HR_OR_ADMIN })
  secret() {
    return 'from the guarded resolver';
  }
}
Reflect.defineMetadata(RESOLVER_TYPE, 'Thing', ThingResolver);

function schema() {
  const resolved: GraphQLFieldResolver<unknown, unknown> = (_s, _a, _c, info) => `resolved ${info.fieldName}`;
  const thing = new GraphQLObjectType({
    name: 'Thing',
    fields: {
      label: { type: GraphQLString, resolve: resolved },
      secret: { type: GraphQLString, resolve: resolved },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { thing: { type: thing } } }),
  });
}

const call = (s: GraphQLSchema, field: string, source: object, viewer: unknown) =>
  (s.getType('Thing') as GraphQLObjectType).getFields()[field].resolve!(source, {}, { viewer }, {
    fieldName: field,
  } as never);

describe('preloaded field values', () => {
  const viewer = { personId: 'p', organizationId: 'o', accountId: 'a', roles: ['EMPLOYEE'] };

  it('serves a value the parent carries, for a signed-in viewer, without running the resolver', () => {
    const s = servePreloadedFields(schema(), [{ resolver: ThingResolver, field: 'label' }]);
    expect(call(s, 'label', preload({}, { label: 'preloaded' }), viewer)).toBe('preloaded');
    expect(call(s, 'label', preload({}, { label: null }), viewer)).toBeNull();
  });

  it('runs the guarded resolver without a viewer, or when the parent does not carry the value', () => {
    const s = servePreloadedFields(schema(), [{ resolver: ThingResolver, field: 'label' }]);
    expect(call(s, 'label', preload({}, { label: 'preloaded' }), null)).toBe('resolved label');
    expect(call(s, 'label', {}, viewer)).toBe('resolved label');
    expect(call(s, 'label', preload({}, { other: 1 }), viewer)).toBe('resolved label');
  });

  it('refuses at start-up a restricted field or a field the schema does not have', () => {
    expect(() => servePreloadedFields(schema(), [{ resolver: ThingResolver, field: 'secret' }])).toThrow(
      /every signed-in member/,
    );
    expect(() => servePreloadedFields(schema(), [{ resolver: ThingResolver, field: 'missing' }])).toThrow(
      /no such field resolver/,
    );
  });
});
