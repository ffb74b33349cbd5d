import { changedSettings, validateSettings, type SettingsValues } from './organization-settings';

const valid: SettingsValues = {
  name: 'Meridian Mutual',
  kind: 'COMPANY',
  anonymityThreshold: 5,
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '09:00',
  workdayEnd: '17:30',
  publicHolidays: ['2025-01-01'],
  holidayCountry: 'FR',
  holidayRegion: null,
  holidaysRemoved: ['2027-05-17'],
  defaultLocale: 'fr',
};

describe('organisation settings', () => {
  it('accepts valid settings', () => {
    expect(validateSettings(valid)).toEqual({});
  });

  it('never lets the anonymity threshold go below 3', () => {
    expect(validateSettings({ ...valid, anonymityThreshold: 2 }).anonymityThreshold).toBe('thresholdMin');
    expect(validateSettings({ ...valid, anonymityThreshold: 3 }).anonymityThreshold).toBeUndefined();
    expect(validateSettings({ ...valid, anonymityThreshold: Number.NaN }).anonymityThreshold).toBe('integer');
  });

  it('reports each field problem', () => {
    const errors = validateSettings({
      ...valid,
      name: '  ',
      timeZone: 'Mars/Olympus',
      workingDays: [],
      workdayEnd: '08:00',
      publicHolidays: ['2025-02-30'],
      holidaysRemoved: ['2027-13-01'],
      defaultLocale: 'de',
    });
    expect(errors).toEqual({
      name: 'required',
      timeZone: 'timeZone',
      workingDays: 'noWorkingDay',
      workdayEnd: 'endBeforeStart',
      publicHolidays: 'date',
      holidaysRemoved: 'date',
      defaultLocale: 'locale',
    });
  });

  it('sends only what changed', () => {
    expect(changedSettings(valid, valid)).toEqual({});
    expect(changedSettings(valid, { ...valid, name: ' Meridian ', workingDays: [1, 2, 3, 4] })).toEqual({
      name: 'Meridian',
      workingDays: [1, 2, 3, 4],
    });
    // A new country sends its region too (none, unless one is chosen).
    expect(changedSettings(valid, { ...valid, holidayCountry: 'DE' })).toEqual({
      holidayCountry: 'DE',
      holidayRegion: null,
    });
    expect(changedSettings(valid, { ...valid, holidayRegion: '67', holidaysRemoved: [] })).toEqual({
      holidayRegion: '67',
      holidaysRemoved: [],
    });
  });
});
