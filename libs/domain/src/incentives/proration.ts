import { Decimal } from 'decimal.js';
import { dayNumberOf, parseCivilDate } from '../calendar/zoned-time';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { Dec, DecimalInput, toDecimal } from './money';

/** An inclusive range of local dates "YYYY-MM-DD". */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/** Input of a proration: FTE, plan period and employment dates (all inclusive local dates). */
export interface ProrationInput {
  /** Full-time equivalent in (0, 1]. */
  readonly fte: DecimalInput;
  readonly period: DateRange;
  /** First day of employment; null/undefined = employed before the period. */
  readonly employmentStart?: string | null;
  /** Last day of employment; null/undefined = still employed after the period. */
  readonly employmentEnd?: string | null;
  /** Fewer eligible days than this gives no payout (default 1). */
  readonly minimumEligibleDays?: number;
}

/** Result of a proration. */
export interface Proration {
  /** fte × eligibleDays / periodDays, or 0 if not eligible; never above 1. */
  readonly factor: Decimal;
  readonly fte: Decimal;
  readonly eligibleDays: number;
  readonly periodDays: number;
  readonly eligible: boolean;
}

/** Number of calendar days in an inclusive date range (throws INVALID_PERIOD if end < start). */
export function inclusiveDays(range: DateRange): number {
  const start = dayNumberOf(parseCivilDate(range.start));
  const end = dayNumberOf(parseCivilDate(range.end));
  ensure(
    end >= start,
    DomainErrorCode.INVALID_PERIOD,
    `period ends (${range.end}) before it starts (${range.start})`,
  );
  return end - start + 1;
}

/**
 * Proration factor for joiners, leavers and part-timers: FTE × (days employed within the period) /
 * (days in the period), all inclusive calendar days; 0 when below the minimum eligible days.
 */
export function prorate(input: ProrationInput): Proration {
  const fte = toDecimal(input.fte, 'fte');
  ensure(
    fte.gt(0) && fte.lte(1),
    DomainErrorCode.INVALID_FTE,
    `FTE must be in (0, 1], got ${fte.toString()}`,
  );
  const minimum = input.minimumEligibleDays ?? 1;
  ensure(
    Number.isInteger(minimum) && minimum >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `minimumEligibleDays must be an integer ≥ 0, got ${minimum}`,
  );
  const periodDays = inclusiveDays(input.period);
  const periodStart = dayNumberOf(parseCivilDate(input.period.start));
  const periodEnd = dayNumberOf(parseCivilDate(input.period.end));
  const empStart = input.employmentStart ? dayNumberOf(parseCivilDate(input.employmentStart)) : -Infinity;
  const empEnd = input.employmentEnd ? dayNumberOf(parseCivilDate(input.employmentEnd)) : Infinity;
  ensure(empEnd >= empStart, DomainErrorCode.INVALID_PERIOD, 'employment ends before it starts');
  const eligibleDays = Math.max(0, Math.min(periodEnd, empEnd) - Math.max(periodStart, empStart) + 1);
  const eligible = eligibleDays > 0 && eligibleDays >= minimum;
  const factor = eligible ? fte.times(eligibleDays).dividedBy(periodDays) : new Dec(0);
  return { factor, fte, eligibleDays, periodDays, eligible };
}
