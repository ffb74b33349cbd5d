import type { DataSource } from 'typeorm';

type EntityClass<T> = { new (): T };

const mappers = new WeakMap<object, { table: string; hydrate: (row: Record<string, unknown>) => never }>();

/**
 * Turns raw rows into entity instances without TypeORM's query pipeline: the loaders' hot path
 * (hundreds of rows per request) only needs column renaming.
 */
export function rowMapper<T>(
  db: DataSource,
  entity: EntityClass<T>,
): { table: string; hydrate: (row: Record<string, unknown>) => T } {
  let m = mappers.get(entity);
  if (!m) {
    const meta = db.getMetadata(entity);
    const cols = meta.columns.map((c) => [c.propertyName, c.databaseName] as const);
    m = {
      table: meta.tableName,
      hydrate: ((row: Record<string, unknown>) => {
        const o = Object.create(entity.prototype) as Record<string, unknown>;
        for (const [prop, column] of cols) o[prop] = row[column];
        return o;
      }) as (row: Record<string, unknown>) => never,
    };
    mappers.set(entity, m);
  }
  return m as { table: string; hydrate: (row: Record<string, unknown>) => T };
}

/**
 * Runs a named prepared statement on the pool: PostgreSQL plans it once per connection, not on
 * every call. For hot read paths with a fixed SQL text.
 */
export async function preparedQuery<R>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = (db.driver as unknown as { master: { query: (q: object) => Promise<{ rows: R[] }> } }).master;
  return (await pool.query({ name, text, values })).rows;
}

/**
 * An entity's columns selected under a prefix (`t."name" AS "team.name"`), for one statement that
 * joins several tables, and the hydrate that reads them back from such a row (null when a left
 * join found nothing).
 */
export function prefixedColumns<T>(
  db: DataSource,
  entity: EntityClass<T>,
  alias: string,
  prefix: string,
): { select: string; hydrate: (row: Record<string, unknown>) => T | null } {
  const meta = db.getMetadata(entity);
  const cols = meta.columns.map(
    (c) => [c.propertyName, c.databaseName, `${prefix}.${c.databaseName}`] as const,
  );
  const idKey = `${prefix}.${meta.primaryColumns[0].databaseName}`;
  return {
    select: cols.map(([, column, key]) => `${alias}."${column}" AS "${key}"`).join(', '),
    hydrate: (row) => {
      if (row[idKey] === null || row[idKey] === undefined) return null;
      const o = Object.create(entity.prototype) as Record<string, unknown>;
      for (const [prop, , key] of cols) o[prop] = row[key];
      return o as T;
    },
  };
}
