import {
  addBusinessMillis,
  allowedBusinessMillis,
  commitmentDueAt,
  DEFAULT_AT_RISK_THRESHOLD,
  type BusinessCalendar,
  type CommitmentTarget,
  type PauseInterval,
} from '@symmetry/domain';
import type { LocalizedText } from '@symmetry/surveys';
import { CommitmentStatus, CommitmentUnit, RequestState } from './dto/desk.types';

export interface CommitmentRow {
  id: string;
  version: number;
  first_response_unit: CommitmentUnit;
  first_response_amount: number;
  resolution_unit: CommitmentUnit;
  resolution_amount: number;
  valid_from: Date;
}

export const target = (unit: CommitmentUnit, amount: number): CommitmentTarget => ({ unit, amount });

/** Due moments and warning moments of a request opened at `start` under `c`, with pauses so far. */
export function schedule(c: CommitmentRow, start: Date, cal: BusinessCalendar, pauses: PauseInterval[] = []) {
  const fr = target(c.first_response_unit, c.first_response_amount);
  const res = target(c.resolution_unit, c.resolution_amount);
  const frAllowed = allowedBusinessMillis(start, fr, cal);
  const resAllowed = allowedBusinessMillis(start, res, cal);
  return {
    // The first response is not paused (the requester is not asked anything before it).
    firstResponseDueAt: commitmentDueAt(start, fr, cal),
    firstResponseRiskAt: addBusinessMillis(start, Math.round(frAllowed * DEFAULT_AT_RISK_THRESHOLD), cal),
    resolutionDueAt: commitmentDueAt(start, res, cal, pauses),
    resolutionRiskAt: addBusinessMillis(
      start,
      Math.round(resAllowed * DEFAULT_AT_RISK_THRESHOLD),
      cal,
      pauses,
    ),
  };
}

function unitWords(unit: CommitmentUnit, n: number, lang: 'en' | 'fr'): string {
  if (lang === 'en')
    return `${n} business ${unit === CommitmentUnit.BUSINESS_HOURS ? 'hour' : 'day'}${n === 1 ? '' : 's'}`;
  return `${n} ${unit === CommitmentUnit.BUSINESS_HOURS ? 'heure' : 'jour'}${n > 1 ? 's' : ''} ouvré${n > 1 ? 's' : ''}`;
}

/** The commitment as the requester reads it. */
export function wording(c: CommitmentRow): LocalizedText {
  const resDays = c.resolution_unit === CommitmentUnit.BUSINESS_DAYS;
  const en = `We answer within ${unitWords(c.first_response_unit, c.first_response_amount, 'en')} and ${
    resDays && c.resolution_amount === 0
      ? 'resolve it by the end of the business day'
      : `resolve it within ${unitWords(c.resolution_unit, c.resolution_amount, 'en')}`
  }. Time waiting for your reply does not count.`;
  const fr = `Nous répondons sous ${unitWords(c.first_response_unit, c.first_response_amount, 'fr')} et ${
    resDays && c.resolution_amount === 0
      ? 'résolvons votre demande dans la journée'
      : `résolvons votre demande sous ${unitWords(c.resolution_unit, c.resolution_amount, 'fr')}`
  }. Le temps d’attente de votre réponse ne compte pas.`;
  return { en, fr };
}

/** Live status against the original commitment (the sweep uses the same moments). */
export function statusOf(
  r: {
    state: RequestState;
    resolution_met: boolean | null;
    first_responded_at: Date | null;
    first_response_due_at: Date;
    first_response_risk_at: Date;
    resolution_due_at: Date;
    resolution_risk_at: Date;
  },
  now = new Date(),
): CommitmentStatus {
  if (r.state === RequestState.RESOLVED || r.state === RequestState.CLOSED)
    return r.resolution_met ? CommitmentStatus.MET : CommitmentStatus.MISSED;
  if (r.state === RequestState.WAITING_ON_REQUESTER) return CommitmentStatus.PAUSED;
  const t = now.getTime();
  if (t >= r.resolution_due_at.getTime() || (!r.first_responded_at && t >= r.first_response_due_at.getTime()))
    return CommitmentStatus.LATE;
  if (
    t >= r.resolution_risk_at.getTime() ||
    (!r.first_responded_at && t >= r.first_response_risk_at.getTime())
  )
    return CommitmentStatus.AT_RISK;
  return CommitmentStatus.ON_TRACK;
}

/**
 * The first moment after `now` at which `statusOf` gives another status for this request as it
 * is (Infinity if never: resolved, closed, paused while waiting on the requester, or late). For
 * every t in [now, that moment), statusOf(r, t) equals statusOf(r, now). Status changes only at
 * the request's risk and due moments, so the first of those that changes it is the answer.
 */
export function nextStatusChange(r: Parameters<typeof statusOf>[0], now: Date): number {
  const status = statusOf(r, now);
  if (status !== CommitmentStatus.ON_TRACK && status !== CommitmentStatus.AT_RISK) return Infinity;
  const t = now.getTime();
  const moments = [r.resolution_due_at, r.resolution_risk_at];
  if (!r.first_responded_at) moments.push(r.first_response_due_at, r.first_response_risk_at);
  const later = moments
    .map((m) => m.getTime())
    .filter((x) => x > t)
    .sort((x, y) => x - y);
  return later.find((x) => statusOf(r, new Date(x)) !== status) ?? Infinity;
}
