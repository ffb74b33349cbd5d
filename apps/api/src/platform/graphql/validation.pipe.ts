import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { AppError, badInput } from './app-error';

/** class-validator failures become BAD_USER_INPUT naming the first offending field path. */
export function validationError(errors: ValidationError[]) {
  const walk = (e: ValidationError, path: string[]): { field: string; message: string } => {
    const here = [...path, e.property];
    if (e.constraints) return { field: here.join('.'), message: Object.values(e.constraints)[0] };
    return walk(e.children![0], here);
  };
  const { field, message } = walk(errors[0], []);
  return badInput(field, message);
}

/** How many flat argument sets are remembered as valid, per pipe (the oldest goes first). */
const REMEMBERED = 500;
const MAX_KEYS = 20;
const MAX_TEXT = 256;

/**
 * The key of a flat argument set (a plain object of at most MAX_KEYS primitives, texts of at most
 * MAX_TEXT characters) for a class; undefined for anything else (nested inputs, lists, ...).
 */
export function flatKey(value: unknown, metatype: unknown): string | undefined {
  if (typeof metatype !== 'function' || typeof value !== 'object' || value === null) return undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS) return undefined;
  let key = '';
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    const t = typeof v;
    if (t === 'string') {
      if ((v as string).length > MAX_TEXT) return undefined;
    } else if (v !== null && t !== 'undefined' && t !== 'number' && t !== 'boolean') return undefined;
    key += `${JSON.stringify(k)}\u0000${t}\u0000${v === null ? 'null' : String(v as string)}\u0001`;
  }
  return key;
}

/**
 * class-validator on every input; the field path starts at the argument name (input.name).
 *
 * A flat argument set (primitives only, like a page's offset, limit and filters) that passed
 * once is remembered per class: the same set again gets a copy of the same validated instance
 * without running class-transformer and class-validator (about a tenth of a directory page's CPU).
 * This holds because every rule here is a pure function of the values (no custom or asynchronous
 * constraint is registered; a unit test fails if one is). Refused sets are never remembered.
 */
export class AppValidationPipe extends ValidationPipe {
  private readonly valid = new Map<unknown, Map<string, object>>();

  constructor(options?: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const key = flatKey(value, metadata.metatype);
    const known = key === undefined ? undefined : this.valid.get(metadata.metatype)?.get(key);
    if (known) return copyOf(known);
    try {
      const out = (await super.transform(value, metadata)) as unknown;
      if (key !== undefined && typeof out === 'object' && out !== null && out instanceof metadata.metatype!) {
        this.remember(metadata.metatype, key, Object.freeze(copyOf(out)));
      }
      return out;
    } catch (e) {
      if (e instanceof AppError && e.field && metadata.type === 'body' && metadata.data) {
        throw badInput(`${metadata.data}.${e.field}`, e.message);
      }
      throw e;
    }
  }

  private remember(metatype: unknown, key: string, instance: object) {
    let byKey = this.valid.get(metatype);
    if (!byKey) this.valid.set(metatype, (byKey = new Map()));
    byKey.set(key, instance);
    if (byKey.size > REMEMBERED) byKey.delete(byKey.keys().next().value!);
  }
}

/** A new instance of the same class with the same own properties (argument classes are plain). */
const copyOf = <T extends object>(o: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(o) as object) as T, o);
