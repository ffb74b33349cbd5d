import { MetricDirection } from '../metrics/normalisation';
import { attainmentPercent } from './attainment';

describe('attainmentPercent', () => {
  it('higher is better: actual / target', () => {
    expect(attainmentPercent(84, 80, MetricDirection.HIGHER_IS_BETTER).toString()).toBe('105');
    expect(attainmentPercent(0, 80, MetricDirection.HIGHER_IS_BETTER).toString()).toBe('0');
  });

  it('lower is better: target / actual (resolving in 4 h against a 5 h target is 125%)', () => {
    expect(attainmentPercent(4, 5, MetricDirection.LOWER_IS_BETTER).toString()).toBe('125');
    expect(attainmentPercent(10, 5, MetricDirection.LOWER_IS_BETTER).toString()).toBe('50');
  });

  it('rejects a zero target, a zero actual when lower is better and unknown directions', () => {
    expect(() => attainmentPercent(1, 0, MetricDirection.HIGHER_IS_BETTER)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => attainmentPercent(0, 5, MetricDirection.LOWER_IS_BETTER)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => attainmentPercent(1, 5, 'SIDEWAYS' as MetricDirection)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCALE' }),
    );
  });
});
