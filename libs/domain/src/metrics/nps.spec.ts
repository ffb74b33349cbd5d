import fc from 'fast-check';
import { npsFromDistribution, npsFromScores } from './nps';

describe('npsFromScores', () => {
  it('computes % promoters minus % detractors', () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0..6) → (3 − 5) / 10 = −20
    expect(npsFromScores([9, 10, 10, 7, 8, 0, 3, 5, 6, 6])).toEqual({
      promoters: 3,
      passives: 2,
      detractors: 5,
      total: 10,
      nps: -20,
    });
  });

  it('treats 6 as detractor, 7-8 as passive, 9 as promoter (boundaries)', () => {
    expect(npsFromScores([6]).nps).toBe(-100);
    expect(npsFromScores([7]).nps).toBe(0);
    expect(npsFromScores([8]).nps).toBe(0);
    expect(npsFromScores([9]).nps).toBe(100);
  });

  it('rejects empty input and out-of-range or non-integer scores', () => {
    expect(() => npsFromScores([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => npsFromScores([11])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
    expect(() => npsFromScores([-1])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
    expect(() => npsFromScores([7.5])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
    expect(() => npsFromScores([Number.NaN])).toThrow(
      expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }),
    );
  });

  it('property: always within [-100, 100] and equal to the distribution-based result', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const fromScores = npsFromScores(scores);
        const counts = new Array<number>(11).fill(0);
        for (const s of scores) counts[s] = (counts[s] as number) + 1;
        const fromDistribution = npsFromDistribution(counts);
        expect(fromScores.nps).toBeGreaterThanOrEqual(-100);
        expect(fromScores.nps).toBeLessThanOrEqual(100);
        expect(fromDistribution).toEqual(fromScores);
        expect(fromScores.promoters + fromScores.passives + fromScores.detractors).toBe(scores.length);
      }),
    );
  });
});

describe('npsFromDistribution', () => {
  it('accepts a sparse score → count record', () => {
    expect(npsFromDistribution({ 10: 50, 8: 30, 2: 20 }).nps).toBe(30);
  });

  it('rejects bad keys, negative or fractional counts, and an all-zero distribution', () => {
    expect(() => npsFromDistribution({ 11: 1 })).toThrow(
      expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }),
    );
    expect(() => npsFromDistribution({ 5: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => npsFromDistribution({ 5: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => npsFromDistribution({ 5: 0 })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => npsFromDistribution({})).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
});
