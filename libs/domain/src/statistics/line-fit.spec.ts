import fc from 'fast-check';
import { linearFit } from './line-fit';

describe('linearFit', () => {
  it('matches Anscombe set I: y = 3.00009 + 0.50009 x (scipy.stats.linregress)', () => {
    const fit = linearFit(
      [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5],
      [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68],
    );
    expect(fit.slope).toBeCloseTo(0.5000909090909091, 12);
    expect(fit.intercept).toBeCloseTo(3.0000909090909103, 12);
    expect(fit.n).toBe(11);
  });

  it('recovers an exact line', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        (xs, a, b) => {
          const fit = linearFit(
            xs,
            xs.map((x) => a * x + b),
          );
          expect(fit.slope).toBeCloseTo(a, 9);
          expect(fit.intercept).toBeCloseTo(b, 9);
        },
      ),
    );
  });

  it('rejects a vertical cloud (constant x) and too few points', () => {
    expect(() => linearFit([2, 2], [1, 3])).toThrow(expect.objectContaining({ code: 'ZERO_VARIANCE' }));
    expect(() => linearFit([2], [1])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });
});
