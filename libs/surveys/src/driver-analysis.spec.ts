import fc from 'fast-check';
import {
  correlationSums,
  driverAnalysis,
  mergeCorrelationSums,
  MIN_DRIVER_ANALYSIS_RESPONDENTS,
  pearson,
  pearsonFromSums,
  rankDrivers,
  RespondentScores,
} from './driver-analysis';
import { expectCode } from './testing/expect-code';

/** Textbook two-pass Pearson, as an independent reference. */
function reference(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('driver analysis threshold', () => {
  it('is 25 respondents', () => {
    expect(MIN_DRIVER_ANALYSIS_RESPONDENTS).toBe(25);
  });

  it('returns no correlation below 25 respondents, with the reason and n', () => {
    const xs = range(24).map((i) => (i % 5) + 1);
    expect(pearson(xs, xs)).toEqual({ ok: false, n: 24, reason: 'INSUFFICIENT_RESPONDENTS' });
  });

  it('computes it from 25 respondents', () => {
    const xs = range(25).map((i) => (i % 5) + 1);
    expect(pearson(xs, xs)).toEqual({ ok: true, r: 1, n: 25 });
  });

  it('counts only respondents who answered both questions', () => {
    const xs: Array<number | null> = range(30).map((i) => (i < 6 ? null : (i % 5) + 1));
    const ys = range(30).map((i) => (i % 5) + 1);
    expect(pearson(xs, ys)).toEqual({ ok: false, n: 24, reason: 'INSUFFICIENT_RESPONDENTS' });
  });

  it('may be raised, never lowered', () => {
    const xs = range(30).map((i) => (i % 5) + 1);
    expect(pearson(xs, xs, { minRespondents: 50 })).toMatchObject({
      ok: false,
      reason: 'INSUFFICIENT_RESPONDENTS',
    });
    expectCode(() => pearson(xs, xs, { minRespondents: 10 }), 'INVALID_THRESHOLD');
    expectCode(() => pearsonFromSums(correlationSums([]), { minRespondents: 25.5 }), 'INVALID_THRESHOLD');
  });
});

describe('Pearson correlation', () => {
  it('perfect negative correlation is -1', () => {
    const xs = range(30).map((i) => (i % 5) + 1);
    expect(
      pearson(
        xs,
        xs.map((x) => 6 - x),
      ),
    ).toEqual({ ok: true, r: -1, n: 30 });
  });

  it('no variance on either side gives NO_VARIANCE', () => {
    const xs = range(30).map((i) => (i % 5) + 1);
    const constant = range(30).map(() => 4);
    expect(pearson(constant, xs)).toEqual({ ok: false, n: 30, reason: 'NO_VARIANCE' });
    expect(pearson(xs, constant)).toEqual({ ok: false, n: 30, reason: 'NO_VARIANCE' });
  });

  it('matches a two-pass reference on random Likert / eNPS answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 10 })), {
          minLength: 25,
          maxLength: 300,
        }),
        (pairs) => {
          const xs = pairs.map(([x]) => x);
          const ys = pairs.map(([, y]) => y);
          const result = pearson(xs, ys);
          const expected = reference(xs, ys);
          if (!Number.isFinite(expected)) expect(result).toMatchObject({ ok: false, reason: 'NO_VARIANCE' });
          else {
            expect(result.ok).toBe(true);
            if (result.ok) {
              expect(result.r).toBeCloseTo(expected, 9);
              expect(result.r).toBeGreaterThanOrEqual(-1);
              expect(result.r).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('from sufficient statistics equals from raw pairs, also when partitions are aggregated separately', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 30,
          maxLength: 200,
        }),
        fc.nat(),
        (pairs, cut) => {
          const split = cut % pairs.length;
          const merged = mergeCorrelationSums(
            correlationSums(pairs.slice(0, split)),
            correlationSums(pairs.slice(split)),
          );
          const direct = pearson(
            pairs.map(([x]) => x),
            pairs.map(([, y]) => y),
          );
          const viaSums = pearsonFromSums(merged);
          expect(viaSums.ok).toBe(direct.ok);
          if (viaSums.ok && direct.ok) expect(viaSums.r).toBeCloseTo(direct.r, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('accepts SQL aggregates as strings', () => {
    const xs = range(40).map((i) => (i % 5) + 1);
    const ys = xs.map((x, i) => x * 2 + (i % 3));
    const sums = correlationSums(xs.map((x, i) => [x, ys[i]] as const));
    const asStrings = Object.fromEntries(Object.entries(sums).map(([key, value]) => [key, String(value)]));
    const fromStrings = pearsonFromSums(asStrings as unknown as typeof sums);
    expect(fromStrings).toEqual(pearsonFromSums(sums));
    expect(fromStrings.ok && fromStrings.r).toBeCloseTo(reference(xs, ys), 12);
  });

  it('refuses inconsistent or malformed sums', () => {
    expectCode(
      () => pearsonFromSums({ n: 30, sumX: 30, sumY: 30, sumXX: 1, sumYY: 100, sumXY: 10 }),
      'INVALID_STATISTICS',
    );
    expectCode(
      () => pearsonFromSums({ n: 30, sumX: 30, sumY: 30, sumXX: 60, sumYY: 60, sumXY: 500 }),
      'INVALID_STATISTICS',
    );
    expectCode(
      () => pearsonFromSums({ n: -1, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }),
      'INVALID_STATISTICS',
    );
    expectCode(
      () => pearsonFromSums({ n: 2.5, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }),
      'INVALID_STATISTICS',
    );
    expectCode(
      () => pearsonFromSums({ n: 30, sumX: 'abc', sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 }),
      'INVALID_STATISTICS',
    );
    expectCode(() => correlationSums([[Number.NaN, 1]]), 'INVALID_STATISTICS');
    expectCode(() => pearson([1, 2], [1]), 'INVALID_ARGUMENT');
  });
});

describe('driverAnalysis', () => {
  const respondents: RespondentScores[] = range(40).map((i) => {
    const outcome = i % 11;
    return {
      outcome,
      items: {
        strong: Math.min(5, Math.floor(outcome / 2) + 1),
        inverse: 5 - Math.min(4, Math.floor(outcome / 2.5)),
        sparse: i < 20 ? (i % 5) + 1 : null,
        flat: 3,
      },
    };
  });

  it('correlates each item with the outcome, pairwise, in the order asked', () => {
    const results = driverAnalysis(respondents, ['strong', 'inverse', 'sparse', 'flat', 'missing']);
    expect(results.map((entry) => entry.itemId)).toEqual(['strong', 'inverse', 'sparse', 'flat', 'missing']);
    expect(results[0].result).toMatchObject({ ok: true, n: 40 });
    expect(results[0].result.ok && results[0].result.r).toBeGreaterThan(0.9);
    expect(results[1].result.ok && results[1].result.r).toBeLessThan(-0.9);
    expect(results[2].result).toEqual({ ok: false, n: 20, reason: 'INSUFFICIENT_RESPONDENTS' });
    expect(results[3].result).toEqual({ ok: false, n: 40, reason: 'NO_VARIANCE' });
    expect(results[4].result).toEqual({ ok: false, n: 0, reason: 'INSUFFICIENT_RESPONDENTS' });
  });

  it('skips respondents without an outcome', () => {
    const withGaps = respondents.map((respondent, i) =>
      i < 20 ? { ...respondent, outcome: null } : respondent,
    );
    expect(driverAnalysis(withGaps, ['strong'])[0].result).toMatchObject({ ok: false, n: 20 });
  });

  it('ranks drivers with a result, strongest first', () => {
    const ranked = rankDrivers(driverAnalysis(respondents, ['inverse', 'flat', 'strong']));
    expect(ranked.map((entry) => entry.itemId)).toEqual(['strong', 'inverse']);
    expect(ranked[0].n).toBe(40);
  });
});
