import { SurveyRuleError } from './errors';

/** Driver analysis is only computed for groups of at least this many respondents (answering both questions). */
export const MIN_DRIVER_ANALYSIS_RESPONDENTS = 25;

/** A number as delivered by SQL: a number, or a decimal string (node-postgres returns SUM(bigint) as a string). */
export type NumericInput = number | string;

/** Sufficient statistics of paired observations (x = item, y = outcome), e.g. from one SQL aggregate row. */
export interface CorrelationSums {
  readonly n: NumericInput;
  readonly sumX: NumericInput;
  readonly sumY: NumericInput;
  readonly sumXX: NumericInput;
  readonly sumYY: NumericInput;
  readonly sumXY: NumericInput;
}

export type CorrelationResult =
  | { readonly ok: true; readonly r: number; readonly n: number }
  | { readonly ok: false; readonly n: number; readonly reason: 'INSUFFICIENT_RESPONDENTS' | 'NO_VARIANCE' };

export interface CorrelationOptions {
  /** Minimum respondents; may be raised above MIN_DRIVER_ANALYSIS_RESPONDENTS, never lowered. */
  readonly minRespondents?: number;
}

function parseNumeric(value: NumericInput, label: string): number {
  const parsed =
    typeof value === 'string' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value.trim()) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
    throw new SurveyRuleError('INVALID_STATISTICS', `${label} must be a finite number`, { value });
  }
  return parsed;
}

function resolveMinimum(options: CorrelationOptions): number {
  const minimum = options.minRespondents ?? MIN_DRIVER_ANALYSIS_RESPONDENTS;
  if (!Number.isSafeInteger(minimum) || minimum < MIN_DRIVER_ANALYSIS_RESPONDENTS) {
    throw new SurveyRuleError(
      'INVALID_THRESHOLD',
      `minRespondents must be an integer of at least ${MIN_DRIVER_ANALYSIS_RESPONDENTS}`,
      { minRespondents: minimum },
    );
  }
  return minimum;
}

/** Sufficient statistics of complete pairs (pairs with a null/undefined side are skipped). */
export function correlationSums(
  pairs: ReadonlyArray<readonly [number | null | undefined, number | null | undefined]>,
): CorrelationSums {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  for (const [x, y] of pairs) {
    if (x === null || x === undefined || y === null || y === undefined) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new SurveyRuleError('INVALID_STATISTICS', 'Observations must be finite numbers', { x, y });
    }
    n += 1;
    sumX += x;
    sumY += y;
    sumXX += x * x;
    sumYY += y * y;
    sumXY += x * y;
  }
  return { n, sumX, sumY, sumXX, sumYY, sumXY };
}

/** Adds two sets of sufficient statistics (e.g. from partitions aggregated separately). */
export function mergeCorrelationSums(a: CorrelationSums, b: CorrelationSums): CorrelationSums {
  const add = (x: NumericInput, y: NumericInput, label: string): number =>
    parseNumeric(x, label) + parseNumeric(y, label);
  return {
    n: add(a.n, b.n, 'n'),
    sumX: add(a.sumX, b.sumX, 'sumX'),
    sumY: add(a.sumY, b.sumY, 'sumY'),
    sumXX: add(a.sumXX, b.sumXX, 'sumXX'),
    sumYY: add(a.sumYY, b.sumYY, 'sumYY'),
    sumXY: add(a.sumXY, b.sumXY, 'sumXY'),
  };
}

/**
 * Pearson r from sufficient statistics: null-like result with a reason when n < 25 (or the given minimum) or when one
 * side has no variance. Throws INVALID_STATISTICS on sums no real data could produce.
 */
export function pearsonFromSums(sums: CorrelationSums, options: CorrelationOptions = {}): CorrelationResult {
  const minimum = resolveMinimum(options);
  const n = parseNumeric(sums.n, 'n');
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new SurveyRuleError('INVALID_STATISTICS', 'n must be a non-negative integer', { n: sums.n });
  }
  const sumX = parseNumeric(sums.sumX, 'sumX');
  const sumY = parseNumeric(sums.sumY, 'sumY');
  const sumXX = parseNumeric(sums.sumXX, 'sumXX');
  const sumYY = parseNumeric(sums.sumYY, 'sumYY');
  const sumXY = parseNumeric(sums.sumXY, 'sumXY');
  if (n < minimum) return { ok: false, n, reason: 'INSUFFICIENT_RESPONDENTS' };
  const varianceX = n * sumXX - sumX * sumX;
  const varianceY = n * sumYY - sumY * sumY;
  const covariance = n * sumXY - sumX * sumY;
  // Rounding tolerance relative to the magnitudes involved.
  const toleranceX = 1e-9 * Math.max(1, n * Math.abs(sumXX), sumX * sumX);
  const toleranceY = 1e-9 * Math.max(1, n * Math.abs(sumYY), sumY * sumY);
  if (varianceX < -toleranceX || varianceY < -toleranceY) {
    throw new SurveyRuleError('INVALID_STATISTICS', 'Sums are inconsistent (negative variance)', { ...sums });
  }
  if (varianceX <= toleranceX || varianceY <= toleranceY) return { ok: false, n, reason: 'NO_VARIANCE' };
  const r = covariance / Math.sqrt(varianceX * varianceY);
  if (r > 1 + 1e-9 || r < -1 - 1e-9) {
    throw new SurveyRuleError('INVALID_STATISTICS', 'Sums are inconsistent (|r| > 1)', { ...sums });
  }
  return { ok: true, r: Math.min(1, Math.max(-1, r)), n };
}

/** Pearson r of two aligned series (pairs with a missing side are skipped), with the same rules as pearsonFromSums. */
export function pearson(
  xs: ReadonlyArray<number | null | undefined>,
  ys: ReadonlyArray<number | null | undefined>,
  options: CorrelationOptions = {},
): CorrelationResult {
  if (xs.length !== ys.length) {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'Both series must have one entry per respondent', {
      xs: xs.length,
      ys: ys.length,
    });
  }
  return pearsonFromSums(correlationSums(xs.map((x, i) => [x, ys[i]] as const)), options);
}

/** One respondent's outcome (eNPS answer or engagement score) and item answers; null = not answered. */
export interface RespondentScores {
  readonly outcome: number | null;
  readonly items: Readonly<Record<string, number | null | undefined>>;
}

export interface DriverCorrelation {
  readonly itemId: string;
  readonly result: CorrelationResult;
}

/** Correlation of each item with the outcome across respondents (pairwise complete), in `itemIds` order. */
export function driverAnalysis(
  respondents: readonly RespondentScores[],
  itemIds: readonly string[],
  options: CorrelationOptions = {},
): DriverCorrelation[] {
  resolveMinimum(options);
  return itemIds.map((itemId) => ({
    itemId,
    result: pearsonFromSums(
      correlationSums(
        respondents.map((respondent) => [respondent.items[itemId], respondent.outcome] as const),
      ),
      options,
    ),
  }));
}

/** Drivers with a result, strongest positive correlation first (ties by item id); the others are left out. */
export function rankDrivers(
  correlations: readonly DriverCorrelation[],
): Array<{ itemId: string; r: number; n: number }> {
  return correlations
    .flatMap((entry) =>
      entry.result.ok ? [{ itemId: entry.itemId, r: entry.result.r, n: entry.result.n }] : [],
    )
    .sort((a, b) => b.r - a.r || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}
