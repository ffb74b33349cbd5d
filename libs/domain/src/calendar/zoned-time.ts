import { DomainErrorCode, ensure } from '../errors/domain-rule-error';

/** Milliseconds in a civil (calendar) day, used for day-number arithmetic only. */
export const MS_PER_DAY = 86_400_000;

/** A calendar date without time zone, as in "2026-03-29". */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Wall-clock reading of an instant in a given zone. */
export interface WallClock extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    assertTimeZone(timeZone);
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone known to this runtime's Intl data. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Throws INVALID_TIME_ZONE unless `timeZone` is a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  ensure(isValidTimeZone(timeZone), DomainErrorCode.INVALID_TIME_ZONE, `unknown time zone "${timeZone}"`, {
    timeZone: String(timeZone),
  });
}

/**
 * The calendar date in `timeZone` at the instant `at`, as a Date at 00:00 UTC of that date: for
 * period arithmetic done with UTC getters ("this month" is the organisation's month, not UTC's).
 */
export function localDateAsUtc(at: Date, timeZone: string): Date {
  const w = wallClockAt(at.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day));
}

/** Wall-clock date and time of the instant `utcMs` in `timeZone` (Intl-based, DST-aware). */
export function wallClockAt(utcMs: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const rawYear = get('year');
  return {
    year: era === 'BC' || era === 'B' ? 1 - rawYear : rawYear,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((utcMs % 1000) + 1000) % 1000,
  };
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (Paris in winter: +3 600 000). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const w = wallClockAt(utcMs, timeZone);
  return civilToUtcMs(w) + w.hour * 3_600_000 + w.minute * 60_000 + w.second * 1000 + w.millisecond - utcMs;
}

/** Milliseconds since epoch of a civil date's midnight read as if it were UTC (a day number × MS_PER_DAY). */
export function civilToUtcMs(date: CivilDate): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

/** Days since 1970-01-01 of a civil date. */
export function dayNumberOf(date: CivilDate): number {
  return Math.round(civilToUtcMs(date) / MS_PER_DAY);
}

/** Civil date of a day number (days since 1970-01-01). */
export function civilOfDayNumber(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  const sundayBased = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

/** "YYYY-MM-DD" of a civil date. */
export function formatCivilDate(date: CivilDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict "YYYY-MM-DD" string (rejecting impossible dates like 2026-02-30); throws INVALID_DATE. */
export function parseCivilDate(text: string): CivilDate {
  const match = ISO_DATE.exec(text);
  ensure(match !== null, DomainErrorCode.INVALID_DATE, `"${text}" is not a YYYY-MM-DD date`, { value: text });
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = civilOfDayNumber(dayNumberOf(date));
  ensure(
    roundTrip.year === date.year && roundTrip.month === date.month && roundTrip.day === date.day,
    DomainErrorCode.INVALID_DATE,
    `"${text}" is not a real calendar date`,
    { value: text },
  );
  return date;
}

/** Day number (days since 1970-01-01) of the local date of instant `utcMs` in `timeZone`. */
export function localDayNumberAt(utcMs: number, timeZone: string): number {
  return dayNumberOf(wallClockAt(utcMs, timeZone));
}

/**
 * The instant at which the wall clock in `timeZone` reads `minuteOfDay` (0..1440) on local day `dayNumber`.
 * DST rule (same as Temporal's "compatible"): a wall time skipped by a spring-forward gap is moved
 * forward by the gap length (02:30 → 03:30 in Paris); a wall time repeated by a fall-back is the
 * earlier of its two occurrences. Minute 1440 means midnight at the start of the next local day.
 */
export function zonedDayTimeToUtcMs(dayNumber: number, minuteOfDay: number, timeZone: string): number {
  const local = dayNumber * MS_PER_DAY + minuteOfDay * 60_000;
  const offsetBefore = zoneOffsetMs(local - MS_PER_DAY, timeZone);
  const offsetAfter = zoneOffsetMs(local + MS_PER_DAY, timeZone);
  const candidates = [local - offsetBefore, local - offsetAfter].filter(
    (utc) => utc + zoneOffsetMs(utc, timeZone) === local,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: interpret with the offset in force before the transition, which lands after it.
  return local - offsetBefore;
}
