import { BusinessCalendar } from '../calendar/business-calendar';
import {
  addBusinessDays,
  addBusinessMillis,
  businessMillisBetween,
  MS_PER_HOUR,
  PauseInterval,
} from '../calendar/business-time';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';

/** A commitment delay: N business hours, or N business days (see addBusinessDays for the definition). */
export type CommitmentTarget =
  | { readonly unit: 'BUSINESS_HOURS'; readonly amount: number }
  | { readonly unit: 'BUSINESS_DAYS'; readonly amount: number };

/** The service commitment attached to a request when it was created. */
export interface ServiceCommitment {
  readonly firstResponse: CommitmentTarget;
  readonly resolution: CommitmentTarget;
}

/** Business milliseconds a target allows from `start` (pauses never change the allowance). */
export function allowedBusinessMillis(
  start: Date,
  target: CommitmentTarget,
  calendar: BusinessCalendar,
): number {
  ensure(
    Number.isFinite(target.amount) && target.amount >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `commitment amount must be ≥ 0, got ${target.amount}`,
  );
  if (target.unit === 'BUSINESS_HOURS') return Math.round(target.amount * MS_PER_HOUR);
  ensure(
    target.unit === 'BUSINESS_DAYS',
    DomainErrorCode.INVALID_ARGUMENT,
    `unknown unit ${String(target.unit)}`,
  );
  return businessMillisBetween(start, addBusinessDays(start, target.amount, calendar), calendar);
}

/** Due moment of a target from `start`, moved later by the business time spent in pauses. */
export function commitmentDueAt(
  start: Date,
  target: CommitmentTarget,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): Date {
  return addBusinessMillis(start, allowedBusinessMillis(start, target, calendar), calendar, pauses);
}
