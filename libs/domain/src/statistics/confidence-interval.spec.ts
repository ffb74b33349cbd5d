import fc from 'fast-check';
import { fisherConfidenceInterval, normalQuantile } from './confidence-interval';

describe('normalQuantile (AS 241)', () => {
  it.each([
    // Reference values from scipy.stats.norm.ppf.
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%p) = %p', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
  });

  it('is antisymmetric and rejects p outside (0, 1)', () => {
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 12);
    expect(() => normalQuantile(0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => normalQuantile(1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('fisherConfidenceInterval', () => {
  it('r = 0.5, n = 30 → 95% CI [0.17043, 0.72896] (tanh(atanh r ± 1.96/√27), computed with numpy)', () => {
    const ci = fisherConfidenceInterval(0.5, 30);
    expect(ci.lower).toBeCloseTo(0.17043136511180007, 12);
    expect(ci.upper).toBeCloseTo(0.7289585563883555, 12);
    expect(ci.level).toBe(0.95);
  });

  it('supports another level: 90% CI for r = 0.5, n = 30 is [0.22864, 0.69926]', () => {
    const ci = fisherConfidenceInterval(0.5, 30, 0.9);
    expect(ci.lower).toBeCloseTo(0.2286399419730277, 12);
    expect(ci.upper).toBeCloseTo(0.6992637580848639, 12);
  });

  it('r = −0.3, n = 12 gives an interval crossing zero: [−0.74554, 0.33087]', () => {
    const ci = fisherConfidenceInterval(-0.3, 12);
    expect(ci.lower).toBeCloseTo(-0.7455413936089705, 12);
    expect(ci.upper).toBeCloseTo(0.33086717987517783, 12);
  });

  it('degenerates to [r, r] when |r| = 1 and needs n ≥ 4', () => {
    expect(fisherConfidenceInterval(1, 10)).toEqual({ lower: 1, upper: 1, level: 0.95 });
    expect(() => fisherConfidenceInterval(0.5, 3)).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA' }),
    );
    expect(() => fisherConfidenceInterval(1.2, 10)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => fisherConfidenceInterval(0.2, 10, 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: contains r and narrows as n grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        fc.integer({ min: 4, max: 10_000 }),
        (r, n) => {
          const small = fisherConfidenceInterval(r, n);
          const large = fisherConfidenceInterval(r, n + 10);
          expect(small.lower).toBeLessThanOrEqual(r + 1e-12);
          expect(small.upper).toBeGreaterThanOrEqual(r - 1e-12);
          expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
        },
      ),
    );
  });
});
