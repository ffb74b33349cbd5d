import fc from 'fast-check';
import { BusinessCalendar } from '../calendar/business-calendar';
import { commitmentRisk, RiskStatus } from './risk-status';

const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: [],
};
const at = (text: string): Date => new Date(text);
const start = at('2026-03-24T09:00:00+01:00');
const target = { unit: 'BUSINESS_HOURS', amount: 8 } as const;
const risk = (now: string, extra: object = {}) =>
  commitmentRisk({ start, target, now: at(now), ...extra }, PARIS);

describe('commitmentRisk', () => {
  it('is ON_TRACK below 75% of the allowed business time', () => {
    expect(risk('2026-03-24T14:59:00+01:00')).toMatchObject({ status: RiskStatus.ON_TRACK });
  });

  it('is AT_RISK from 75% (6 of 8 business hours) up to the due moment inclusive', () => {
    expect(risk('2026-03-24T15:00:00+01:00')).toMatchObject({
      status: RiskStatus.AT_RISK,
      consumedFraction: 0.75,
    });
    expect(risk('2026-03-24T17:00:00+01:00')).toMatchObject({
      status: RiskStatus.AT_RISK,
      consumedFraction: 1,
    });
  });

  it('is LATE after the due moment, including outside working hours', () => {
    expect(risk('2026-03-24T17:00:01+01:00').status).toBe(RiskStatus.LATE);
    expect(risk('2026-03-28T12:00:00+01:00').status).toBe(RiskStatus.LATE);
  });

  it('pauses freeze consumption and push the due moment', () => {
    const pauses = [{ start: at('2026-03-24T10:00:00+01:00'), end: at('2026-03-24T14:00:00+01:00') }];
    const r = risk('2026-03-24T17:00:01+01:00', { pauses });
    expect(r.status).toBe(RiskStatus.ON_TRACK);
    expect(r.dueAt).toEqual(at('2026-03-25T12:30:00+01:00'));
    expect(r.consumedFraction).toBeCloseTo(4 / 8, 3); // 1 h + 3 h 0 min 1 s of 8 h
  });

  it('accepts a custom threshold and rejects a bad one', () => {
    expect(risk('2026-03-24T13:00:00+01:00', { atRiskThreshold: 0.5 }).status).toBe(RiskStatus.AT_RISK);
    expect(() => risk('2026-03-24T13:00:00+01:00', { atRiskThreshold: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: status only worsens as time passes', () => {
    const order = { ON_TRACK: 0, AT_RISK: 1, LATE: 2 };
    const minute = fc.integer({ min: 0, max: 7 * 24 * 60 });
    fc.assert(
      fc.property(minute, minute, (a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        const s1 = commitmentRisk(
          { start, target, now: new Date(start.getTime() + m1 * 60_000) },
          PARIS,
        ).status;
        const s2 = commitmentRisk(
          { start, target, now: new Date(start.getTime() + m2 * 60_000) },
          PARIS,
        ).status;
        expect(order[s1]).toBeLessThanOrEqual(order[s2]);
      }),
      { numRuns: 100 },
    );
  });
});
