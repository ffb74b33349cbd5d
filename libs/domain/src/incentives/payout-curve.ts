import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { Dec, DecimalInput, toDecimal } from './money';

/** A point of a payout curve: metric (or attainment) value x → payout in % of target pay. */
export interface CurvePointInput {
  readonly x: DecimalInput;
  readonly payoutPercent: DecimalInput;
}

/**
 * A payout curve by its roles: nothing is paid below `threshold.x`; `target` pays exactly 100%;
 * from `cap.x` on, `cap.payoutPercent` (the maximum) is paid; optional intermediate points shape the
 * curve in between; payout is linearly interpolated between consecutive points.
 */
export interface PayoutCurveSpec {
  readonly threshold: CurvePointInput;
  readonly target: DecimalInput;
  readonly cap: CurvePointInput;
  /** Extra points, in strictly increasing x, strictly between threshold.x and cap.x. */
  readonly intermediatePoints?: readonly CurvePointInput[];
}

/** A validated curve: its points sorted by x (target included) and its landmarks. */
export interface PayoutCurve {
  readonly points: readonly { readonly x: Decimal; readonly y: Decimal }[];
  readonly threshold: Decimal;
  readonly target: Decimal;
  readonly cap: Decimal;
  readonly maxPercent: Decimal;
}

const HUNDRED = new Dec(100);

/**
 * Validates a curve spec and returns the compiled curve. Error codes: CURVE_NEGATIVE_PAYOUT,
 * CURVE_CAP_BELOW_TARGET (cap.x < target or cap % < 100), CURVE_X_NOT_STRICTLY_INCREASING
 * (threshold ≤ intermediates < cap not strictly increasing, or threshold above target),
 * CURVE_TARGET_CONFLICT (a point at the target x not paying 100%), CURVE_Y_DECREASING.
 */
export function compilePayoutCurve(spec: PayoutCurveSpec): PayoutCurve {
  const point = (p: CurvePointInput, name: string): { x: Decimal; y: Decimal } => {
    const y = toDecimal(p.payoutPercent, `${name}.payoutPercent`);
    ensure(y.gte(0), DomainErrorCode.CURVE_NEGATIVE_PAYOUT, `${name} pays a negative percentage`);
    return { x: toDecimal(p.x, `${name}.x`), y };
  };
  const threshold = point(spec.threshold, 'threshold');
  const cap = point(spec.cap, 'cap');
  const target = toDecimal(spec.target, 'target');
  const middle = (spec.intermediatePoints ?? []).map((p, i) => point(p, `intermediatePoints[${i}]`));

  ensure(
    cap.x.gte(target) && cap.y.gte(HUNDRED),
    DomainErrorCode.CURVE_CAP_BELOW_TARGET,
    `cap (${cap.x.toString()} → ${cap.y.toString()}%) must be at or above target (${target.toString()} → 100%)`,
  );
  ensure(
    threshold.x.lte(target),
    DomainErrorCode.CURVE_X_NOT_STRICTLY_INCREASING,
    `threshold ${threshold.x.toString()} lies above target ${target.toString()}`,
  );
  const given = [threshold, ...middle, cap];
  // threshold and cap may coincide (a single-step curve); otherwise x must strictly increase.
  const sequence = given.length === 2 && threshold.x.eq(cap.x) && threshold.y.eq(cap.y) ? [threshold] : given;
  for (let i = 1; i < sequence.length; i += 1) {
    ensure(
      (sequence[i] as { x: Decimal }).x.gt((sequence[i - 1] as { x: Decimal }).x),
      DomainErrorCode.CURVE_X_NOT_STRICTLY_INCREASING,
      `curve x values must strictly increase (point ${i})`,
      { index: i },
    );
  }
  const atTarget = sequence.find((p) => p.x.eq(target));
  if (atTarget) {
    ensure(
      atTarget.y.eq(HUNDRED),
      DomainErrorCode.CURVE_TARGET_CONFLICT,
      `the point at target x ${target.toString()} pays ${atTarget.y.toString()}%, not 100%`,
    );
  }
  const points = atTarget
    ? sequence
    : [...sequence, { x: target, y: HUNDRED }].sort((a, b) => a.x.comparedTo(b.x));
  for (let i = 1; i < points.length; i += 1) {
    ensure(
      (points[i] as { y: Decimal }).y.gte((points[i - 1] as { y: Decimal }).y),
      DomainErrorCode.CURVE_Y_DECREASING,
      `curve payouts must not decrease (point ${i})`,
      { index: i },
    );
  }
  return { points, threshold: threshold.x, target, cap: cap.x, maxPercent: cap.y };
}

/**
 * Payout in % of target pay for value x: 0 below the threshold, the cap % at or above the cap,
 * linear interpolation in between (computed as y₀ + (x − x₀)(y₁ − y₀)/(x₁ − x₀), one rounding).
 */
export function payoutPercent(curve: PayoutCurve, value: DecimalInput): Decimal {
  const x = toDecimal(value, 'value');
  const points = curve.points;
  const first = points[0] as { x: Decimal; y: Decimal };
  const last = points[points.length - 1] as { x: Decimal; y: Decimal };
  if (x.lt(first.x)) return new Dec(0);
  if (x.gte(last.x)) return last.y;
  for (let i = 1; i < points.length; i += 1) {
    const right = points[i] as { x: Decimal; y: Decimal };
    if (x.lt(right.x)) {
      const left = points[i - 1] as { x: Decimal; y: Decimal };
      return left.y.plus(x.minus(left.x).times(right.y.minus(left.y)).dividedBy(right.x.minus(left.x)));
    }
  }
  /* istanbul ignore next -- x < last.x guarantees a segment */
  return last.y;
}
