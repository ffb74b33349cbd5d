import { DomainErrorCode, DomainRuleError, ensure } from '../errors/domain-rule-error';
import { PauseInterval } from '../calendar/business-time';

/** Lifecycle states of a service-desk request. */
export enum RequestState {
  NEW = 'NEW',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_ON_REQUESTER = 'WAITING_ON_REQUESTER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

const MOVES: Readonly<Record<RequestState, readonly RequestState[]>> = {
  [RequestState.NEW]: [RequestState.ACKNOWLEDGED],
  [RequestState.ACKNOWLEDGED]: [RequestState.IN_PROGRESS],
  [RequestState.IN_PROGRESS]: [RequestState.WAITING_ON_REQUESTER, RequestState.RESOLVED],
  [RequestState.WAITING_ON_REQUESTER]: [RequestState.IN_PROGRESS],
  [RequestState.RESOLVED]: [RequestState.CLOSED, RequestState.IN_PROGRESS],
  [RequestState.CLOSED]: [RequestState.IN_PROGRESS],
};

/** Raised by `assertTransition`: code INVALID_TRANSITION, with the allowed moves from `from`. */
export class InvalidTransitionError extends DomainRuleError {
  constructor(
    readonly from: RequestState,
    readonly to: RequestState,
    readonly allowed: readonly RequestState[],
  ) {
    super(
      DomainErrorCode.INVALID_TRANSITION,
      `cannot move a request from ${from} to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
      { from, to, allowed: [...allowed] },
    );
  }
}

/** Facts needed to judge a reopen (RESOLVED/CLOSED → IN_PROGRESS). */
export interface ReopenContext {
  /** When the request was (last) moved to RESOLVED. */
  readonly resolvedAt: Date;
  readonly now: Date;
  /** Reopening is allowed up to `reopenWindowDays` × 24 h after `resolvedAt` (inclusive). */
  readonly reopenWindowDays: number;
}

/** States reachable in one move from `from` (reopen moves included, subject to the window). */
export function allowedTransitions(from: RequestState): readonly RequestState[] {
  const moves = MOVES[from];
  ensure(moves !== undefined, DomainErrorCode.INVALID_ARGUMENT, `unknown state ${String(from)}`);
  return moves;
}

/** True when `from → to` is a reopen (leaving RESOLVED or CLOSED for IN_PROGRESS). */
export function isReopen(from: RequestState, to: RequestState): boolean {
  return (from === RequestState.RESOLVED || from === RequestState.CLOSED) && to === RequestState.IN_PROGRESS;
}

/**
 * Throws InvalidTransitionError (INVALID_TRANSITION, listing allowed moves) unless `from → to` is
 * allowed; a reopen also needs `reopen` facts and throws REOPEN_WINDOW_EXPIRED once
 * now > resolvedAt + reopenWindowDays × 24 h.
 */
export function assertTransition(from: RequestState, to: RequestState, reopen?: ReopenContext): void {
  const allowed = allowedTransitions(from);
  if (!allowed.includes(to)) throw new InvalidTransitionError(from, to, allowed);
  if (!isReopen(from, to)) return;
  ensure(
    reopen !== undefined,
    DomainErrorCode.INVALID_ARGUMENT,
    'a reopen needs resolvedAt, now and the window',
  );
  ensure(
    Number.isFinite(reopen.reopenWindowDays) && reopen.reopenWindowDays >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `reopen window must be ≥ 0 days, got ${reopen.reopenWindowDays}`,
  );
  const deadline = reopen.resolvedAt.getTime() + reopen.reopenWindowDays * 86_400_000;
  ensure(
    reopen.now.getTime() <= deadline,
    DomainErrorCode.REOPEN_WINDOW_EXPIRED,
    `the request can no longer be reopened (window of ${reopen.reopenWindowDays} days closed on ${new Date(deadline).toISOString()})`,
    { deadline: new Date(deadline).toISOString() },
  );
}

/** True when `assertTransition` would not throw. */
export function canTransition(from: RequestState, to: RequestState, reopen?: ReopenContext): boolean {
  try {
    assertTransition(from, to, reopen);
    return true;
  } catch (error) {
    if (error instanceof DomainRuleError) return false;
    throw error;
  }
}

/** One entry of a request's state history. */
export interface StateChange {
  readonly state: RequestState;
  readonly at: Date;
}

/**
 * Pause intervals (time spent in WAITING_ON_REQUESTER) from a chronological state history;
 * a wait still open is closed at `now`.
 */
export function waitingPauses(history: readonly StateChange[], now: Date): PauseInterval[] {
  const pauses: PauseInterval[] = [];
  let waitingSince: Date | null = null;
  for (let i = 0; i < history.length; i += 1) {
    const change = history[i] as StateChange;
    ensure(
      i === 0 || change.at.getTime() >= (history[i - 1] as StateChange).at.getTime(),
      DomainErrorCode.UNSORTED_INPUT,
      `state history is not chronological at index ${i}`,
      { index: i },
    );
    if (change.state === RequestState.WAITING_ON_REQUESTER) {
      waitingSince ??= change.at;
    } else if (waitingSince !== null) {
      pauses.push({ start: waitingSince, end: change.at });
      waitingSince = null;
    }
  }
  if (waitingSince !== null) {
    pauses.push({ start: waitingSince, end: new Date(Math.max(now.getTime(), waitingSince.getTime())) });
  }
  return pauses;
}
