import fc from 'fast-check';
import { MetricDirection, normalisedGap, normaliseTo100, symmetryGap } from './normalisation';

const NPS = { min: -100, max: 100, direction: MetricDirection.HIGHER_IS_BETTER };
const CES_EFFORT = { min: 1, max: 7, direction: MetricDirection.LOWER_IS_BETTER };

describe('normaliseTo100', () => {
  it('maps a higher-is-better scale linearly', () => {
    expect(normaliseTo100(-100, NPS)).toBe(0);
    expect(normaliseTo100(0, NPS)).toBe(50);
    expect(normaliseTo100(100, NPS)).toBe(100);
  });

  it('inverts a lower-is-better scale', () => {
    expect(normaliseTo100(1, CES_EFFORT)).toBe(100);
    expect(normaliseTo100(7, CES_EFFORT)).toBe(0);
    expect(normaliseTo100(4, CES_EFFORT)).toBe(50);
  });

  it('throws outside the scale unless asked to clamp', () => {
    expect(() => normaliseTo100(120, NPS)).toThrow(expect.objectContaining({ code: 'VALUE_OUT_OF_SCALE' }));
    expect(normaliseTo100(120, NPS, { clamp: true })).toBe(100);
    expect(normaliseTo100(0, CES_EFFORT, { clamp: true })).toBe(100);
  });

  it('rejects a degenerate scale and non-finite values', () => {
    expect(() => normaliseTo100(1, { ...NPS, min: 5, max: 5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SCALE' }),
    );
    expect(() => normaliseTo100(Number.NaN, NPS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: result in [0, 100] and directions are mirror images', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (min, width, t) => {
          const max = min + width;
          const value = Math.min(max, min + t * width);
          const up = normaliseTo100(value, { min, max, direction: MetricDirection.HIGHER_IS_BETTER });
          const down = normaliseTo100(value, { min, max, direction: MetricDirection.LOWER_IS_BETTER });
          expect(up).toBeGreaterThanOrEqual(0);
          expect(up).toBeLessThanOrEqual(100 + 1e-9);
          expect(up + down).toBeCloseTo(100, 6);
        },
      ),
    );
  });
});

describe('normalisedGap and symmetryGap', () => {
  it('returns a − b', () => {
    expect(normalisedGap(70, 55)).toBe(15);
    expect(normalisedGap(10, 90)).toBe(-80);
  });

  it('rejects values that are not normalised', () => {
    expect(() => normalisedGap(101, 0)).toThrow(expect.objectContaining({ code: 'VALUE_OUT_OF_SCALE' }));
    expect(() => normalisedGap(0, -1)).toThrow(expect.objectContaining({ code: 'VALUE_OUT_OF_SCALE' }));
  });

  it('compares eNPS with customer NPS on the same footing', () => {
    // eNPS 10 → 55, customer NPS 40 → 70: the organisation serves customers better than its people.
    expect(symmetryGap({ value: 10, scale: NPS }, { value: 40, scale: NPS })).toEqual({
      internal: 55,
      customer: 70,
      gap: -15,
    });
  });

  it('compares metrics on different scales and directions', () => {
    const csat = { min: 0, max: 100, direction: MetricDirection.HIGHER_IS_BETTER };
    expect(symmetryGap({ value: 80, scale: csat }, { value: 2.5, scale: CES_EFFORT }).gap).toBeCloseTo(5, 10);
  });
});
