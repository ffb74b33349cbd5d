import Holidays from 'date-holidays';
import type { BusinessCalendar, IsoWeekday } from '@symmetry/domain';

/**
 * Public holidays from a maintained source (the npm package `date-holidays`: rules for about 200
 * countries and their regions, any year), and the organisation's business calendar built on them.
 *
 * An organisation picks a country and optionally a region; its days off in a year are that
 * country's (and region's) *public* holidays (bank, school and observance days are not days off),
 * less the ones HR removed (a day the organisation works, e.g. France's Whit Monday as its
 * solidarity day), plus the local days HR added (`public_holidays`, kept from the time they were
 * the whole calendar). Without a country, the added days are the whole list.
 */

export interface HolidayDay {
  /** Local date YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface OrganizationHolidaySettings {
  time_zone: string;
  working_days: number[];
  workday_start: string;
  workday_end: string;
  /** Days off HR added (local YYYY-MM-DD). */
  public_holidays: string[];
  holiday_country: string | null;
  holiday_region: string | null;
  /** The country's holidays HR removed (local YYYY-MM-DD). */
  holidays_removed: string[];
}

export type HolidayLocale = 'en' | 'fr';

// The rules are pure functions of (country, region, year, language): memoised, bounded.
const engines = new Map<string, Holidays>();
const years = new Map<string, readonly HolidayDay[]>();
const MEMO_LIMIT = 2_000;

function engine(country: string, region: string | null): Holidays {
  const key = `${country}|${region ?? ''}`;
  let h = engines.get(key);
  if (!h) {
    h = region ? new Holidays(country, region) : new Holidays(country);
    if (engines.size >= MEMO_LIMIT) engines.clear();
    engines.set(key, h);
  }
  return h;
}

/** The public holidays of a country (and region) in a year, in date order, named in `locale`. */
export function countryHolidays(
  country: string,
  region: string | null,
  year: number,
  locale: HolidayLocale = 'en',
): readonly HolidayDay[] {
  const key = `${country}|${region ?? ''}|${year}|${locale}`;
  let days = years.get(key);
  if (!days) {
    const byDate = new Map<string, string>();
    for (const h of engine(country, region).getHolidays(year, locale))
      if (h.type === 'public' && !byDate.has(h.date.slice(0, 10))) byDate.set(h.date.slice(0, 10), h.name);
    days = [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
    if (years.size >= MEMO_LIMIT) years.clear();
    years.set(key, days);
  }
  return days;
}

/** Countries the source knows, with their regions, named in `locale`, by name. */
export function holidayCountries(locale: HolidayLocale = 'en') {
  const h = new Holidays();
  const collator = new Intl.Collator(locale);
  return Object.entries(h.getCountries(locale))
    .map(([code, name]) => ({
      code,
      name,
      regions: Object.entries(h.getStates(code, locale) ?? {})
        .map(([regionCode, regionName]) => ({ code: regionCode, name: regionName }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Whether the source knows the country, and the region within it (null: the whole country). */
export function isKnownHolidayPlace(country: string, region: string | null): boolean {
  const h = new Holidays();
  if (!(country in h.getCountries())) return false;
  return region === null || region in (h.getStates(country) ?? {});
}

/** The organisation's days off in a year: the country's (marked removed if HR removed them) and HR's own. */
export function organizationHolidays(
  org: Pick<
    OrganizationHolidaySettings,
    'public_holidays' | 'holiday_country' | 'holiday_region' | 'holidays_removed'
  >,
  year: number,
  locale: HolidayLocale = 'en',
): { date: string; name: string | null; source: 'COUNTRY' | 'ORGANIZATION'; removed: boolean }[] {
  const removed = new Set(org.holidays_removed);
  const fromCountry = org.holiday_country
    ? countryHolidays(org.holiday_country, org.holiday_region, year, locale).map((d) => ({
        date: d.date,
        name: d.name,
        source: 'COUNTRY' as const,
        removed: removed.has(d.date),
      }))
    : [];
  const known = new Set(fromCountry.map((d) => d.date));
  const added = org.public_holidays
    .filter((d) => d.startsWith(`${year}-`) && !known.has(d))
    .map((date) => ({ date, name: null, source: 'ORGANIZATION' as const, removed: false }));
  return [...fromCountry, ...added].sort((a, b) => a.date.localeCompare(b.date));
}

/** The organisation's business calendar: its hours, and its days off in any year. */
export function calendarOf(org: OrganizationHolidaySettings): BusinessCalendar {
  const removed = new Set(org.holidays_removed);
  const country = org.holiday_country;
  return {
    timeZone: org.time_zone,
    workingDays: org.working_days as IsoWeekday[],
    workingHours: { start: org.workday_start, end: org.workday_end },
    holidays: org.public_holidays,
    holidaysOfYear: country
      ? (year) =>
          countryHolidays(country, org.holiday_region, year)
            .map((d) => d.date)
            .filter((d) => !removed.has(d))
      : undefined,
  };
}

/** The columns `calendarOf` reads, for a SELECT on `organization`. */
export const CALENDAR_COLUMNS =
  'time_zone, working_days, workday_start, workday_end, public_holidays, holiday_country, holiday_region, holidays_removed';
