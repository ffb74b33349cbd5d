import {
  defaultScheduleValues,
  maxOpenDays,
  parseDateTimeLocal,
  toDateTimeLocal,
  toScheduleInput,
  validateSchedule,
  type ScheduleValues,
} from './schedule';

const now = new Date(2026, 2, 2, 10, 30); // 2 March 2026, 10:30 local time

const oneOff = (changes: Partial<ScheduleValues> = {}): ScheduleValues => ({
  ...defaultScheduleValues(now, 'later'),
  opensAt: '2026-03-03T09:00',
  closesAt: '2026-03-10T17:00',
  ...changes,
});

describe('survey schedule', () => {
  it('reads and writes datetime-local values in local time', () => {
    expect(parseDateTimeLocal('2026-03-03T09:00')?.getTime()).toBe(new Date(2026, 2, 3, 9, 0).getTime());
    expect(parseDateTimeLocal('2026-04-31T09:00')).toBeNull();
    expect(parseDateTimeLocal('tomorrow')).toBeNull();
    expect(toDateTimeLocal(new Date(2026, 0, 5, 8, 7))).toBe('2026-01-05T08:07');
  });

  it('defaults to opening on the next hour for two weeks', () => {
    const values = defaultScheduleValues(now);
    expect(values.mode).toBe('now');
    expect(values.opensAt).toBe('2026-03-02T11:00');
    expect(values.closesAt).toBe('2026-03-16T11:00');
    expect(validateSchedule(values, now)).toEqual({});
  });

  it('checks one-off dates', () => {
    expect(validateSchedule(oneOff(), now)).toEqual({});
    expect(validateSchedule(oneOff({ closesAt: '' }), now)).toEqual({ closesAt: 'required' });
    expect(validateSchedule(oneOff({ closesAt: '2026-03-01T09:00' }), now)).toEqual({ closesAt: 'inPast' });
    expect(validateSchedule(oneOff({ closesAt: '2026-03-03T08:00' }), now)).toEqual({
      closesAt: 'closesBeforeOpens',
    });
    expect(validateSchedule(oneOff({ opensAt: 'soon' }), now)).toEqual({ opensAt: 'date' });
    // Opening now: only the closing time matters.
    expect(validateSchedule(oneOff({ mode: 'now', opensAt: '' }), now)).toEqual({});
    expect(validateSchedule(oneOff({ mode: 'draft', closesAt: '' }), now)).toEqual({});
  });

  it('keeps recurring waves from overlapping', () => {
    const weekly = oneOff({ kind: 'WEEKLY', openForDays: 8, interval: 1 });
    expect(maxOpenDays('WEEKLY', 1)).toBe(7);
    expect(maxOpenDays('MONTHLY', 2)).toBe(56);
    expect(validateSchedule(weekly, now)).toEqual({ openForDays: 'tooManyDays' });
    expect(validateSchedule({ ...weekly, interval: 2 }, now)).toEqual({});
    expect(validateSchedule({ ...weekly, openForDays: 3, waveCount: 0 }, now)).toEqual({
      waveCount: 'integer',
    });
    expect(validateSchedule({ ...weekly, openForDays: 3, waveCount: null }, now)).toEqual({});
  });

  it('builds the scheduleSurvey input', () => {
    expect(toScheduleInput(oneOff({ mode: 'draft' }), now)).toBeNull();
    expect(toScheduleInput(oneOff({ mode: 'now' }), now)).toEqual({
      kind: 'ONE_OFF',
      opensAt: now.toISOString(),
      closesAt: new Date(2026, 2, 10, 17, 0).toISOString(),
    });
    expect(
      toScheduleInput(oneOff({ kind: 'MONTHLY', openForDays: 5, interval: 1, waveCount: null }), now),
    ).toEqual({
      kind: 'MONTHLY',
      opensAt: new Date(2026, 2, 3, 9, 0).toISOString(),
      openForDays: 5,
      interval: 1,
    });
    expect(toScheduleInput(oneOff({ kind: 'WEEKLY', openForDays: 3, waveCount: 6 }), now)).toMatchObject({
      kind: 'WEEKLY',
      waveCount: 6,
    });
  });
});
