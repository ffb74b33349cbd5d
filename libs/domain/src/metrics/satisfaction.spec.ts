import fc from 'fast-check';
import { cesMean, csatPercent, favourability } from './satisfaction';

describe('csatPercent', () => {
  it('is the share of 4 and 5 answers', () => {
    expect(csatPercent([5, 4, 3, 2, 1])).toBe(40);
    expect(csatPercent([4, 4, 4, 5])).toBe(100);
    expect(csatPercent([3, 3])).toBe(0);
  });

  it('rejects empty input and scores outside 1-5', () => {
    expect(() => csatPercent([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => csatPercent([0])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
    expect(() => csatPercent([6])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
  });

  it('property: within [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (scores) => {
        const v = csatPercent(scores);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('cesMean', () => {
  it('is the arithmetic mean on 1-7', () => {
    expect(cesMean([1, 7])).toBe(4);
    expect(cesMean([2, 3, 4])).toBe(3);
  });

  it('rejects empty input and scores outside 1-7', () => {
    expect(() => cesMean([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => cesMean([8])).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE' }));
  });
});

describe('favourability', () => {
  it('splits a 1-5 scale into 4-5 favourable, 3 neutral, 1-2 unfavourable by default', () => {
    expect(favourability([1, 2, 3, 4, 5, 5, 5, 4, 3, 1])).toEqual({
      n: 10,
      favourablePercent: 50,
      neutralPercent: 20,
      unfavourablePercent: 30,
    });
  });

  it('supports a 1-7 scale with 5-7 favourable and 1-3 unfavourable', () => {
    expect(favourability([1, 3, 4, 5, 7], { min: 1, max: 7, favourableFrom: 5 })).toEqual({
      n: 5,
      favourablePercent: 40,
      neutralPercent: 20,
      unfavourablePercent: 40,
    });
  });

  it('rejects inconsistent thresholds', () => {
    expect(() => favourability([3], { favourableFrom: 2, unfavourableTo: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCALE' }),
    );
    expect(() => favourability([3], { min: 5, max: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCALE' }),
    );
  });

  it('property: the three shares sum to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (scores) => {
        const r = favourability(scores);
        expect(r.favourablePercent + r.neutralPercent + r.unfavourablePercent).toBeCloseTo(100, 9);
      }),
    );
  });
});
