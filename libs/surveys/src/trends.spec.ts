import { isSurveyRuleError } from './errors';
import { compareWaves, trend, WaveMetric } from './trends';

describe('trend', () => {
  it('gives the delta against the previous wave', () => {
    expect(
      trend([
        { wave: 1, shown: true, value: 40 },
        { wave: 2, shown: true, value: 52.5 },
        { wave: 3, shown: true, value: 50 },
      ]),
    ).toEqual([
      { wave: 1, shown: true, value: 40, delta: null, previousWave: null, noDeltaReason: 'FIRST_WAVE' },
      { wave: 2, shown: true, value: 52.5, delta: 12.5, previousWave: 1 },
      { wave: 3, shown: true, value: 50, delta: -2.5, previousWave: 2 },
    ]);
  });

  it('sorts by wave', () => {
    const points = trend([
      { wave: 2, shown: true, value: 5 },
      { wave: 1, shown: true, value: 3 },
    ]);
    expect(points.map((point) => point.wave)).toEqual([1, 2]);
    expect(points[1].delta).toBe(2);
  });

  it('no delta when the current wave is suppressed, and nothing of it is exposed', () => {
    const [, second] = trend([
      { wave: 1, shown: true, value: 40 },
      { wave: 2, shown: false },
    ]);
    expect(second).toStrictEqual({ wave: 2, shown: false, delta: null, noDeltaReason: 'SUPPRESSED' });
  });

  it('no delta when the previous wave is suppressed (does not skip back to an older wave)', () => {
    const points = trend([
      { wave: 1, shown: true, value: 40 },
      { wave: 2, shown: false },
      { wave: 3, shown: true, value: 45 },
    ]);
    expect(points[2]).toEqual({
      wave: 3,
      shown: true,
      value: 45,
      delta: null,
      previousWave: 2,
      noDeltaReason: 'PREVIOUS_SUPPRESSED',
    });
  });

  it('compares with the previous wave present in the series (rotating pulse items)', () => {
    const points = trend([
      { wave: 1, shown: true, value: 60 },
      { wave: 5, shown: true, value: 70 },
    ]);
    expect(points[1]).toMatchObject({ delta: 10, previousWave: 1 });
  });

  it('no delta when a side has no value (no answers)', () => {
    const points = trend([
      { wave: 1, shown: true, value: null },
      { wave: 2, shown: true, value: 3 },
      { wave: 3, shown: true, value: null },
    ]);
    expect(points.map((point) => point.noDeltaReason)).toEqual([
      'FIRST_WAVE',
      'PREVIOUS_NO_VALUE',
      'NO_VALUE',
    ]);
  });

  it('handles an empty series', () => {
    expect(trend([])).toEqual([]);
  });

  it('refuses duplicate or invalid waves and non-finite values', () => {
    const bad: WaveMetric[][] = [
      [
        { wave: 1, shown: true, value: 1 },
        { wave: 1, shown: false },
      ],
      [{ wave: 0, shown: true, value: 1 }],
      [{ wave: 1.5, shown: true, value: 1 }],
    ];
    for (const series of bad) {
      try {
        trend(series);
        throw new Error('expected an error');
      } catch (error) {
        expect(isSurveyRuleError(error, 'INVALID_WAVE')).toBe(true);
      }
    }
    expect(() => trend([{ wave: 1, shown: true, value: Number.NaN }])).toThrow('not a finite number');
  });
});

describe('compareWaves', () => {
  it('covers every case', () => {
    const shown = (value: number | null): WaveMetric => ({ wave: 1, shown: true, value });
    const hidden: WaveMetric = { wave: 1, shown: false };
    expect(compareWaves(shown(5), shown(3))).toEqual({ delta: 2 });
    expect(compareWaves(shown(5), undefined)).toEqual({ delta: null, noDeltaReason: 'FIRST_WAVE' });
    expect(compareWaves(hidden, shown(3))).toEqual({ delta: null, noDeltaReason: 'SUPPRESSED' });
    expect(compareWaves(shown(5), hidden)).toEqual({ delta: null, noDeltaReason: 'PREVIOUS_SUPPRESSED' });
    expect(compareWaves(hidden, hidden)).toEqual({ delta: null, noDeltaReason: 'SUPPRESSED' });
    expect(compareWaves(shown(null), shown(3))).toEqual({ delta: null, noDeltaReason: 'NO_VALUE' });
    expect(compareWaves(shown(3), shown(null))).toEqual({ delta: null, noDeltaReason: 'PREVIOUS_NO_VALUE' });
  });
});
