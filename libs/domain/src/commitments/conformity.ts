import { BusinessCalendar } from '../calendar/business-calendar';
import { businessMillisBetween, PauseInterval } from '../calendar/business-time';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { commitmentDueAt, ServiceCommitment } from './service-commitment';

/** Whether one commitment was kept. */
export enum CommitmentOutcome {
  /** Delivered on or before the due moment. */
  MET = 'MET',
  /** Delivered late, or not delivered and the due moment has passed. */
  MISSED = 'MISSED',
  /** Not delivered yet, due moment not passed. */
  PENDING = 'PENDING',
}

/** A renegotiated resolution due date: informative only, it never changes conformity. */
export interface Renegotiation {
  readonly at: Date;
  readonly newResolutionDueAt: Date;
  readonly reason: string;
}

/** Facts of a request needed to judge conformity to its ORIGINAL commitment. */
export interface ConformityInput {
  readonly createdAt: Date;
  /** The commitment in force when the request was created. */
  readonly commitment: ServiceCommitment;
  readonly firstRespondedAt: Date | null;
  /** Final resolution time (if reopened, the last resolution). */
  readonly resolvedAt: Date | null;
  /** Time waiting on the requester: shifts the resolution due moment. */
  readonly pauses?: readonly PauseInterval[];
  readonly renegotiations?: readonly Renegotiation[];
  readonly now: Date;
}

/** Assessment of one commitment. */
export interface CommitmentAssessment {
  readonly dueAt: Date;
  readonly deliveredAt: Date | null;
  readonly outcome: CommitmentOutcome;
  /** Wall-clock lateness in ms (0 unless MISSED); measured at `now` when not delivered. */
  readonly lateByMillis: number;
  /** Lateness in business ms, pauses excluded (may be 0 for a delivery late only outside hours). */
  readonly lateByBusinessMillis: number;
}

/** A broken commitment, with the renegotiation reasons kept for the record. */
export interface NonConformity {
  readonly kind: 'FIRST_RESPONSE_LATE' | 'RESOLUTION_LATE';
  readonly dueAt: Date;
  readonly deliveredAt: Date | null;
  readonly lateByMillis: number;
  readonly renegotiated: boolean;
  readonly renegotiationReasons: readonly string[];
}

/** Conformity of a request to its original commitment. */
export interface ConformityResult {
  readonly firstResponse: CommitmentAssessment;
  readonly resolution: CommitmentAssessment & {
    /** Latest renegotiated due date, if any. */
    readonly renegotiatedDueAt: Date | null;
    /** Whether the resolution met the renegotiated date (null if none or not resolved). */
    readonly metRenegotiatedDueAt: boolean | null;
  };
  /** true when both commitments are MET, false when either is MISSED, null otherwise. */
  readonly conform: boolean | null;
  readonly nonConformities: readonly NonConformity[];
}

function assess(
  dueAt: Date,
  deliveredAt: Date | null,
  now: Date,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[],
): CommitmentAssessment {
  const reference = deliveredAt ?? now;
  const late = reference.getTime() > dueAt.getTime();
  let outcome = CommitmentOutcome.PENDING;
  if (late) outcome = CommitmentOutcome.MISSED;
  else if (deliveredAt !== null) outcome = CommitmentOutcome.MET;
  return {
    dueAt,
    deliveredAt,
    outcome,
    lateByMillis: late ? reference.getTime() - dueAt.getTime() : 0,
    lateByBusinessMillis: late ? businessMillisBetween(dueAt, reference, calendar, pauses) : 0,
  };
}

/**
 * Judges a request against its ORIGINAL commitment. The first response is due at its target from
 * creation (pauses ignored); the resolution due moment moves by the paused business time. A
 * renegotiated due date never changes the outcome: a resolution after the original due moment is a
 * non-conformity even if the renegotiated date was met; the renegotiation reasons are kept on it.
 */
export function assessConformity(input: ConformityInput, calendar: BusinessCalendar): ConformityResult {
  const pauses = input.pauses ?? [];
  const renegotiations = [...(input.renegotiations ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const d of [input.firstRespondedAt, input.resolvedAt]) {
    ensure(
      d === null || d.getTime() >= input.createdAt.getTime(),
      DomainErrorCode.INVALID_INTERVAL,
      'a request cannot be answered or resolved before it is created',
    );
  }
  const firstResponse = assess(
    commitmentDueAt(input.createdAt, input.commitment.firstResponse, calendar),
    input.firstRespondedAt,
    input.now,
    calendar,
    [],
  );
  const resolutionBase = assess(
    commitmentDueAt(input.createdAt, input.commitment.resolution, calendar, pauses),
    input.resolvedAt,
    input.now,
    calendar,
    pauses,
  );
  const latest = renegotiations[renegotiations.length - 1];
  const renegotiatedDueAt = latest ? latest.newResolutionDueAt : null;
  const resolution = {
    ...resolutionBase,
    renegotiatedDueAt,
    metRenegotiatedDueAt:
      renegotiatedDueAt === null || input.resolvedAt === null
        ? null
        : input.resolvedAt.getTime() <= renegotiatedDueAt.getTime(),
  };
  const nonConformities: NonConformity[] = [];
  if (firstResponse.outcome === CommitmentOutcome.MISSED) {
    nonConformities.push({
      kind: 'FIRST_RESPONSE_LATE',
      dueAt: firstResponse.dueAt,
      deliveredAt: firstResponse.deliveredAt,
      lateByMillis: firstResponse.lateByMillis,
      renegotiated: false,
      renegotiationReasons: [],
    });
  }
  if (resolution.outcome === CommitmentOutcome.MISSED) {
    nonConformities.push({
      kind: 'RESOLUTION_LATE',
      dueAt: resolution.dueAt,
      deliveredAt: resolution.deliveredAt,
      lateByMillis: resolution.lateByMillis,
      renegotiated: renegotiations.length > 0,
      renegotiationReasons: renegotiations.map((r) => r.reason),
    });
  }
  const outcomes = [firstResponse.outcome, resolution.outcome];
  const conform = outcomes.includes(CommitmentOutcome.MISSED)
    ? false
    : outcomes.every((o) => o === CommitmentOutcome.MET)
      ? true
      : null;
  return { firstResponse, resolution, conform, nonConformities };
}
