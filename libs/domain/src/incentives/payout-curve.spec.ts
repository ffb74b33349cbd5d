import fc from 'fast-check';
import { compilePayoutCurve, PayoutCurveSpec, payoutPercent } from './payout-curve';
import { Dec, decimalText } from './money';

/** CSAT curve: nothing below 70, 50% at 70, 100% at 80, 200% from 95 on. */
const CSAT: PayoutCurveSpec = {
  threshold: { x: 70, payoutPercent: 50 },
  target: 80,
  cap: { x: 95, payoutPercent: 200 },
};
const pct = (spec: PayoutCurveSpec, x: number | string): string =>
  decimalText(payoutPercent(compilePayoutCurve(spec), x), 6);

describe('payout curve', () => {
  it('pays 0 below the threshold, the threshold % at the threshold', () => {
    expect(pct(CSAT, 69.99)).toBe('0.000000');
    expect(pct(CSAT, 70)).toBe('50.000000');
  });

  it('interpolates linearly between threshold and target, and target and cap', () => {
    expect(pct(CSAT, 75)).toBe('75.000000');
    expect(pct(CSAT, 80)).toBe('100.000000');
    expect(pct(CSAT, 84)).toBe('126.666667');
    expect(pct(CSAT, '87.5')).toBe('150.000000');
  });

  it('pays the cap % at and above the cap', () => {
    expect(pct(CSAT, 95)).toBe('200.000000');
    expect(pct(CSAT, 100)).toBe('200.000000');
  });

  it('uses intermediate points', () => {
    const spec: PayoutCurveSpec = {
      threshold: { x: 0, payoutPercent: 0 },
      target: 100,
      cap: { x: 150, payoutPercent: 150 },
      intermediatePoints: [
        { x: 50, payoutPercent: 20 },
        { x: 120, payoutPercent: 140 },
      ],
    };
    expect(compilePayoutCurve(spec).points.map((p) => [p.x.toNumber(), p.y.toNumber()])).toEqual([
      [0, 0],
      [50, 20],
      [100, 100],
      [120, 140],
      [150, 150],
    ]);
    expect(pct(spec, 25)).toBe('10.000000');
    expect(pct(spec, 110)).toBe('120.000000');
    expect(pct(spec, 135)).toBe('145.000000');
  });

  it('accepts an intermediate point at the target paying 100%, and a cliff curve', () => {
    expect(() =>
      compilePayoutCurve({ ...CSAT, intermediatePoints: [{ x: 80, payoutPercent: 100 }] }),
    ).not.toThrow();
    const cliff = {
      threshold: { x: 80, payoutPercent: 100 },
      target: 80,
      cap: { x: 80, payoutPercent: 100 },
    };
    expect(pct(cliff, 79)).toBe('0.000000');
    expect(pct(cliff, 80)).toBe('100.000000');
    expect(pct(cliff, 99)).toBe('100.000000');
  });

  it.each([
    ['negative payout', { ...CSAT, threshold: { x: 70, payoutPercent: -1 } }, 'CURVE_NEGATIVE_PAYOUT'],
    ['cap x below target', { ...CSAT, cap: { x: 75, payoutPercent: 200 } }, 'CURVE_CAP_BELOW_TARGET'],
    ['cap % below 100', { ...CSAT, cap: { x: 95, payoutPercent: 90 } }, 'CURVE_CAP_BELOW_TARGET'],
    [
      'threshold above target',
      { ...CSAT, threshold: { x: 85, payoutPercent: 0 } },
      'CURVE_X_NOT_STRICTLY_INCREASING',
    ],
    [
      'intermediate x out of order',
      {
        ...CSAT,
        intermediatePoints: [
          { x: 90, payoutPercent: 150 },
          { x: 85, payoutPercent: 120 },
        ],
      },
      'CURVE_X_NOT_STRICTLY_INCREASING',
    ],
    [
      'duplicate x',
      { ...CSAT, intermediatePoints: [{ x: 70, payoutPercent: 60 }] },
      'CURVE_X_NOT_STRICTLY_INCREASING',
    ],
    [
      'point at target not 100%',
      { ...CSAT, intermediatePoints: [{ x: 80, payoutPercent: 90 }] },
      'CURVE_TARGET_CONFLICT',
    ],
    [
      'decreasing payout',
      { ...CSAT, intermediatePoints: [{ x: 90, payoutPercent: 95 }] },
      'CURVE_Y_DECREASING',
    ],
    ['threshold above 100%', { ...CSAT, threshold: { x: 70, payoutPercent: 120 } }, 'CURVE_Y_DECREASING'],
    [
      'cap above target x but 100% then a jump',
      { ...CSAT, cap: { x: 80, payoutPercent: 150 } },
      'CURVE_TARGET_CONFLICT',
    ],
    ['non-numeric x', { ...CSAT, target: 'eighty' }, 'INVALID_ARGUMENT'],
  ])('rejects %s', (_label, spec, code) => {
    expect(() => compilePayoutCurve(spec as PayoutCurveSpec)).toThrow(expect.objectContaining({ code }));
  });

  it('property: a valid curve gives a monotone payout within [0, max]', () => {
    const curveArb = fc
      .record({
        thresholdX: fc.integer({ min: 0, max: 50 }),
        thresholdY: fc.integer({ min: 0, max: 100 }),
        toTarget: fc.integer({ min: 1, max: 50 }),
        toCap: fc.integer({ min: 1, max: 50 }),
        capY: fc.integer({ min: 100, max: 300 }),
      })
      .map((r): PayoutCurveSpec => ({
        threshold: { x: r.thresholdX, payoutPercent: r.thresholdY },
        target: r.thresholdX + r.toTarget,
        cap: { x: r.thresholdX + r.toTarget + r.toCap, payoutPercent: r.capY },
      }));
    fc.assert(
      fc.property(
        curveArb,
        fc.integer({ min: -100, max: 20000 }),
        fc.integer({ min: 0, max: 2000 }),
        (spec, a, d) => {
          const curve = compilePayoutCurve(spec);
          const low = payoutPercent(curve, new Dec(a).dividedBy(100));
          const high = payoutPercent(curve, new Dec(a + d).dividedBy(100));
          expect(low.lte(high)).toBe(true);
          expect(low.gte(0)).toBe(true);
          expect(high.lte(curve.maxPercent)).toBe(true);
        },
      ),
    );
  });
});
