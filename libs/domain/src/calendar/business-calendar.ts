import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import {
  assertTimeZone,
  dayNumberOf,
  isoWeekdayOfDayNumber,
  parseCivilDate,
  zonedDayTimeToUtcMs,
} from './zoned-time';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Daily working hours as local "HH:MM" wall-clock times; `end` may be "24:00" (midnight). */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

/** An organisation's business calendar; all times and dates are local to `timeZone`. */
export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Paris". */
  readonly timeZone: string;
  /** Working weekdays, ISO numbering (1 = Monday … 7 = Sunday). */
  readonly workingDays: readonly IsoWeekday[];
  /** The same working hours apply to every working day. */
  readonly workingHours: WorkingHours;
  /** Public holidays as local "YYYY-MM-DD" dates; no business time on those days. */
  readonly holidays: readonly string[];
  /**
   * Holidays of any year, for calendars whose days off follow a rule (a country's public holidays):
   * asked once per year the calendar reaches, its local "YYYY-MM-DD" dates added to `holidays`.
   */
  readonly holidaysOfYear?: (year: number) => readonly string[];
}

/** A validated calendar with parsed fields and a per-day cache of business windows. */
export interface CompiledCalendar {
  readonly timeZone: string;
  readonly workingDays: ReadonlySet<number>;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly holidayDays: ReadonlySet<number>;
  /** `holidaysOfYear`'s days, by year asked so far. */
  readonly yearHolidays: Map<number, ReadonlySet<number>>;
  readonly holidaysOfYear: ((year: number) => readonly string[]) | null;
  readonly windowCache: Map<number, BusinessWindow | null>;
}

/** One contiguous stretch of business time, [start, end) in epoch milliseconds. */
export interface BusinessWindow {
  readonly start: number;
  readonly end: number;
}

const HH_MM = /^(\d{2}):(\d{2})$/;
const WINDOW_CACHE_LIMIT = 50_000;

function parseMinuteOfDay(text: string, field: string): number {
  const match = HH_MM.exec(text);
  ensure(match !== null, DomainErrorCode.INVALID_CALENDAR, `${field} "${text}" is not HH:MM`, { field });
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  ensure(
    minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0)),
    DomainErrorCode.INVALID_CALENDAR,
    `${field} "${text}" is not a time of day between 00:00 and 24:00`,
    { field },
  );
  return hours * 60 + minutes;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Validates a calendar (throws INVALID_CALENDAR / INVALID_TIME_ZONE / INVALID_DATE) and compiles it. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  assertTimeZone(calendar.timeZone);
  ensure(calendar.workingDays.length > 0, DomainErrorCode.INVALID_CALENDAR, 'a calendar needs a working day');
  for (const day of calendar.workingDays) {
    ensure(
      Number.isInteger(day) && day >= 1 && day <= 7,
      DomainErrorCode.INVALID_CALENDAR,
      `working day ${day} is not an ISO weekday 1..7`,
    );
  }
  const startMinute = parseMinuteOfDay(calendar.workingHours.start, 'workingHours.start');
  const endMinute = parseMinuteOfDay(calendar.workingHours.end, 'workingHours.end');
  ensure(
    startMinute < endMinute,
    DomainErrorCode.INVALID_CALENDAR,
    `working hours must start before they end (${calendar.workingHours.start}-${calendar.workingHours.end})`,
  );
  const result: CompiledCalendar = {
    timeZone: calendar.timeZone,
    workingDays: new Set(calendar.workingDays),
    startMinute,
    endMinute,
    holidayDays: new Set(calendar.holidays.map((h) => dayNumberOf(parseCivilDate(h)))),
    yearHolidays: new Map(),
    holidaysOfYear: calendar.holidaysOfYear ?? null,
    windowCache: new Map(),
  };
  compiled.set(calendar, result);
  return result;
}

/** Throws a typed error if the calendar is invalid; returns nothing otherwise. */
export function validateBusinessCalendar(calendar: BusinessCalendar): void {
  compileCalendar(calendar);
}

/** True when the local day `dayNumber` (days since 1970-01-01) is a holiday of the calendar. */
export function isHolidayDayNumber(cal: CompiledCalendar, dayNumber: number): boolean {
  if (cal.holidayDays.has(dayNumber)) return true;
  if (!cal.holidaysOfYear) return false;
  const year = new Date(dayNumber * 86_400_000).getUTCFullYear();
  let days = cal.yearHolidays.get(year);
  if (!days) {
    days = new Set(cal.holidaysOfYear(year).map((h) => dayNumberOf(parseCivilDate(h))));
    cal.yearHolidays.set(year, days);
  }
  return days.has(dayNumber);
}

/** True when the local day `dayNumber` (days since 1970-01-01) is a working weekday and not a holiday. */
export function isBusinessDayNumber(cal: CompiledCalendar, dayNumber: number): boolean {
  return cal.workingDays.has(isoWeekdayOfDayNumber(dayNumber)) && !isHolidayDayNumber(cal, dayNumber);
}

/** The business window of local day `dayNumber`, or null on non-business days (DST-correct instants). */
export function businessWindowOfDay(cal: CompiledCalendar, dayNumber: number): BusinessWindow | null {
  const cached = cal.windowCache.get(dayNumber);
  if (cached !== undefined) return cached;
  let window: BusinessWindow | null = null;
  if (isBusinessDayNumber(cal, dayNumber)) {
    const start = zonedDayTimeToUtcMs(dayNumber, cal.startMinute, cal.timeZone);
    const end = zonedDayTimeToUtcMs(dayNumber, cal.endMinute, cal.timeZone);
    // Hours lying wholly inside a DST gap collapse to nothing: no business time that day.
    window = end > start ? { start, end } : null;
  }
  if (cal.windowCache.size >= WINDOW_CACHE_LIMIT) cal.windowCache.clear();
  cal.windowCache.set(dayNumber, window);
  return window;
}
