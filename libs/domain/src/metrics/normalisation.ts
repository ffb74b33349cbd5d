import { DomainErrorCode, ensure, ensureFinite } from '../errors/domain-rule-error';

/** Whether a larger raw value is good news (NPS, CSAT) or bad news (CES on "effort", delays). */
export enum MetricDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}

/** The raw scale of a metric. */
export interface MetricScale {
  readonly min: number;
  readonly max: number;
  readonly direction: MetricDirection;
}

/** Options of `normaliseTo100`. */
export interface NormaliseOptions {
  /** Clamp values outside [min, max] instead of throwing VALUE_OUT_OF_SCALE (default false). */
  readonly clamp?: boolean;
}

/**
 * Maps a raw metric value onto a common 0-100 scale where 100 is always the best:
 * HIGHER_IS_BETTER → (v − min) / (max − min) × 100, LOWER_IS_BETTER → (max − v) / (max − min) × 100.
 */
export function normaliseTo100(value: number, scale: MetricScale, options: NormaliseOptions = {}): number {
  ensureFinite(value, 'value');
  ensureFinite(scale.min, 'scale.min');
  ensureFinite(scale.max, 'scale.max');
  ensure(
    scale.min < scale.max,
    DomainErrorCode.INVALID_SCALE,
    `scale min (${scale.min}) must be < max (${scale.max})`,
  );
  ensure(
    scale.direction === MetricDirection.HIGHER_IS_BETTER ||
      scale.direction === MetricDirection.LOWER_IS_BETTER,
    DomainErrorCode.INVALID_SCALE,
    `unknown direction ${String(scale.direction)}`,
  );
  let v = value;
  if (v < scale.min || v > scale.max) {
    ensure(
      options.clamp === true,
      DomainErrorCode.VALUE_OUT_OF_SCALE,
      `value ${value} is outside [${scale.min}, ${scale.max}]`,
      { value, min: scale.min, max: scale.max },
    );
    v = Math.min(scale.max, Math.max(scale.min, v));
  }
  const width = scale.max - scale.min;
  // Multiply before dividing: keeps round inputs exact (NPS 10 → 55, not 55.00000000000001).
  return scale.direction === MetricDirection.HIGHER_IS_BETTER
    ? ((v - scale.min) * 100) / width
    : ((scale.max - v) * 100) / width;
}

/** Gap between two normalised (0-100) values: `a − b`, in [-100, 100]; positive means a is better. */
export function normalisedGap(a: number, b: number): number {
  for (const [name, v] of [
    ['a', a],
    ['b', b],
  ] as const) {
    ensure(
      Number.isFinite(v) && v >= 0 && v <= 100,
      DomainErrorCode.VALUE_OUT_OF_SCALE,
      `${name} (${v}) is not a normalised value in [0, 100]`,
    );
  }
  return a - b;
}

/** One side of an attention-symmetry pair: a raw value and the scale it is expressed on. */
export interface ScaledValue {
  readonly value: number;
  readonly scale: MetricScale;
}

/** Internal vs customer values normalised to 0-100, and their gap (internal − customer). */
export interface SymmetryGap {
  readonly internal: number;
  readonly customer: number;
  readonly gap: number;
}

/** Normalises both sides of a symmetry pair (e.g. eNPS ↔ NPS) and returns the gap internal − customer. */
export function symmetryGap(internal: ScaledValue, customer: ScaledValue): SymmetryGap {
  const i = normaliseTo100(internal.value, internal.scale);
  const c = normaliseTo100(customer.value, customer.scale);
  return { internal: i, customer: c, gap: normalisedGap(i, c) };
}
