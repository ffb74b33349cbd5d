import fc from 'fast-check';
import { median, p90, percentile } from './percentiles';

describe('percentiles', () => {
  it('median of odd and even lengths', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('p90 interpolates linearly (numpy.percentile default, Excel PERCENTILE.INC)', () => {
    // numpy.percentile([1..10], 90) = 9.1
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(9.1, 12);
    // numpy.percentile([15, 20, 35, 40, 50], 90) = 46.0
    expect(p90([15, 20, 35, 40, 50])).toBeCloseTo(46, 12);
  });

  it('p0 and p100 are the extremes', () => {
    expect(percentile([3, 5, 9], 0)).toBe(3);
    expect(percentile([3, 5, 9], 100)).toBe(9);
  });

  it('rejects empty, unsorted input and out-of-range p', () => {
    expect(() => median([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => median([3, 1, 2])).toThrow(expect.objectContaining({ code: 'UNSORTED_INPUT' }));
    expect(() => percentile([1], 101)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => percentile([1], -1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('property: min ≤ percentile ≤ max and monotone in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, p, q) => {
          const sorted = [...values].sort((a, b) => a - b);
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = percentile(sorted, lo);
          const b = percentile(sorted, hi);
          expect(a).toBeGreaterThanOrEqual(sorted[0] as number);
          expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
          expect(a).toBeLessThanOrEqual(b + 1e-9);
        },
      ),
    );
  });
});
