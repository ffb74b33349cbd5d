import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { RESOLVERS } from '../graphql/print-schema';
import { AUTHZ_KEY } from './authorize.decorator';

/** Every GraphQL entry point and field resolver must declare who may call it (fail closed). */
describe('authorization coverage', () => {
  const handlers = RESOLVERS.flatMap((cls) =>
    Object.getOwnPropertyNames(cls.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({
        cls,
        name,
        fn: (cls.prototype as unknown as Record<string, unknown>)[name] as object,
      }))
      .filter(({ fn }) => typeof fn === 'function')
      .filter(
        ({ fn }) =>
          Reflect.getMetadata('graphql:resolver_type', fn) ||
          Reflect.getMetadata('graphql:resolve_property', fn) !== undefined,
      ),
  );

  it('finds the resolvers (the check below is not vacuous)', () => {
    expect(handlers.length).toBeGreaterThan(30);
    expect(handlers.map((h) => h.name)).toEqual(
      expect.arrayContaining(['login', 'people', 'pay', 'importPeople', 'auditEvents']),
    );
  });

  it.each(RESOLVERS.map((c) => [c.name, c] as const))(
    '%s: every query, mutation and field resolver has a rule',
    (_n, cls) => {
      const missing = handlers
        .filter((h) => h.cls === cls)
        .filter((h) => !Reflect.getMetadata(AUTHZ_KEY, h.fn) && !Reflect.getMetadata(AUTHZ_KEY, cls))
        .map((h) => h.name);
      expect(missing).toEqual([]);
    },
  );

  it('the list of resolvers holds every *.resolver.ts class of the code base', () => {
    const root = join(__dirname, '../..');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.resolver.ts')) files.push(p);
      }
    };
    walk(root);
    const declared = files
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export class (\w+)/g)].map((m) => m[1]))
      .filter((n) => n.endsWith('Resolver'));
    expect(declared.sort()).toEqual(RESOLVERS.map((c) => c.name).sort());
  });
});
