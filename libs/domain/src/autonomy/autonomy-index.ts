import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { median } from '../metrics/percentiles';

/** How a decision was settled. */
export enum DecisionKind {
  /** Settled by the person or team closest to the matter, within their rights. */
  DECIDED_LOCALLY = 'DECIDED_LOCALLY',
  /** Sent up the hierarchy. */
  ESCALATED = 'ESCALATED',
  /** Settled locally beyond formal rights, then confirmed (true), overturned (false) or not yet reviewed (null). */
  BEYOND_RIGHTS = 'BEYOND_RIGHTS',
}

/** One decision record. Delays are in hours (business or calendar: the caller chooses, consistently). */
export type DecisionRecord =
  | { readonly kind: DecisionKind.DECIDED_LOCALLY }
  | { readonly kind: DecisionKind.ESCALATED; readonly levelsCrossed: number; readonly delayHours: number }
  | { readonly kind: DecisionKind.BEYOND_RIGHTS; readonly confirmed: boolean | null };

/** Autonomy indicators of one period. */
export interface AutonomyIndex {
  readonly total: number;
  readonly decidedLocally: number;
  readonly escalated: number;
  readonly beyondRightsConfirmed: number;
  readonly beyondRightsOverturned: number;
  /** Not yet reviewed: excluded from the share's denominator. */
  readonly beyondRightsPending: number;
  /**
   * % of reviewed decisions settled without escalation: (local + beyond-rights confirmed) /
   * (all − beyond-rights pending) × 100; null when nothing is reviewed.
   */
  readonly settledWithoutEscalationPercent: number | null;
  /** Median delay of escalations in hours; null without escalation. */
  readonly medianEscalationDelayHours: number | null;
  /** Mean hierarchy levels crossed by escalations; null without escalation. */
  readonly meanLevelsCrossed: number | null;
}

/** Computes the autonomy index of a period from its decision records. */
export function autonomyIndex(records: readonly DecisionRecord[]): AutonomyIndex {
  let decidedLocally = 0;
  let beyondRightsConfirmed = 0;
  let beyondRightsOverturned = 0;
  let beyondRightsPending = 0;
  const delays: number[] = [];
  const levels: number[] = [];
  records.forEach((record, index) => {
    switch (record.kind) {
      case DecisionKind.DECIDED_LOCALLY:
        decidedLocally += 1;
        break;
      case DecisionKind.ESCALATED:
        ensure(
          Number.isInteger(record.levelsCrossed) && record.levelsCrossed >= 1,
          DomainErrorCode.INVALID_ARGUMENT,
          `record ${index}: levels crossed must be an integer ≥ 1`,
          { index },
        );
        ensure(
          Number.isFinite(record.delayHours) && record.delayHours >= 0,
          DomainErrorCode.INVALID_ARGUMENT,
          `record ${index}: delay must be ≥ 0`,
          { index },
        );
        delays.push(record.delayHours);
        levels.push(record.levelsCrossed);
        break;
      case DecisionKind.BEYOND_RIGHTS:
        if (record.confirmed === true) beyondRightsConfirmed += 1;
        else if (record.confirmed === false) beyondRightsOverturned += 1;
        else beyondRightsPending += 1;
        break;
      default:
        ensure(false, DomainErrorCode.INVALID_ARGUMENT, `record ${index}: unknown decision kind`, { index });
    }
  });
  const reviewed = records.length - beyondRightsPending;
  return {
    total: records.length,
    decidedLocally,
    escalated: delays.length,
    beyondRightsConfirmed,
    beyondRightsOverturned,
    beyondRightsPending,
    settledWithoutEscalationPercent:
      reviewed === 0 ? null : ((decidedLocally + beyondRightsConfirmed) * 100) / reviewed,
    medianEscalationDelayHours: delays.length === 0 ? null : median([...delays].sort((a, b) => a - b)),
    meanLevelsCrossed: levels.length === 0 ? null : levels.reduce((s, l) => s + l, 0) / levels.length,
  };
}

/** Change of each indicator versus the previous period (current − previous); null when either side is null. */
export interface AutonomyTrend {
  /** In percentage points; positive = more autonomy. */
  readonly settledWithoutEscalationDelta: number | null;
  /** In hours; negative = faster escalations. */
  readonly medianEscalationDelayDelta: number | null;
  /** Negative = fewer levels crossed. */
  readonly meanLevelsCrossedDelta: number | null;
}

/** Trend of the autonomy index against the previous period (null previous → all deltas null). */
export function autonomyTrend(current: AutonomyIndex, previous: AutonomyIndex | null): AutonomyTrend {
  const delta = (a: number | null, b: number | null | undefined): number | null =>
    a === null || b === null || b === undefined ? null : a - b;
  return {
    settledWithoutEscalationDelta: delta(
      current.settledWithoutEscalationPercent,
      previous?.settledWithoutEscalationPercent,
    ),
    medianEscalationDelayDelta: delta(
      current.medianEscalationDelayHours,
      previous?.medianEscalationDelayHours,
    ),
    meanLevelsCrossedDelta: delta(current.meanLevelsCrossed, previous?.meanLevelsCrossed),
  };
}
