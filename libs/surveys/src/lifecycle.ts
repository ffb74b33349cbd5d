import { DateInput, daysInMonthUtc, toDate } from './dates';
import { SurveyRuleError } from './errors';

/** Lifecycle of a survey (or of one wave of a recurring pulse). */
export const SURVEY_STATUSES = ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

const TRANSITIONS: Readonly<Record<SurveyStatus, readonly SurveyStatus[]>> = {
  DRAFT: ['SCHEDULED', 'OPEN'],
  SCHEDULED: ['OPEN'],
  OPEN: ['CLOSED'],
  CLOSED: [],
};

/** Raised by {@link assertTransition}; a SurveyRuleError with code ILLEGAL_TRANSITION and the refused move. */
export class IllegalTransitionError extends SurveyRuleError {
  constructor(
    readonly from: SurveyStatus,
    readonly to: SurveyStatus,
  ) {
    super('ILLEGAL_TRANSITION', `A survey cannot go from ${from} to ${to}`, { from, to });
  }
}

/** True when `value` is a survey status name. */
export function isSurveyStatus(value: unknown): value is SurveyStatus {
  return typeof value === 'string' && (SURVEY_STATUSES as readonly string[]).includes(value);
}

function assertStatus(value: unknown, label: string): asserts value is SurveyStatus {
  if (!isSurveyStatus(value)) {
    throw new SurveyRuleError(
      'INVALID_ARGUMENT',
      `${label} is not a survey status: ${JSON.stringify(value)}`,
    );
  }
}

/** Statuses reachable in one move from `from` (CLOSED is terminal). */
export function allowedTransitions(from: SurveyStatus): readonly SurveyStatus[] {
  assertStatus(from, 'from');
  return TRANSITIONS[from];
}

/** True for the legal moves DRAFT→SCHEDULED, DRAFT→OPEN, SCHEDULED→OPEN, OPEN→CLOSED. */
export function canTransition(from: SurveyStatus, to: SurveyStatus): boolean {
  assertStatus(to, 'to');
  return allowedTransitions(from).includes(to);
}

/** Throws IllegalTransitionError (code ILLEGAL_TRANSITION) unless `from → to` is a legal move. */
export function assertTransition(from: SurveyStatus, to: SurveyStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** Questions are editable only before opening (DRAFT/SCHEDULED) and while no answer exists. */
export function canEditQuestions(status: SurveyStatus, answerCount: number): boolean {
  assertStatus(status, 'status');
  if (!Number.isSafeInteger(answerCount) || answerCount < 0) {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'answerCount must be a non-negative integer', {
      answerCount,
    });
  }
  return (status === 'DRAFT' || status === 'SCHEDULED') && answerCount === 0;
}

/** How often a survey opens. Times are UTC; each wave is open on [opensAt, closesAt). */
export type Recurrence =
  | { readonly kind: 'ONE_OFF'; readonly opensAt: DateInput; readonly closesAt: DateInput }
  | {
      readonly kind: 'WEEKLY';
      readonly firstOpensAt: DateInput;
      /** Days each wave stays open (1 to 7 × intervalWeeks). */
      readonly openForDays: number;
      /** Weeks between openings (default 1). */
      readonly intervalWeeks?: number;
      /** Number of waves (default: unbounded). */
      readonly waveCount?: number;
    }
  | {
      readonly kind: 'MONTHLY';
      readonly firstOpensAt: DateInput;
      /** Days each wave stays open (1 to 28 × intervalMonths, so waves never overlap). */
      readonly openForDays: number;
      /** Months between openings (default 1). The day of month is kept, clamped to short months (31 → 30, 28/29). */
      readonly intervalMonths?: number;
      readonly waveCount?: number;
    };

export interface WaveWindow {
  /** 1-based wave number. */
  readonly wave: number;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

const DAY_MS = 86_400_000;

function invalidRecurrence(message: string): SurveyRuleError {
  return new SurveyRuleError('INVALID_RECURRENCE', message);
}

function integerIn(
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
  label: string,
): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min || resolved > max) {
    throw invalidRecurrence(`${label} must be an integer from ${min} to ${max}`);
  }
  return resolved;
}

interface ResolvedRecurrence {
  readonly kind: Recurrence['kind'];
  readonly first: Date;
  readonly durationMs: number;
  readonly interval: number;
  readonly waveCount: number;
}

function resolve(recurrence: Recurrence): ResolvedRecurrence {
  switch (recurrence.kind) {
    case 'ONE_OFF': {
      const first = toDate(recurrence.opensAt, 'opensAt');
      const closesAt = toDate(recurrence.closesAt, 'closesAt');
      if (closesAt.getTime() <= first.getTime()) throw invalidRecurrence('closesAt must be after opensAt');
      return {
        kind: 'ONE_OFF',
        first,
        durationMs: closesAt.getTime() - first.getTime(),
        interval: 1,
        waveCount: 1,
      };
    }
    case 'WEEKLY':
    case 'MONTHLY': {
      const first = toDate(recurrence.firstOpensAt, 'firstOpensAt');
      const interval =
        recurrence.kind === 'WEEKLY'
          ? integerIn(recurrence.intervalWeeks, 1, 1, 52, 'intervalWeeks')
          : integerIn(recurrence.intervalMonths, 1, 1, 12, 'intervalMonths');
      const maxDays = recurrence.kind === 'WEEKLY' ? 7 * interval : 28 * interval;
      const openForDays = integerIn(recurrence.openForDays, 0, 1, maxDays, 'openForDays');
      const waveCount = integerIn(
        recurrence.waveCount,
        Number.MAX_SAFE_INTEGER,
        1,
        Number.MAX_SAFE_INTEGER,
        'waveCount',
      );
      return { kind: recurrence.kind, first, durationMs: openForDays * DAY_MS, interval, waveCount };
    }
    default:
      throw invalidRecurrence(
        `Unknown recurrence kind ${JSON.stringify((recurrence as { kind: unknown }).kind)}`,
      );
  }
}

function addMonthsClamped(date: Date, months: number): Date {
  const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonthUtc(year, month));
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

function windowOf(resolved: ResolvedRecurrence, wave: number): WaveWindow {
  let opensAt: Date;
  if (resolved.kind === 'MONTHLY') opensAt = addMonthsClamped(resolved.first, (wave - 1) * resolved.interval);
  else if (resolved.kind === 'WEEKLY')
    opensAt = new Date(resolved.first.getTime() + (wave - 1) * resolved.interval * 7 * DAY_MS);
  else opensAt = new Date(resolved.first.getTime());
  if (Number.isNaN(opensAt.getTime()))
    throw new SurveyRuleError('INVALID_WAVE', `Wave ${wave} is out of the calendar`);
  return { wave, opensAt, closesAt: new Date(opensAt.getTime() + resolved.durationMs) };
}

/** Open/close dates of wave `wave` (1-based); throws INVALID_WAVE past the last wave. */
export function waveWindow(recurrence: Recurrence, wave: number): WaveWindow {
  const resolved = resolve(recurrence);
  if (!Number.isSafeInteger(wave) || wave < 1 || wave > resolved.waveCount) {
    throw new SurveyRuleError('INVALID_WAVE', `Wave must be an integer from 1 to ${resolved.waveCount}`, {
      wave,
    });
  }
  return windowOf(resolved, wave);
}

/** The first `count` waves (fewer if the recurrence has fewer). */
export function listWaves(recurrence: Recurrence, count: number): WaveWindow[] {
  const resolved = resolve(recurrence);
  if (!Number.isSafeInteger(count) || count < 0 || count > 10_000) {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'count must be an integer from 0 to 10000', { count });
  }
  return Array.from({ length: Math.min(count, resolved.waveCount) }, (_, i) => windowOf(resolved, i + 1));
}

/** The wave open at instant `at`, or null if none is open then. */
export function waveAt(recurrence: Recurrence, at: DateInput): WaveWindow | null {
  const resolved = resolve(recurrence);
  const t = toDate(at, 'at').getTime();
  if (t < resolved.first.getTime()) return null;
  let estimate: number;
  if (resolved.kind === 'WEEKLY') {
    estimate = Math.floor((t - resolved.first.getTime()) / (resolved.interval * 7 * DAY_MS)) + 1;
  } else if (resolved.kind === 'MONTHLY') {
    const when = new Date(t);
    const months =
      when.getUTCFullYear() * 12 +
      when.getUTCMonth() -
      (resolved.first.getUTCFullYear() * 12 + resolved.first.getUTCMonth());
    estimate = Math.floor(months / resolved.interval) + 1;
  } else {
    estimate = 1;
  }
  for (const wave of [estimate + 1, estimate, estimate - 1]) {
    if (wave < 1 || wave > resolved.waveCount) continue;
    const window = windowOf(resolved, wave);
    if (window.opensAt.getTime() <= t && t < window.closesAt.getTime()) return window;
  }
  return null;
}
