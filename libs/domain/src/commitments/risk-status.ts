import { BusinessCalendar } from '../calendar/business-calendar';
import { businessTimeConsumedFraction, PauseInterval } from '../calendar/business-time';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { allowedBusinessMillis, commitmentDueAt, CommitmentTarget } from './service-commitment';

/** Live status of an open commitment. */
export enum RiskStatus {
  ON_TRACK = 'ON_TRACK',
  /** At least `atRiskThreshold` (default 75%) of the allowed business time is consumed. */
  AT_RISK = 'AT_RISK',
  /** The (pause-shifted) due moment has passed. */
  LATE = 'LATE',
}

/** Default share of allowed business time from which a commitment is at risk. */
export const DEFAULT_AT_RISK_THRESHOLD = 0.75;

/** Facts for a risk status. */
export interface RiskInput {
  readonly start: Date;
  readonly target: CommitmentTarget;
  readonly now: Date;
  readonly pauses?: readonly PauseInterval[];
  /** Share in (0, 1] from which the commitment is AT_RISK (default 0.75). */
  readonly atRiskThreshold?: number;
}

/** Risk status with its figures. */
export interface RiskAssessment {
  readonly status: RiskStatus;
  readonly dueAt: Date;
  readonly allowedBusinessMillis: number;
  /** Consumed business time / allowed business time (pauses excluded). */
  readonly consumedFraction: number;
}

/**
 * ON_TRACK, AT_RISK (consumed ≥ threshold × allowed business time) or LATE (now after the due
 * moment shifted by pauses). Lateness is judged on instants, so a commitment due Friday 17:30 is
 * LATE on Saturday even though no business time has elapsed since.
 */
export function commitmentRisk(input: RiskInput, calendar: BusinessCalendar): RiskAssessment {
  const threshold = input.atRiskThreshold ?? DEFAULT_AT_RISK_THRESHOLD;
  ensure(
    Number.isFinite(threshold) && threshold > 0 && threshold <= 1,
    DomainErrorCode.INVALID_ARGUMENT,
    `at-risk threshold must be in (0, 1], got ${threshold}`,
  );
  const pauses = input.pauses ?? [];
  const allowed = allowedBusinessMillis(input.start, input.target, calendar);
  const dueAt = commitmentDueAt(input.start, input.target, calendar, pauses);
  const consumedFraction = businessTimeConsumedFraction(input.start, input.now, allowed, calendar, pauses);
  let status = RiskStatus.ON_TRACK;
  if (input.now.getTime() > dueAt.getTime()) status = RiskStatus.LATE;
  else if (consumedFraction >= threshold) status = RiskStatus.AT_RISK;
  return { status, dueAt, allowedBusinessMillis: allowed, consumedFraction };
}
