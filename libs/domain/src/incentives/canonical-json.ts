import { decimalText } from './money';
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { DomainErrorCode, DomainRuleError } from '../errors/domain-rule-error';

function fail(path: string, why: string): never {
  throw new DomainRuleError(DomainErrorCode.NOT_CANONICALISABLE, `${path}: ${why}`, { path });
}

function write(value: unknown, path: string, stack: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) fail(path, `non-finite number ${value}`);
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'object':
      break;
    default:
      fail(path, `unsupported type ${typeof value}`);
  }
  const object = value as object;
  if (Decimal.isDecimal(object)) {
    const d = object as Decimal;
    if (!d.isFinite()) fail(path, 'non-finite Decimal');
    return JSON.stringify(decimalText(d));
  }
  if (object instanceof Date) {
    if (!Number.isFinite(object.getTime())) fail(path, 'invalid Date');
    return JSON.stringify(object.toISOString());
  }
  if (stack.has(object)) fail(path, 'cycle');
  stack.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `[${object.map((item, i) => write(item, `${path}[${i}]`, stack)).join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(object) as unknown;
    if (proto !== Object.prototype && proto !== null) fail(path, 'not a plain object');
    const entries = Object.keys(object)
      .filter((k) => (object as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map(
        (k) => `${JSON.stringify(k)}:${write((object as Record<string, unknown>)[k], `${path}.${k}`, stack)}`,
      );
    out = `{${entries.join(',')}}`;
  }
  stack.delete(object);
  return out;
}

/**
 * Deterministic JSON: object keys sorted by code unit, no whitespace, undefined properties omitted,
 * Decimals as plain decimal strings ("1.5", never exponent form), Dates as ISO-8601 UTC strings,
 * −0 as 0. Rejects NaN/Infinity, cycles, functions, symbols, bigints, Maps and class instances
 * (NOT_CANONICALISABLE), so equal data always yields byte-identical text.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of a string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the canonical JSON of a value. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
