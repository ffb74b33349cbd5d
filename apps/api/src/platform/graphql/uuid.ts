import { Injectable, type PipeTransform } from '@nestjs/common';
import { badInput } from './app-error';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

/** ID arguments are UUIDs; anything else is bad input (not a database error). */
@Injectable()
export class ParseUUIDArg implements PipeTransform {
  transform(value: unknown, meta: { data?: string }) {
    if (value === undefined || value === null) return value;
    if (!isUuid(value)) throw badInput(meta.data ?? 'id', `${meta.data ?? 'id'} must be a valid id`);
    return value.toLowerCase();
  }
}
