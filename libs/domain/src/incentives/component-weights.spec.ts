import { assertWeightsSumTo100 } from './component-weights';

describe('assertWeightsSumTo100', () => {
  it('accepts weights summing to exactly 100, including decimals that floats get wrong', () => {
    expect(() =>
      assertWeightsSumTo100([
        { id: 'a', weightPercent: 40 },
        { id: 'b', weightPercent: 60 },
      ]),
    ).not.toThrow();
    // 33.3 + 33.3 + 33.4 is 100.00000000000001 in binary floating point, exactly 100 in decimal.
    expect(() =>
      assertWeightsSumTo100([
        { id: 'a', weightPercent: 33.3 },
        { id: 'b', weightPercent: '33.3' },
        { id: 'c', weightPercent: 33.4 },
      ]),
    ).not.toThrow();
  });

  it('rejects sums other than 100, negative weights and an empty list', () => {
    expect(() => assertWeightsSumTo100([{ id: 'a', weightPercent: '99.99' }])).toThrow(
      expect.objectContaining({ code: 'WEIGHTS_NOT_100', details: { sum: '99.99' } }),
    );
    expect(() =>
      assertWeightsSumTo100([
        { id: 'a', weightPercent: 110 },
        { id: 'b', weightPercent: -10 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'WEIGHTS_NOT_100' }));
    expect(() => assertWeightsSumTo100([])).toThrow(expect.objectContaining({ code: 'WEIGHTS_NOT_100' }));
  });
});
