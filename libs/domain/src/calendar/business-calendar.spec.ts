import {
  BusinessCalendar,
  businessWindowOfDay,
  compileCalendar,
  validateBusinessCalendar,
} from './business-calendar';
import { dayNumberOf, parseCivilDate } from './zoned-time';

const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: ['2026-04-06'],
};
const day = (text: string): number => dayNumberOf(parseCivilDate(text));

describe('business calendar validation', () => {
  it('accepts a well-formed calendar and compiles it once', () => {
    expect(() => validateBusinessCalendar(PARIS)).not.toThrow();
    expect(compileCalendar(PARIS)).toBe(compileCalendar(PARIS));
  });

  it.each([
    ['an unknown zone', { ...PARIS, timeZone: 'Europe/Atlantis' }, 'INVALID_TIME_ZONE'],
    ['no working day', { ...PARIS, workingDays: [] }, 'INVALID_CALENDAR'],
    ['weekday 8', { ...PARIS, workingDays: [8 as 1] }, 'INVALID_CALENDAR'],
    ['hours not HH:MM', { ...PARIS, workingHours: { start: '9:00', end: '17:30' } }, 'INVALID_CALENDAR'],
    ['minute 60', { ...PARIS, workingHours: { start: '09:60', end: '17:30' } }, 'INVALID_CALENDAR'],
    ['24:30', { ...PARIS, workingHours: { start: '09:00', end: '24:30' } }, 'INVALID_CALENDAR'],
    ['start after end', { ...PARIS, workingHours: { start: '18:00', end: '09:00' } }, 'INVALID_CALENDAR'],
    ['empty hours', { ...PARIS, workingHours: { start: '09:00', end: '09:00' } }, 'INVALID_CALENDAR'],
    ['a bad holiday', { ...PARIS, holidays: ['2026-13-01'] }, 'INVALID_DATE'],
  ])('rejects %s', (_label, calendar, code) => {
    expect(() => validateBusinessCalendar(calendar as BusinessCalendar)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('gives no window on weekends and holidays, and 8.5 h on a normal day', () => {
    const cal = compileCalendar(PARIS);
    expect(businessWindowOfDay(cal, day('2026-03-28'))).toBeNull(); // Saturday
    expect(businessWindowOfDay(cal, day('2026-04-06'))).toBeNull(); // Easter Monday
    expect(businessWindowOfDay(cal, day('2026-03-27'))).toEqual({
      start: Date.parse('2026-03-27T09:00:00+01:00'),
      end: Date.parse('2026-03-27T17:30:00+01:00'),
    });
  });

  it('accepts 24:00 as the end of the day', () => {
    const allDay = compileCalendar({ ...PARIS, workingHours: { start: '00:00', end: '24:00' } });
    expect(businessWindowOfDay(allDay, day('2026-03-27'))).toEqual({
      start: Date.parse('2026-03-27T00:00:00+01:00'),
      end: Date.parse('2026-03-28T00:00:00+01:00'),
    });
  });

  it('drops a day whose working hours fall entirely in the spring-forward gap', () => {
    const gapOnly = compileCalendar({
      ...PARIS,
      workingDays: [7],
      workingHours: { start: '02:00', end: '03:00' },
    });
    expect(businessWindowOfDay(gapOnly, day('2026-03-29'))).toBeNull();
    expect(businessWindowOfDay(gapOnly, day('2026-04-05'))).not.toBeNull();
  });
});
