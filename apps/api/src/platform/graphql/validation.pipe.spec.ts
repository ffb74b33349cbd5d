import 'reflect-metadata';
import * as classValidator from 'class-validator';
import { getMetadataStorage, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ArgumentMetadata } from '@nestjs/common';
import { PeopleArgs } from '../../modules/person/dto/person.types';
import { RESOLVERS } from './print-schema';
import { AppError } from './app-error';
import { AppValidationPipe, flatKey, validationError } from './validation.pipe';

const pipeOf = () =>
  new AppValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: validationError,
  });
const args = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

class Note {
  @IsOptional()
  @IsString()
  @MaxLength(5)
  text?: string;
}

describe('AppValidationPipe', () => {
  it('remembers a flat argument set that passed: the same set again skips class-validator and gets its own copy', async () => {
    const pipe = pipeOf();
    const validate = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    const first = (await pipe.transform(
      { offset: 100, limit: 20, search: 'ann' },
      args(PeopleArgs),
    )) as PeopleArgs;
    expect(validate).toHaveBeenCalledTimes(1);
    expect(first).toBeInstanceOf(PeopleArgs);
    first.search = 'changed by a resolver';
    const again = (await pipe.transform(
      { offset: 100, limit: 20, search: 'ann' },
      args(PeopleArgs),
    )) as PeopleArgs;
    expect(validate).toHaveBeenCalledTimes(1);
    expect(again).toBeInstanceOf(PeopleArgs);
    expect(again).not.toBe(first);
    expect({ ...again }).toEqual({ offset: 100, limit: 20, search: 'ann' });
    // Another value is validated on its own.
    await pipe.transform({ offset: 100, limit: 21, search: 'ann' }, args(PeopleArgs));
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it('refuses a bad set every time, naming the field, and never remembers it', async () => {
    const pipe = pipeOf();
    const validate = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    for (let i = 0; i < 3; i++) {
      const e = await pipe.transform({ offset: 0, limit: 5000 }, args(PeopleArgs)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    }
    expect(validate).toHaveBeenCalledTimes(3);
    const long = await pipe.transform({ text: 'too long' }, args(Note)).catch((x: unknown) => x);
    expect(long).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    await expect(pipe.transform({ text: 'ok' }, args(Note))).resolves.toEqual(
      Object.assign(new Note(), { text: 'ok' }),
    );
    await expect(pipe.transform({ text: 'too long' }, args(Note))).rejects.toMatchObject({ field: 'text' });
  });

  it('keys only flat sets of primitives, telling types, undefined and missing apart', () => {
    expect(flatKey({ a: 1 }, Note)).not.toBe(flatKey({ a: '1' }, Note));
    expect(flatKey({ a: undefined }, Note)).not.toBe(flatKey({}, Note));
    expect(flatKey({ a: null }, Note)).not.toBe(flatKey({ a: 'null' }, Note));
    expect(flatKey({ a: 1, b: 2 }, Note)).not.toBe(flatKey({ a: 12 }, Note));
    expect(flatKey({ a: true }, Note)).toBe(flatKey({ a: true }, Note));
    expect(flatKey({ a: { b: 1 } }, Note)).toBeUndefined();
    expect(flatKey({ a: [1] }, Note)).toBeUndefined();
    expect(flatKey({ a: 'x'.repeat(300) }, Note)).toBeUndefined();
    expect(flatKey(new Note(), Note)).toBeUndefined();
    expect(flatKey('text', String)).toBeUndefined();
    expect(flatKey({ a: 1 }, undefined)).toBeUndefined();
  });

  it("every rule of the API's inputs is a synchronous class-validator built-in (so a valid set stays valid)", () => {
    expect(RESOLVERS.length).toBeGreaterThan(10); // loads every input class
    const builtIns = new Set(
      Object.entries(classValidator)
        .filter(([k, v]) => /^[A-Z][A-Z0-9_]+$/.test(k) && typeof v === 'string')
        .map(([, v]) => v as string),
    );
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { type: string; name?: string; async?: boolean; target: unknown }[]>;
    };
    const rules = [...storage.validationMetadatas.values()].flat();
    expect(rules.length).toBeGreaterThan(100);
    const odd = rules.filter(
      (r) =>
        !(r.type === 'customValidation' && r.name && builtIns.has(r.name) && !r.async) &&
        !(r.type === 'conditionalValidation' && r.name === 'isOptional') &&
        r.type !== 'nestedValidation',
    );
    expect(odd.map((r) => `${(r.target as { name?: string }).name}: ${r.type} ${r.name ?? ''}`)).toEqual([]);
  });
});
