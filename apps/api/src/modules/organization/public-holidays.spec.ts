import { addBusinessDays, isBusinessDate } from '@symmetry/domain';
import { calendarOf, countryHolidays, isKnownHolidayPlace, organizationHolidays } from './public-holidays';

const paris = {
  time_zone: 'Europe/Paris',
  working_days: [1, 2, 3, 4, 5],
  workday_start: '09:00',
  workday_end: '17:30',
  public_holidays: [] as string[],
  holiday_country: 'FR' as string | null,
  holiday_region: null as string | null,
  holidays_removed: [] as string[],
};

describe('public holidays (date-holidays)', () => {
  it('knows a country’s public holidays for any year, moving feasts included', () => {
    // Easter Monday and Ascension move with Easter; bank and observance days are not days off.
    expect(countryHolidays('FR', null, 2028).map((d) => d.date)).toEqual([
      '2028-01-01',
      '2028-04-17',
      '2028-05-01',
      '2028-05-08',
      '2028-05-25',
      '2028-06-05',
      '2028-07-14',
      '2028-08-15',
      '2028-11-01',
      '2028-11-11',
      '2028-12-25',
    ]);
    expect(countryHolidays('FR', '67', 2028).map((d) => d.date)).toContain('2028-04-14'); // Good Friday
    expect(countryHolidays('FR', null, 2028, 'fr')[0]!.name).toBe('Nouvel An');
  });

  it('validates a country and a region of it', () => {
    expect(isKnownHolidayPlace('FR', null)).toBe(true);
    expect(isKnownHolidayPlace('FR', '67')).toBe(true);
    expect(isKnownHolidayPlace('FR', 'BY')).toBe(false);
    expect(isKnownHolidayPlace('ZZ', null)).toBe(false);
  });

  it('the business calendar follows the country, less the days removed, plus the days added', () => {
    // Wednesday 5 May 2027 then Thursday 6 May, Ascension.
    expect(isBusinessDate('2027-05-06', calendarOf(paris))).toBe(false);
    const due = addBusinessDays(new Date('2027-05-05T16:00:00+02:00'), 1, calendarOf(paris));
    expect(due.toISOString()).toBe('2027-05-07T15:30:00.000Z'); // end of Friday 7 May
    const worked = calendarOf({
      ...paris,
      holidays_removed: ['2027-05-06'],
      public_holidays: ['2027-05-07'],
    });
    expect(isBusinessDate('2027-05-06', worked)).toBe(true);
    expect(isBusinessDate('2027-05-07', worked)).toBe(false);
    // Without a country, only the days added.
    const alone = { ...paris, holiday_country: null, public_holidays: ['2027-01-04'] };
    const none = calendarOf(alone);
    expect(isBusinessDate('2027-05-06', none)).toBe(true);
    expect(isBusinessDate('2027-01-04', none)).toBe(false);
    expect(organizationHolidays(alone, 2027)).toEqual([
      { date: '2027-01-04', name: null, source: 'ORGANIZATION', removed: false },
    ]);
  });
});
