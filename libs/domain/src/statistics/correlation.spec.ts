import fc from 'fast-check';
import { averageRanks, pearson, spearman } from './correlation';

// Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1): data set I and II.
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
const ANSCOMBE_Y2 = [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74];

describe('pearson', () => {
  it('matches Anscombe set I (r = 0.81642051634484, computed with scipy.stats.pearsonr)', () => {
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y1)).toBeCloseTo(0.8164205163448395, 12);
  });

  it('matches Anscombe set II (r = 0.81623650600024, scipy.stats.pearsonr)', () => {
    expect(pearson(ANSCOMBE_X, ANSCOMBE_Y2)).toBeCloseTo(0.8162365060002426, 12);
  });

  it('is exactly ±1 for perfect linear relations', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBe(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
  });

  it('rejects mismatched lengths, too few pairs, constant series and non-finite values', () => {
    expect(() => pearson([1, 2], [1])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => pearson([1], [1])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => pearson([1, 1, 1], [1, 2, 3])).toThrow(expect.objectContaining({ code: 'ZERO_VARIANCE' }));
    expect(() => pearson([1, Number.NaN], [1, 2])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: within [-1, 1], symmetric, and invariant to positive affine maps', () => {
    const pairs = fc.array(
      fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
      {
        minLength: 3,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 50 }), fc.integer({ min: -50, max: 50 }), (ps, a, b) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        fc.pre(new Set(xs).size > 1 && new Set(ys).size > 1);
        const r = pearson(xs, ys);
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
        expect(pearson(ys, xs)).toBeCloseTo(r, 10);
        expect(
          pearson(
            xs.map((x) => a * x + b),
            ys,
          ),
        ).toBeCloseTo(r, 10);
      }),
    );
  });
});

describe('averageRanks', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([1, 2, 2, 3, 4, 4, 4, 5])).toEqual([1, 2.5, 2.5, 4, 6, 6, 6, 8]);
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
  });
});

describe('spearman', () => {
  it('matches the IQ / TV-hours example (ρ = −29/165, Wikipedia "Spearman\'s rank correlation coefficient")', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('uses average ranks for ties (scipy.stats.spearmanr → 0.9007775105401477)', () => {
    expect(spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 6, 6])).toBeCloseTo(0.9007775105401477, 12);
  });

  it('matches Anscombe set II (ρ = 0.690909…, scipy.stats.spearmanr)', () => {
    expect(spearman(ANSCOMBE_X, ANSCOMBE_Y2)).toBeCloseTo(0.690909090909091, 12);
  });

  it('is 1 for any strictly increasing relation', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
        (xs) => {
          expect(
            spearman(
              xs,
              xs.map((x) => x ** 3),
            ),
          ).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('rejects a constant series', () => {
    expect(() => spearman([2, 2, 2], [1, 2, 3])).toThrow(expect.objectContaining({ code: 'ZERO_VARIANCE' }));
  });
});
