import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { canonicalHash, canonicalJson, sha256Hex } from './canonical-json';
import { Dec } from './money';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":0,"z":0}}',
    );
  });

  it('writes Decimals as plain decimal strings and Dates as ISO strings', () => {
    expect(
      canonicalJson([new Decimal('1.50'), new Dec('1e-7'), new Dec('-0'), new Date(Date.UTC(2026, 0, 2))]),
    ).toBe('["1.5","0.0000001","0","2026-01-02T00:00:00.000Z"]');
  });

  it('rejects values without a canonical form', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      () => 1,
      Symbol('s'),
      BigInt(1),
      new Map(),
      new Date('nope'),
      new Dec(Number.NaN),
    ]) {
      expect(() => canonicalJson({ v: bad })).toThrow(
        expect.objectContaining({ code: 'NOT_CANONICALISABLE' }),
      );
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(expect.objectContaining({ code: 'NOT_CANONICALISABLE' }));
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('hashes with SHA-256 (known vector for "abc")', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(canonicalHash({ b: 2, a: 1 })).toBe(sha256Hex('{"a":1,"b":2}'));
  });

  it('property: key order never changes the output', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });

  it('property: round-trips JSON data to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
