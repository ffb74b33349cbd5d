import { assertCount, assertIntegerScores } from './validation';

describe('metric input validation', () => {
  it('accepts integer scores within the scale', () => {
    expect(() => assertIntegerScores([1, 3, 5], 1, 5, 'CSAT')).not.toThrow();
  });

  it('reports the offending index and value', () => {
    expect(() => assertIntegerScores([1, 9], 1, 5, 'CSAT')).toThrow(
      expect.objectContaining({
        code: 'SCORE_OUT_OF_RANGE',
        details: { index: 1, value: '9', min: 1, max: 5 },
      }),
    );
    expect(() => assertIntegerScores([], 1, 5, 'CSAT')).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });

  it('accepts non-negative integer counts only', () => {
    expect(() => assertCount(0, 'n')).not.toThrow();
    expect(() => assertCount(-1, 'n')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => assertCount(2.5, 'n')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
