import {
  civilOfDayNumber,
  dayNumberOf,
  formatCivilDate,
  isoWeekdayOfDayNumber,
  isValidTimeZone,
  localDayNumberAt,
  parseCivilDate,
  wallClockAt,
  zonedDayTimeToUtcMs,
  zoneOffsetMs,
} from './zoned-time';

const PARIS = 'Europe/Paris';
const day = (text: string): number => dayNumberOf(parseCivilDate(text));
const iso = (ms: number): string => new Date(ms).toISOString();

describe('zoned time helpers (Intl-based)', () => {
  it('validates IANA zones', () => {
    expect(isValidTimeZone(PARIS)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('reads Paris offsets in winter and summer', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), PARIS)).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), PARIS)).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(19_800_000);
  });

  it('reads the wall clock, including midnight as hour 0', () => {
    expect(wallClockAt(Date.parse('2026-03-29T22:00:00.250Z'), PARIS)).toEqual({
      year: 2026,
      month: 3,
      day: 30,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 250,
    });
  });

  it('converts local wall times to instants across the spring-forward gap (compatible rule)', () => {
    const d = day('2026-03-29');
    expect(iso(zonedDayTimeToUtcMs(d, 60, PARIS))).toBe('2026-03-29T00:00:00.000Z'); // 01:00 CET
    expect(iso(zonedDayTimeToUtcMs(d, 150, PARIS))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 → 03:30 CEST
    expect(iso(zonedDayTimeToUtcMs(d, 180, PARIS))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(iso(zonedDayTimeToUtcMs(d, 1440, PARIS))).toBe('2026-03-29T22:00:00.000Z'); // next midnight
  });

  it('takes the earlier occurrence of a repeated fall-back wall time', () => {
    const d = day('2026-10-25');
    expect(iso(zonedDayTimeToUtcMs(d, 150, PARIS))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(iso(zonedDayTimeToUtcMs(d, 180, PARIS))).toBe('2026-10-25T02:00:00.000Z'); // 03:00 CET
  });

  it('maps instants to local day numbers and ISO weekdays', () => {
    // 23:30Z on Saturday 28 March is already Sunday 29 March 00:30 in Paris.
    expect(localDayNumberAt(Date.parse('2026-03-28T23:30:00Z'), PARIS)).toBe(day('2026-03-29'));
    expect(isoWeekdayOfDayNumber(day('2026-03-29'))).toBe(7);
    expect(isoWeekdayOfDayNumber(day('2026-03-30'))).toBe(1);
    expect(formatCivilDate(civilOfDayNumber(day('2024-02-29')))).toBe('2024-02-29');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseCivilDate('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => parseCivilDate('2026-2-3')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => wallClockAt(0, 'Nowhere/Land')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME_ZONE' }),
    );
  });
});
