import type { CommitmentStatus, DeskRole, RequestState } from '../../../gql/graphql';

/** States the service still has to act on (or wait on): the request is open. */
export const OPEN_STATES: readonly RequestState[] = [
  'NEW',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'WAITING_ON_REQUESTER',
];

export const ALL_STATES: readonly RequestState[] = [...OPEN_STATES, 'RESOLVED', 'CLOSED'];

const H = 3_600_000;
const DAY = 24 * H;

export interface RequestTiming {
  state: RequestState;
  status: CommitmentStatus;
  resolutionDueAt: string;
  renegotiatedDueAt: string | null;
}

/** What a request's line says, in plain words: due (and how it stands), paused, or resolved. */
export type Situation =
  | { kind: 'due'; dueAt: string; status: CommitmentStatus; renegotiated: boolean }
  | { kind: 'paused' }
  | { kind: 'resolved' | 'closed'; met: boolean };

/** The moment the requester is told about: the agreed new date when there is one, else the commitment's. */
export function promisedDueAt(request: Pick<RequestTiming, 'resolutionDueAt' | 'renegotiatedDueAt'>): string {
  return request.renegotiatedDueAt ?? request.resolutionDueAt;
}

export function situationOf(request: RequestTiming): Situation {
  if (request.state === 'RESOLVED' || request.state === 'CLOSED') {
    return { kind: request.state === 'RESOLVED' ? 'resolved' : 'closed', met: request.status === 'MET' };
  }
  if (request.state === 'WAITING_ON_REQUESTER' || request.status === 'PAUSED') return { kind: 'paused' };
  return {
    kind: 'due',
    dueAt: promisedDueAt(request),
    status: request.status,
    renegotiated: request.renegotiatedDueAt !== null,
  };
}

/**
 * How far a moment is, for wording it: "today", "tomorrow", a weekday within the coming week, else a date.
 * Compared on local calendar days.
 */
export function dueDistance(dueAt: string, now: Date = new Date()): 'today' | 'tomorrow' | 'week' | 'date' {
  const due = new Date(dueAt);
  const startOf = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((startOf(due) - startOf(now)) / DAY);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1 && days < 7) return 'week';
  return 'date';
}

/** Badge colour of a commitment status. */
export const STATUS_COLOR: Record<CommitmentStatus, string> = {
  ON_TRACK: 'blue',
  AT_RISK: 'orange',
  LATE: 'red',
  PAUSED: 'gray',
  MET: 'teal',
  MISSED: 'red',
};

/** Moves the service may make from each state (the API refuses others with BAD_USER_INPUT on input.to). */
const SERVICE_MOVES: Record<RequestState, readonly RequestState[]> = {
  NEW: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: ['IN_PROGRESS'],
  IN_PROGRESS: ['WAITING_ON_REQUESTER', 'RESOLVED'],
  WAITING_ON_REQUESTER: ['IN_PROGRESS'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: ['IN_PROGRESS'],
};

/** Whether a move back to IN_PROGRESS from RESOLVED / CLOSED is still within the reopen window. */
export function canReopen(
  resolvedAt: string | null,
  reopenWindowDays: number,
  now: Date = new Date(),
): boolean {
  if (!resolvedAt) return false;
  return now.getTime() <= new Date(resolvedAt).getTime() + reopenWindowDays * DAY;
}

export interface MoveContext {
  state: RequestState;
  viewerRole: DeskRole;
  resolvedAt: string | null;
  reopenWindowDays: number;
}

/** The state changes this viewer may offer, in the order they are shown. */
export function availableMoves(request: MoveContext, now: Date = new Date()): RequestState[] {
  const reopenable = canReopen(request.resolvedAt, request.reopenWindowDays, now);
  const isReopen = (to: RequestState) =>
    (request.state === 'RESOLVED' || request.state === 'CLOSED') && to === 'IN_PROGRESS';
  if (request.viewerRole === 'REQUESTER') {
    // Replying resumes a request waiting on its requester: no separate button.
    if (request.state === 'RESOLVED') return reopenable ? ['CLOSED', 'IN_PROGRESS'] : ['CLOSED'];
    if (request.state === 'CLOSED') return reopenable ? ['IN_PROGRESS'] : [];
    return [];
  }
  return SERVICE_MOVES[request.state].filter((to) => !isReopen(to) || reopenable);
}

/** Moves that need words for the requester: the question asked, or what was done. */
export function moveNeedsComment(to: RequestState): boolean {
  return to === 'WAITING_ON_REQUESTER' || to === 'RESOLVED';
}

/** `YYYY-MM` of the month a metric row is about (the API may send a date or a month). */
export function monthKey(month: string): string {
  return month.slice(0, 7);
}

/** Hours between two instants, for "answered in 3 h". */
export function hoursBetween(from: string, to: string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / H;
}
