/** Machine-readable codes for every rule violation raised by `@symmetry/domain`. */
export enum DomainErrorCode {
  /** A list that must hold at least one element is empty. */
  EMPTY_INPUT = 'EMPTY_INPUT',
  /** A number is not finite, not an integer where one is required, or outside its allowed range. */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** A survey score is outside its scale (e.g. an NPS score of 11). */
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  /** A value lies outside the declared scale [min, max] of its metric. */
  VALUE_OUT_OF_SCALE = 'VALUE_OUT_OF_SCALE',
  /** A scale definition is unusable (min >= max, unknown direction...). */
  INVALID_SCALE = 'INVALID_SCALE',
  /** An array that must be sorted ascending is not. */
  UNSORTED_INPUT = 'UNSORTED_INPUT',
  /** Two arrays that must be paired have different lengths. */
  LENGTH_MISMATCH = 'LENGTH_MISMATCH',
  /** Too few observations for the requested statistic. */
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
  /** A series has no variance, so a correlation or slope is undefined. */
  ZERO_VARIANCE = 'ZERO_VARIANCE',
  /** The time zone is not a valid IANA zone. */
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  /** The business calendar is malformed (no working day, bad hours, bad holiday date...). */
  INVALID_CALENDAR = 'INVALID_CALENDAR',
  /** A date is malformed (bad YYYY-MM-DD string, invalid Date). */
  INVALID_DATE = 'INVALID_DATE',
  /** An interval ends before it starts. */
  INVALID_INTERVAL = 'INVALID_INTERVAL',
  /** No business time could be found within the search horizon. */
  NO_BUSINESS_TIME = 'NO_BUSINESS_TIME',
  /** A money amount is malformed, negative where forbidden, or has more than two decimals. */
  INVALID_MONEY = 'INVALID_MONEY',
  /** Two curve points share an x, or the point at the target x does not pay 100%. */
  CURVE_TARGET_CONFLICT = 'CURVE_TARGET_CONFLICT',
  /** Payout curve x values are not strictly increasing. */
  CURVE_X_NOT_STRICTLY_INCREASING = 'CURVE_X_NOT_STRICTLY_INCREASING',
  /** Payout curve y values decrease somewhere. */
  CURVE_Y_DECREASING = 'CURVE_Y_DECREASING',
  /** The cap lies below the target (in x or in payout %). */
  CURVE_CAP_BELOW_TARGET = 'CURVE_CAP_BELOW_TARGET',
  /** A payout percentage is negative. */
  CURVE_NEGATIVE_PAYOUT = 'CURVE_NEGATIVE_PAYOUT',
  /** Component weights do not sum to exactly 100. */
  WEIGHTS_NOT_100 = 'WEIGHTS_NOT_100',
  /** An FTE is outside (0, 1]. */
  INVALID_FTE = 'INVALID_FTE',
  /** A period ends before it starts. */
  INVALID_PERIOD = 'INVALID_PERIOD',
  /** A pool cannot be split (no member, zero total weight...). */
  INVALID_POOL = 'INVALID_POOL',
  /** An incentive run refers to something missing or duplicated. */
  INVALID_RUN_INPUT = 'INVALID_RUN_INPUT',
  /** A value cannot be serialised to canonical JSON. */
  NOT_CANONICALISABLE = 'NOT_CANONICALISABLE',
  /** A request state transition is not allowed. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** A reopen was attempted after the reopen window closed. */
  REOPEN_WINDOW_EXPIRED = 'REOPEN_WINDOW_EXPIRED',
}

/** Extra, serialisable facts about a rule violation (offending index, value...). */
export type DomainErrorDetails = Readonly<
  Record<string, string | number | boolean | null | readonly string[]>
>;

/** The single error type raised by domain rules; switch on `code`, never on `message`. */
export class DomainRuleError extends Error {
  override readonly name = 'DomainRuleError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Throws a `DomainRuleError` unless `condition` holds (narrows types for the caller). */
export function ensure(
  condition: boolean,
  code: DomainErrorCode,
  message: string,
  details?: DomainErrorDetails,
): asserts condition {
  if (!condition) throw new DomainRuleError(code, message, details);
}

/** Throws INVALID_ARGUMENT unless `value` is a finite number. */
export function ensureFinite(value: number, name: string): void {
  ensure(Number.isFinite(value), DomainErrorCode.INVALID_ARGUMENT, `${name} must be a finite number`, {
    name,
    value: String(value),
  });
}
