import type { RecurrenceKind, ScheduleSurveyInput } from '../../../gql/graphql';

/** Keep the new survey as a draft, open it at once, or open it later. */
export type ScheduleMode = 'draft' | 'now' | 'later';

export interface ScheduleValues {
  mode: ScheduleMode;
  kind: RecurrenceKind;
  /** A `datetime-local` value ("2026-03-02T09:00"), in the browser's time zone. */
  opensAt: string;
  /** One-off surveys: when they close (`datetime-local`). */
  closesAt: string;
  /** Recurring surveys: days each wave stays open. */
  openForDays: number;
  /** Recurring surveys: weeks or months between waves. */
  interval: number;
  /** Recurring surveys: number of waves; null runs until closed. */
  waveCount: number | null;
}

export type ScheduleField = 'opensAt' | 'closesAt' | 'openForDays' | 'interval' | 'waveCount';

/** Translation keys (under `surveys.schedule.problems`) of what can be wrong. */
export type ScheduleProblem =
  'required' | 'date' | 'closesBeforeOpens' | 'inPast' | 'integer' | 'tooManyDays';

export type ScheduleErrors = Partial<Record<ScheduleField, ScheduleProblem>>;

export const RECURRENCE_KINDS: readonly RecurrenceKind[] = ['ONE_OFF', 'WEEKLY', 'MONTHLY'];

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A `datetime-local` value as an instant in the browser's time zone; null when malformed. */
export function parseDateTimeLocal(value: string): Date | null {
  const match = DATE_TIME_LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes);
  // Reject dates the calendar doesn't have (31 April rolls over to 1 May).
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toDateTimeLocal(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Most days a wave may stay open without overlapping the next one (the API's rule). */
export function maxOpenDays(kind: RecurrenceKind, interval: number): number {
  return kind === 'WEEKLY' ? 7 * interval : 28 * interval;
}

/** Opens next hour, closes two weeks later; recurring waves stay open 5 days. */
export function defaultScheduleValues(now: Date, mode: ScheduleMode = 'now'): ScheduleValues {
  const opens = new Date(now);
  opens.setHours(opens.getHours() + 1, 0, 0, 0);
  const closes = new Date(opens);
  closes.setDate(closes.getDate() + 14);
  return {
    mode,
    kind: 'ONE_OFF',
    opensAt: toDateTimeLocal(opens),
    closesAt: toDateTimeLocal(closes),
    openForDays: 5,
    interval: 1,
    waveCount: 6,
  };
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

export function validateSchedule(values: ScheduleValues, now: Date): ScheduleErrors {
  const errors: ScheduleErrors = {};
  if (values.mode === 'draft') return errors;
  let opensAt: Date = now;
  if (values.mode === 'later') {
    const parsed = values.opensAt === '' ? null : parseDateTimeLocal(values.opensAt);
    if (values.opensAt === '') errors.opensAt = 'required';
    else if (!parsed) errors.opensAt = 'date';
    else opensAt = parsed;
  }
  if (values.kind === 'ONE_OFF') {
    const closesAt = values.closesAt === '' ? null : parseDateTimeLocal(values.closesAt);
    if (values.closesAt === '') errors.closesAt = 'required';
    else if (!closesAt) errors.closesAt = 'date';
    else if (closesAt.getTime() <= now.getTime()) errors.closesAt = 'inPast';
    else if (closesAt.getTime() <= opensAt.getTime()) errors.closesAt = 'closesBeforeOpens';
    return errors;
  }
  if (!isPositiveInteger(values.interval)) errors.interval = 'integer';
  if (!isPositiveInteger(values.openForDays)) errors.openForDays = 'integer';
  else if (
    isPositiveInteger(values.interval) &&
    values.openForDays > maxOpenDays(values.kind, values.interval)
  )
    errors.openForDays = 'tooManyDays';
  if (values.waveCount !== null && !isPositiveInteger(values.waveCount)) errors.waveCount = 'integer';
  return errors;
}

/** The `scheduleSurvey` input, or null when the survey stays a draft. Validate first. */
export function toScheduleInput(values: ScheduleValues, now: Date): ScheduleSurveyInput | null {
  if (values.mode === 'draft') return null;
  const opensAt = values.mode === 'now' ? now : (parseDateTimeLocal(values.opensAt) ?? now);
  if (values.kind === 'ONE_OFF') {
    const closesAt = parseDateTimeLocal(values.closesAt);
    return {
      kind: 'ONE_OFF',
      opensAt: opensAt.toISOString(),
      closesAt: closesAt ? closesAt.toISOString() : null,
    };
  }
  return {
    kind: values.kind,
    opensAt: opensAt.toISOString(),
    openForDays: values.openForDays,
    interval: values.interval,
    ...(values.waveCount !== null ? { waveCount: values.waveCount } : {}),
  };
}
