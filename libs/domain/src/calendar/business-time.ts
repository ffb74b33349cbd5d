import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import {
  BusinessCalendar,
  BusinessWindow,
  CompiledCalendar,
  businessWindowOfDay,
  compileCalendar,
  isBusinessDayNumber,
} from './business-calendar';
import { dayNumberOf, localDayNumberAt, parseCivilDate } from './zoned-time';

/** A time interval [start, end) during which the clock is stopped (e.g. waiting on the requester). */
export interface PauseInterval {
  readonly start: Date;
  readonly end: Date;
}

/** Business days searched without finding business time before giving up (guards malformed input). */
const MAX_EMPTY_DAYS = 3660;
export const MS_PER_HOUR = 3_600_000;

function instant(date: Date, name: string): number {
  ensure(
    date instanceof Date && Number.isFinite(date.getTime()),
    DomainErrorCode.INVALID_DATE,
    `${name} is not a valid Date`,
    { name },
  );
  return date.getTime();
}

/** Validates, sorts and merges pause intervals into disjoint [start, end) ms ranges. */
function normalisePauses(pauses: readonly PauseInterval[]): BusinessWindow[] {
  const ranges = pauses.map((p, i) => {
    const start = instant(p.start, `pauses[${i}].start`);
    const end = instant(p.end, `pauses[${i}].end`);
    ensure(end >= start, DomainErrorCode.INVALID_INTERVAL, `pause ${i} ends before it starts`, { index: i });
    return { start, end };
  });
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    if (r.end === r.start) continue;
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Business windows (clipped to start at `fromMs`) in chronological order, forever. */
function* windowsFrom(cal: CompiledCalendar, fromMs: number): Generator<BusinessWindow> {
  let day = localDayNumberAt(fromMs, cal.timeZone) - 1;
  let emptyDays = 0;
  for (;;) {
    const w = businessWindowOfDay(cal, day);
    day += 1;
    if (w === null || w.end <= fromMs) {
      emptyDays += 1;
      ensure(emptyDays <= MAX_EMPTY_DAYS, DomainErrorCode.NO_BUSINESS_TIME, 'no business time in ten years');
      continue;
    }
    emptyDays = 0;
    yield { start: Math.max(w.start, fromMs), end: w.end };
  }
}

/** Business windows from `fromMs` with the (merged, sorted) pauses cut out. */
function* effectiveWindowsFrom(
  cal: CompiledCalendar,
  fromMs: number,
  pauses: readonly BusinessWindow[],
): Generator<BusinessWindow> {
  let p = 0;
  for (const w of windowsFrom(cal, fromMs)) {
    let cursor = w.start;
    while (p < pauses.length && (pauses[p] as BusinessWindow).end <= cursor) p += 1;
    let q = p;
    while (cursor < w.end) {
      const pause = pauses[q];
      if (!pause || pause.start >= w.end) {
        yield { start: cursor, end: w.end };
        break;
      }
      if (pause.start > cursor) yield { start: cursor, end: pause.start };
      cursor = Math.max(cursor, pause.end);
      q += 1;
    }
  }
}

/** Business milliseconds in [fromMs, toMs) (fromMs ≤ toMs), pauses excluded. */
function millisBetween(
  cal: CompiledCalendar,
  fromMs: number,
  toMs: number,
  pauses: BusinessWindow[],
): number {
  let total = 0;
  if (toMs <= fromMs) return 0;
  for (const w of effectiveWindowsFrom(cal, fromMs, pauses)) {
    if (w.start >= toMs) break;
    total += Math.min(w.end, toMs) - w.start;
  }
  return total;
}

/** Earliest instant at which `amount` business ms have elapsed since `fromMs` (amount ≥ 0). */
function addMillis(cal: CompiledCalendar, fromMs: number, amount: number, pauses: BusinessWindow[]): number {
  if (amount === 0) return fromMs;
  let remaining = amount;
  for (const w of effectiveWindowsFrom(cal, fromMs, pauses)) {
    const length = w.end - w.start;
    if (remaining <= length) return w.start + remaining;
    remaining -= length;
  }
  /* istanbul ignore next -- the generator is infinite or throws */
  throw new Error('unreachable');
}

/** True when the local date of `at` (in the calendar's zone) is a working day and not a public holiday. */
export function isBusinessDay(at: Date, calendar: BusinessCalendar): boolean {
  const cal = compileCalendar(calendar);
  return isBusinessDayNumber(cal, localDayNumberAt(instant(at, 'at'), cal.timeZone));
}

/** True when the local date "YYYY-MM-DD" is a working day and not a public holiday. */
export function isBusinessDate(localDate: string, calendar: BusinessCalendar): boolean {
  const cal = compileCalendar(calendar);
  return isBusinessDayNumber(cal, dayNumberOf(parseCivilDate(localDate)));
}

/** True when `at` falls inside working hours ([start, end), end excluded) of a business day. */
export function isWithinBusinessHours(at: Date, calendar: BusinessCalendar): boolean {
  const cal = compileCalendar(calendar);
  const ms = instant(at, 'at');
  const w = businessWindowOfDay(cal, localDayNumberAt(ms, cal.timeZone));
  return w !== null && ms >= w.start && ms < w.end;
}

/** `at` itself if it is within business hours, else the start of the next business window. */
export function nextBusinessMoment(at: Date, calendar: BusinessCalendar): Date {
  const cal = compileCalendar(calendar);
  const first = windowsFrom(cal, instant(at, 'at')).next();
  /* istanbul ignore next -- infinite generator */
  if (first.done) throw new Error('unreachable');
  return new Date(first.value.start);
}

/**
 * Business milliseconds between `a` and `b` (signed: negative when b < a), counting only working
 * hours of business days and excluding any pause interval.
 */
export function businessMillisBetween(
  a: Date,
  b: Date,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): number {
  const cal = compileCalendar(calendar);
  const from = instant(a, 'a');
  const to = instant(b, 'b');
  const merged = normalisePauses(pauses);
  return to >= from ? millisBetween(cal, from, to, merged) : -millisBetween(cal, to, from, merged);
}

/**
 * Earliest instant at which `millis` (≥ 0, integer) business milliseconds have elapsed after `start`,
 * pauses excluded. Landing exactly on the end of working hours returns that end (e.g. 17:30), not
 * the next morning. 0 returns `start` unchanged.
 */
export function addBusinessMillis(
  start: Date,
  millis: number,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): Date {
  const cal = compileCalendar(calendar);
  ensure(
    Number.isInteger(millis) && millis >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `business milliseconds must be a non-negative integer, got ${millis}`,
  );
  return new Date(addMillis(cal, instant(start, 'start'), millis, normalisePauses(pauses)));
}

/** `start` + `hours` (≥ 0, may be fractional; rounded to the ms) business hours, pauses excluded. */
export function addBusinessHours(
  start: Date,
  hours: number,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): Date {
  ensure(
    Number.isFinite(hours) && hours >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `business hours must be a finite number ≥ 0, got ${hours}`,
  );
  return addBusinessMillis(start, Math.round(hours * MS_PER_HOUR), calendar, pauses);
}

/**
 * Due moment of "within N business days" (N integer ≥ 0):
 * take the next business moment from `start` (start itself if inside working hours); its business day
 * is day 0; the due moment is the END of working hours of the Nth business day after day 0.
 * So N = 0 means "by close of business today" (or of the next business day when received after hours),
 * N = 1 means "by close of business the next business day".
 * With pauses: the allowed business time (from `start` to the pause-free due moment) is kept and
 * consumed with the pauses excluded, so the due moment moves later by the paused business time.
 */
export function addBusinessDays(
  start: Date,
  days: number,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): Date {
  const cal = compileCalendar(calendar);
  ensure(
    Number.isInteger(days) && days >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `business days must be a non-negative integer, got ${days}`,
  );
  const from = instant(start, 'start');
  const anchor = windowsFrom(cal, from).next().value as BusinessWindow;
  let day = localDayNumberAt(anchor.start, cal.timeZone);
  let window = businessWindowOfDay(cal, day) as BusinessWindow;
  let counted = 0;
  let emptyDays = 0;
  while (counted < days) {
    day += 1;
    const next = businessWindowOfDay(cal, day);
    if (next === null) {
      emptyDays += 1;
      ensure(emptyDays <= MAX_EMPTY_DAYS, DomainErrorCode.NO_BUSINESS_TIME, 'no business time in ten years');
      continue;
    }
    emptyDays = 0;
    window = next;
    counted += 1;
  }
  const merged = normalisePauses(pauses);
  if (merged.length === 0) return new Date(window.end);
  return new Date(addMillis(cal, from, millisBetween(cal, from, window.end, []), merged));
}

/**
 * Share of the allowed business time already consumed at `now` (pauses excluded): 0 at start,
 * 1 when the allowance is used up, above 1 when overrun. An allowance of 0 counts as fully consumed (1).
 */
export function businessTimeConsumedFraction(
  start: Date,
  now: Date,
  allowedBusinessMillis: number,
  calendar: BusinessCalendar,
  pauses: readonly PauseInterval[] = [],
): number {
  ensure(
    Number.isFinite(allowedBusinessMillis) && allowedBusinessMillis >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `allowed business time must be ≥ 0, got ${allowedBusinessMillis}`,
  );
  if (allowedBusinessMillis === 0) return 1;
  const consumed = Math.max(0, businessMillisBetween(start, now, calendar, pauses));
  return consumed / allowedBusinessMillis;
}
