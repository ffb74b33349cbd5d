import fc from 'fast-check';
import { BusinessCalendar } from './business-calendar';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMillis,
  businessMillisBetween,
  businessTimeConsumedFraction,
  isBusinessDate,
  isBusinessDay,
  isWithinBusinessHours,
  MS_PER_HOUR,
  nextBusinessMoment,
  PauseInterval,
} from './business-time';

/** Paris office: Mon-Fri 09:00-17:30; Easter Monday 2026 (6 April) and 1 May 2026 (a Friday) are holidays. */
const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: ['2026-04-06', '2026-05-01'],
};
/** A round-the-clock desk in Paris: business time equals elapsed time. */
const PARIS_24_7: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  workingHours: { start: '00:00', end: '24:00' },
  holidays: [],
};
/** A night desk whose hours straddle the DST transitions (02:00-03:00). */
const PARIS_NIGHT: BusinessCalendar = { ...PARIS_24_7, workingHours: { start: '01:00', end: '04:00' } };

const at = (text: string): Date => new Date(text);
const H = MS_PER_HOUR;

describe('isBusinessDay / isBusinessDate / isWithinBusinessHours', () => {
  it('uses the local date in the calendar zone, not the UTC date', () => {
    // Friday 23:30Z is already Saturday 00:30 in Paris.
    expect(isBusinessDay(at('2026-03-27T22:30:00Z'), PARIS)).toBe(true);
    expect(isBusinessDay(at('2026-03-27T23:30:00Z'), PARIS)).toBe(false);
  });

  it('excludes weekends and holidays', () => {
    expect(isBusinessDate('2026-03-28', PARIS)).toBe(false);
    expect(isBusinessDate('2026-04-06', PARIS)).toBe(false);
    expect(isBusinessDate('2026-04-07', PARIS)).toBe(true);
  });

  it('takes the days off of any year from a rule, asked once per year', () => {
    const asked: number[] = [];
    // A rule in the shape of a country's: New Year's Day and 25 December, whatever the year.
    const yearly: BusinessCalendar = {
      ...PARIS,
      holidays: ['2031-06-02'],
      holidaysOfYear: (year) => {
        asked.push(year);
        return [`${year}-01-01`, `${year}-12-25`];
      },
    };
    expect(isBusinessDate('2030-12-25', yearly)).toBe(false); // a Wednesday
    expect(isBusinessDate('2030-12-24', yearly)).toBe(true);
    expect(isBusinessDate('2031-06-02', yearly)).toBe(false); // added by hand, a Monday
    // Five business days from Tuesday 24 December 2030: 26, 27, 30, 31 December and 2 January
    // (25 December, the weekend and 1 January skipped), so the end of Thursday 2 January.
    const due = addBusinessDays(at('2030-12-24T17:00:00+01:00'), 5, yearly);
    expect(due.toISOString()).toBe('2031-01-02T16:30:00.000Z');
    expect(isBusinessDate('2031-12-25', yearly)).toBe(false);
    expect(asked).toEqual([2030, 2031]);
  });

  it('treats working hours as [start, end)', () => {
    expect(isWithinBusinessHours(at('2026-03-30T08:59:59+02:00'), PARIS)).toBe(false);
    expect(isWithinBusinessHours(at('2026-03-30T09:00:00+02:00'), PARIS)).toBe(true);
    expect(isWithinBusinessHours(at('2026-03-30T17:29:59+02:00'), PARIS)).toBe(true);
    expect(isWithinBusinessHours(at('2026-03-30T17:30:00+02:00'), PARIS)).toBe(false);
    expect(isWithinBusinessHours(at('2026-04-06T10:00:00+02:00'), PARIS)).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isBusinessDay(new Date('nope'), PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('nextBusinessMoment', () => {
  it('returns the instant itself inside working hours', () => {
    expect(nextBusinessMoment(at('2026-03-30T11:15:00+02:00'), PARIS)).toEqual(
      at('2026-03-30T11:15:00+02:00'),
    );
  });

  it('moves an early start to 09:00 the same day', () => {
    expect(nextBusinessMoment(at('2026-03-30T07:00:00+02:00'), PARIS)).toEqual(
      at('2026-03-30T09:00:00+02:00'),
    );
  });

  it('moves an evening, weekend or holiday start to the next business morning', () => {
    expect(nextBusinessMoment(at('2026-03-27T17:30:00+01:00'), PARIS)).toEqual(
      at('2026-03-30T09:00:00+02:00'),
    );
    expect(nextBusinessMoment(at('2026-03-28T12:00:00+01:00'), PARIS)).toEqual(
      at('2026-03-30T09:00:00+02:00'),
    );
    expect(nextBusinessMoment(at('2026-04-03T18:00:00+02:00'), PARIS)).toEqual(
      at('2026-04-07T09:00:00+02:00'),
    );
  });
});

describe('addBusinessHours', () => {
  it('adds within the same day', () => {
    expect(addBusinessHours(at('2026-03-24T10:00:00+01:00'), 4, PARIS)).toEqual(
      at('2026-03-24T14:00:00+01:00'),
    );
  });

  it('lands on 17:30 when the allowance ends exactly at closing time', () => {
    expect(addBusinessHours(at('2026-03-24T09:00:00+01:00'), 8.5, PARIS)).toEqual(
      at('2026-03-24T17:30:00+01:00'),
    );
  });

  it('carries over the night', () => {
    expect(addBusinessHours(at('2026-03-24T16:30:00+01:00'), 2, PARIS)).toEqual(
      at('2026-03-25T10:00:00+01:00'),
    );
  });

  it('spring-forward weekend: Friday 16:00 CET + 3 h = Monday 10:30 CEST (08:30Z, not 09:30Z)', () => {
    const due = addBusinessHours(at('2026-03-27T16:00:00+01:00'), 3, PARIS);
    expect(due.toISOString()).toBe('2026-03-30T08:30:00.000Z');
  });

  it('fall-back weekend: Friday 16:00 CEST + 3 h = Monday 10:30 CET (09:30Z)', () => {
    const due = addBusinessHours(at('2026-10-23T16:00:00+02:00'), 3, PARIS);
    expect(due.toISOString()).toBe('2026-10-26T09:30:00.000Z');
  });

  it('starts counting at 09:00 when started before hours', () => {
    expect(addBusinessHours(at('2026-03-24T07:00:00+01:00'), 1, PARIS)).toEqual(
      at('2026-03-24T10:00:00+01:00'),
    );
  });

  it('starts counting next morning when started after hours', () => {
    expect(addBusinessHours(at('2026-03-24T18:00:00+01:00'), 1, PARIS)).toEqual(
      at('2026-03-25T10:00:00+01:00'),
    );
  });

  it('skips a holiday (start on Easter Monday)', () => {
    expect(addBusinessHours(at('2026-04-06T10:00:00+02:00'), 1, PARIS)).toEqual(
      at('2026-04-07T10:00:00+02:00'),
    );
  });

  it('skips a weekend and a Friday holiday', () => {
    // Thursday 30 April 17:00 + 1 h: 30 min Thursday, Friday 1 May is a holiday, 30 min Monday 4 May.
    expect(addBusinessHours(at('2026-04-30T17:00:00+02:00'), 1, PARIS)).toEqual(
      at('2026-05-04T09:30:00+02:00'),
    );
  });

  it('adding 0 returns the start unchanged, even outside hours', () => {
    expect(addBusinessHours(at('2026-03-28T12:00:00+01:00'), 0, PARIS)).toEqual(
      at('2026-03-28T12:00:00+01:00'),
    );
  });

  it('24/7 calendar: business time is real elapsed time across the 23 h and 25 h days', () => {
    expect(addBusinessHours(at('2026-03-28T23:00:00+01:00'), 4, PARIS_24_7).toISOString()).toBe(
      '2026-03-29T02:00:00.000Z', // 04:00 CEST: the local clock moved 5 h, real time 4 h
    );
    expect(addBusinessHours(at('2026-10-25T00:00:00+02:00'), 25, PARIS_24_7).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z', // midnight CET on 26 October
    );
  });

  it('rejects negative or non-finite hours', () => {
    expect(() => addBusinessHours(at('2026-03-24T10:00:00Z'), -1, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => addBusinessHours(at('2026-03-24T10:00:00Z'), Number.NaN, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => addBusinessMillis(at('2026-03-24T10:00:00Z'), 1.5, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('works in other zones (Asia/Kolkata, +05:30, no DST)', () => {
    const mumbai: BusinessCalendar = { ...PARIS, timeZone: 'Asia/Kolkata', holidays: [] };
    expect(addBusinessHours(at('2026-03-27T16:00:00+05:30'), 3, mumbai).toISOString()).toBe(
      '2026-03-30T05:00:00.000Z', // Monday 10:30 IST
    );
  });
});

describe('businessMillisBetween', () => {
  it('counts only working hours across a weekend', () => {
    expect(
      businessMillisBetween(at('2026-03-27T09:00:00+01:00'), at('2026-03-30T17:30:00+02:00'), PARIS),
    ).toBe(17 * H);
  });

  it('counts the spring-forward and fall-back days of a 24/7 desk as 23 h and 25 h', () => {
    expect(
      businessMillisBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), PARIS_24_7),
    ).toBe(23 * H);
    expect(
      businessMillisBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), PARIS_24_7),
    ).toBe(25 * H);
  });

  it('night desk 01:00-04:00: 2 h on spring-forward day, 4 h on fall-back day, 3 h otherwise', () => {
    const dayTotal = (from: string, to: string): number =>
      businessMillisBetween(at(from), at(to), PARIS_NIGHT);
    expect(dayTotal('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(2 * H);
    expect(dayTotal('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(4 * H);
    expect(dayTotal('2026-03-28T00:00:00+01:00', '2026-03-29T00:00:00+01:00')).toBe(3 * H);
  });

  it('is zero over a holiday and a weekend, and signed when reversed', () => {
    expect(
      businessMillisBetween(at('2026-04-04T00:00:00+02:00'), at('2026-04-07T09:00:00+02:00'), PARIS),
    ).toBe(0);
    expect(
      businessMillisBetween(at('2026-03-24T12:00:00+01:00'), at('2026-03-24T10:00:00+01:00'), PARIS),
    ).toBe(-2 * H);
  });

  it('excludes pause intervals, merging overlapping ones', () => {
    const pauses: PauseInterval[] = [
      { start: at('2026-03-24T10:00:00+01:00'), end: at('2026-03-24T11:00:00+01:00') },
      { start: at('2026-03-24T10:30:00+01:00'), end: at('2026-03-24T12:00:00+01:00') },
      { start: at('2026-03-24T20:00:00+01:00'), end: at('2026-03-25T09:30:00+01:00') }, // half outside hours
    ];
    expect(
      businessMillisBetween(at('2026-03-24T09:00:00+01:00'), at('2026-03-25T10:00:00+01:00'), PARIS, pauses),
    ).toBe(8.5 * H - 2 * H + 0.5 * H);
  });

  it('rejects a pause that ends before it starts', () => {
    const bad = [{ start: at('2026-03-24T11:00:00Z'), end: at('2026-03-24T10:00:00Z') }];
    expect(() =>
      businessMillisBetween(at('2026-03-24T09:00:00Z'), at('2026-03-25T09:00:00Z'), PARIS, bad),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INTERVAL' }));
  });
});

describe('addBusinessHours with pauses', () => {
  it('shifts the due moment by the paused business time', () => {
    const pauses = [{ start: at('2026-03-24T11:00:00+01:00'), end: at('2026-03-24T13:00:00+01:00') }];
    expect(addBusinessHours(at('2026-03-24T10:00:00+01:00'), 4, PARIS, pauses)).toEqual(
      at('2026-03-24T16:00:00+01:00'),
    );
  });

  it('a pause outside working hours changes nothing', () => {
    const pauses = [{ start: at('2026-03-28T10:00:00+01:00'), end: at('2026-03-29T18:00:00+02:00') }];
    expect(addBusinessHours(at('2026-03-27T16:00:00+01:00'), 3, PARIS, pauses).toISOString()).toBe(
      '2026-03-30T08:30:00.000Z',
    );
  });

  it('a pause covering the start delays the first counted moment to its end', () => {
    const pauses = [{ start: at('2026-03-24T08:00:00+01:00'), end: at('2026-03-24T14:00:00+01:00') }];
    expect(addBusinessHours(at('2026-03-24T10:00:00+01:00'), 1, PARIS, pauses)).toEqual(
      at('2026-03-24T15:00:00+01:00'),
    );
  });
});

describe('addBusinessDays ("within N business days")', () => {
  it('N = 1 from inside hours is close of business the next business day', () => {
    expect(addBusinessDays(at('2026-03-24T10:00:00+01:00'), 1, PARIS)).toEqual(
      at('2026-03-25T17:30:00+01:00'),
    );
  });

  it('N = 0 is close of business of the current business day', () => {
    expect(addBusinessDays(at('2026-03-24T10:00:00+01:00'), 0, PARIS)).toEqual(
      at('2026-03-24T17:30:00+01:00'),
    );
  });

  it('a request received after hours counts from the next business morning (day 0)', () => {
    expect(addBusinessDays(at('2026-03-24T19:00:00+01:00'), 0, PARIS)).toEqual(
      at('2026-03-25T17:30:00+01:00'),
    );
    expect(addBusinessDays(at('2026-03-24T19:00:00+01:00'), 1, PARIS)).toEqual(
      at('2026-03-26T17:30:00+01:00'),
    );
    // exactly at closing time is already after hours
    expect(addBusinessDays(at('2026-03-24T17:30:00+01:00'), 0, PARIS)).toEqual(
      at('2026-03-25T17:30:00+01:00'),
    );
  });

  it('skips weekends and the spring-forward Sunday, ending at 17:30 local time', () => {
    expect(addBusinessDays(at('2026-03-27T10:00:00+01:00'), 1, PARIS).toISOString()).toBe(
      '2026-03-30T15:30:00.000Z', // Monday 17:30 CEST
    );
  });

  it('skips a holiday: Thursday + 2 business days over Friday 1 May is Tuesday 5 May', () => {
    expect(addBusinessDays(at('2026-04-30T10:00:00+02:00'), 2, PARIS)).toEqual(
      at('2026-05-05T17:30:00+02:00'),
    );
  });

  it('a request received on a holiday starts on the next business day', () => {
    expect(addBusinessDays(at('2026-04-06T10:00:00+02:00'), 1, PARIS)).toEqual(
      at('2026-04-08T17:30:00+02:00'),
    );
  });

  it('with a pause, the allowance is kept and the due moment shifts by the paused business time', () => {
    // Allowance from Tue 10:00 to Wed 17:30 = 15 h; 2 h paused on Wednesday → Thursday 10:00.
    const pauses = [{ start: at('2026-03-25T13:00:00+01:00'), end: at('2026-03-25T15:00:00+01:00') }];
    expect(addBusinessDays(at('2026-03-24T10:00:00+01:00'), 1, PARIS, pauses)).toEqual(
      at('2026-03-26T11:00:00+01:00'),
    );
  });

  it('rejects negative or fractional day counts', () => {
    expect(() => addBusinessDays(at('2026-03-24T10:00:00Z'), -1, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => addBusinessDays(at('2026-03-24T10:00:00Z'), 1.5, PARIS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('businessTimeConsumedFraction', () => {
  const start = at('2026-03-24T09:00:00+01:00');
  const allowed = 8 * H;

  it('is the share of allowed business time used', () => {
    expect(businessTimeConsumedFraction(start, at('2026-03-24T15:00:00+01:00'), allowed, PARIS)).toBe(0.75);
    expect(businessTimeConsumedFraction(start, start, allowed, PARIS)).toBe(0);
    expect(businessTimeConsumedFraction(start, at('2026-03-25T10:00:00+01:00'), allowed, PARIS)).toBeCloseTo(
      9.5 / 8,
      12,
    );
  });

  it('does not count pauses and treats a zero allowance as fully consumed', () => {
    const pauses = [{ start: at('2026-03-24T10:00:00+01:00'), end: at('2026-03-24T12:00:00+01:00') }];
    expect(businessTimeConsumedFraction(start, at('2026-03-24T15:00:00+01:00'), allowed, PARIS, pauses)).toBe(
      0.5,
    );
    expect(businessTimeConsumedFraction(start, start, 0, PARIS)).toBe(1);
    expect(businessTimeConsumedFraction(start, at('2026-03-23T09:00:00+01:00'), allowed, PARIS)).toBe(0);
  });
});

describe('business time properties', () => {
  // Instants spread over 2026, including both DST transitions.
  const instantArb = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
    .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
  const millisArb = fc.integer({ min: 0, max: 200 * H });

  it('adding then measuring gives back the same business time', () => {
    fc.assert(
      fc.property(instantArb, millisArb, (start, ms) => {
        expect(businessMillisBetween(start, addBusinessMillis(start, ms, PARIS), PARIS)).toBe(ms);
      }),
      { numRuns: 150 },
    );
  });

  it('business time is additive over consecutive intervals', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessMillisBetween(x, y, PARIS) + businessMillisBetween(y, z, PARIS)).toBe(
          businessMillisBetween(x, z, PARIS),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('on a 24/7 calendar business time equals elapsed time (DST included)', () => {
    fc.assert(
      fc.property(instantArb, instantArb, (a, b) => {
        expect(businessMillisBetween(a, b, PARIS_24_7)).toBe(b.getTime() - a.getTime());
      }),
      { numRuns: 100 },
    );
  });

  it('pauses never increase elapsed business time, and push due moments no earlier', () => {
    fc.assert(
      fc.property(
        instantArb,
        millisArb,
        instantArb,
        fc.integer({ min: 0, max: 72 * H }),
        (start, ms, p, len) => {
          const pauses = [{ start: p, end: new Date(p.getTime() + len) }];
          const end = addBusinessMillis(start, ms, PARIS);
          const paused = addBusinessMillis(start, ms, PARIS, pauses);
          expect(businessMillisBetween(start, end, PARIS, pauses)).toBeLessThanOrEqual(ms);
          expect(paused.getTime()).toBeGreaterThanOrEqual(end.getTime());
          expect(businessMillisBetween(start, paused, PARIS, pauses)).toBe(ms);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('due moments of N business days are monotone in N and fall at 17:30 local time', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 20 }), (start, n) => {
        const a = addBusinessDays(start, n, PARIS);
        const b = addBusinessDays(start, n + 1, PARIS);
        expect(b.getTime()).toBeGreaterThan(a.getTime());
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Paris',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(a);
        expect(local).toBe('17:30');
        expect(isBusinessDay(a, PARIS)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
