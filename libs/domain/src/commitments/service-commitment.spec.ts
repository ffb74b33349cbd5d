import { BusinessCalendar } from '../calendar/business-calendar';
import { MS_PER_HOUR } from '../calendar/business-time';
import { allowedBusinessMillis, commitmentDueAt } from './service-commitment';

const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: ['2026-04-06'],
};
const at = (text: string): Date => new Date(text);

describe('service commitment due dates', () => {
  it('business hours: the allowance is the hours, the due moment follows the calendar', () => {
    const start = at('2026-03-27T16:00:00+01:00');
    expect(allowedBusinessMillis(start, { unit: 'BUSINESS_HOURS', amount: 4 }, PARIS)).toBe(4 * MS_PER_HOUR);
    expect(commitmentDueAt(start, { unit: 'BUSINESS_HOURS', amount: 4 }, PARIS).toISOString()).toBe(
      '2026-03-30T09:30:00.000Z', // Monday 11:30 CEST, after the spring-forward weekend
    );
  });

  it('business days: the allowance runs to close of business of the Nth business day', () => {
    const start = at('2026-03-24T10:00:00+01:00');
    const target = { unit: 'BUSINESS_DAYS', amount: 1 } as const;
    expect(allowedBusinessMillis(start, target, PARIS)).toBe(16 * MS_PER_HOUR);
    expect(commitmentDueAt(start, target, PARIS)).toEqual(at('2026-03-25T17:30:00+01:00'));
  });

  it('pauses shift the due moment', () => {
    const pauses = [{ start: at('2026-03-25T09:00:00+01:00'), end: at('2026-03-25T11:00:00+01:00') }];
    expect(
      commitmentDueAt(at('2026-03-24T10:00:00+01:00'), { unit: 'BUSINESS_DAYS', amount: 1 }, PARIS, pauses),
    ).toEqual(at('2026-03-26T11:00:00+01:00'));
  });

  it('rejects negative amounts and unknown units', () => {
    const start = at('2026-03-24T10:00:00+01:00');
    expect(() => allowedBusinessMillis(start, { unit: 'BUSINESS_HOURS', amount: -1 }, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => allowedBusinessMillis(start, { unit: 'WEEKS', amount: 1 } as never, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
