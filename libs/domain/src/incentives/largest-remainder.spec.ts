import fc from 'fast-check';
import { allocateLargestRemainder } from './largest-remainder';
import { Dec } from './money';

const alloc = (total: number, weights: (number | string)[]): number[] =>
  allocateLargestRemainder(
    new Dec(total),
    weights.map((w, i) => ({ key: `k${i}`, weight: new Dec(w) })),
  ).map((d) => d.toNumber());

describe('allocateLargestRemainder', () => {
  it('splits 100 cents in three: the extra cent goes to the smallest key on a tie', () => {
    expect(alloc(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives leftover cents to the largest remainders', () => {
    // exact shares 14.2857, 28.5714, 57.1428 → floors 14, 28, 57 (99) → +1 to the .5714 remainder
    expect(alloc(100, [1, 2, 4])).toEqual([14, 29, 57]);
  });

  it('never gives a cent to a zero weight', () => {
    expect(alloc(5, [0, 1, 1])).toEqual([0, 3, 2]);
  });

  it('rejects zero total weight, negative weights, duplicate keys and fractional cents', () => {
    expect(() => alloc(10, [0, 0])).toThrow(expect.objectContaining({ code: 'INVALID_POOL' }));
    expect(() => alloc(10, [1, -1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => alloc(10.5, [1])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() =>
      allocateLargestRemainder(new Dec(1), [
        { key: 'a', weight: new Dec(1) },
        { key: 'a', weight: new Dec(1) },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('property: parts sum exactly to the total and each is within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateLargestRemainder(
            new Dec(total),
            weights.map((w, i) => ({
              key: `m${String(i).padStart(2, '0')}`,
              weight: new Dec(w).dividedBy(100),
            })),
          );
          const sum = parts.reduce((s, p) => s.plus(p), new Dec(0));
          expect(sum.toString()).toBe(String(total));
          const weightSum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            const exact = new Dec(total).times(weights[i] as number).dividedBy(weightSum);
            expect(p.minus(exact).abs().lt(1)).toBe(true);
            expect(p.isInteger()).toBe(true);
          });
        },
      ),
    );
  });
});
