import fc from 'fast-check';
import { inclusiveDays, prorate } from './proration';
import { decimalText } from './money';

const YEAR = { start: '2026-01-01', end: '2026-12-31' };

describe('proration', () => {
  it('full-time, full period → 1', () => {
    expect(prorate({ fte: 1, period: YEAR })).toMatchObject({
      eligibleDays: 365,
      periodDays: 365,
      eligible: true,
    });
    expect(prorate({ fte: 1, period: YEAR }).factor.toString()).toBe('1');
  });

  it('part-time scales by FTE', () => {
    expect(prorate({ fte: '0.5', period: YEAR }).factor.toString()).toBe('0.5');
  });

  it('a joiner on 1 July gets 184/365 of the year', () => {
    const p = prorate({ fte: 1, period: YEAR, employmentStart: '2026-07-01' });
    expect(p.eligibleDays).toBe(184);
    expect(decimalText(p.factor, 10)).toBe('0.5041095890'); // 184 / 365
  });

  it('a leaver on 31 March at 80% gets 0.8 × 90/365', () => {
    const p = prorate({ fte: '0.8', period: YEAR, employmentEnd: '2026-03-31' });
    expect(p.eligibleDays).toBe(90);
    expect(decimalText(p.factor, 12)).toBe('0.197260273973');
  });

  it('a joiner and leaver within the period count only their own days (inclusive)', () => {
    const q1 = { start: '2026-01-01', end: '2026-03-31' };
    expect(
      prorate({ fte: 1, period: q1, employmentStart: '2026-02-01', employmentEnd: '2026-02-28' })
        .eligibleDays,
    ).toBe(28);
  });

  it('below the minimum eligible days, nothing is paid', () => {
    const p = prorate({ fte: 1, period: YEAR, employmentStart: '2026-12-15', minimumEligibleDays: 30 });
    expect(p).toMatchObject({ eligibleDays: 17, eligible: false });
    expect(p.factor.isZero()).toBe(true);
    expect(
      prorate({ fte: 1, period: YEAR, employmentStart: '2026-12-02', minimumEligibleDays: 30 }).eligible,
    ).toBe(true);
  });

  it('someone employed entirely outside the period is not eligible', () => {
    expect(prorate({ fte: 1, period: YEAR, employmentEnd: '2025-12-31' }).eligible).toBe(false);
    expect(prorate({ fte: 1, period: YEAR, employmentStart: '2027-01-01' }).eligible).toBe(false);
  });

  it('rejects FTE outside (0, 1], reversed periods and bad dates', () => {
    expect(() => prorate({ fte: 0, period: YEAR })).toThrow(expect.objectContaining({ code: 'INVALID_FTE' }));
    expect(() => prorate({ fte: '1.2', period: YEAR })).toThrow(
      expect.objectContaining({ code: 'INVALID_FTE' }),
    );
    expect(() => inclusiveDays({ start: '2026-02-01', end: '2026-01-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
    expect(() =>
      prorate({ fte: 1, period: YEAR, employmentStart: '2026-05-01', employmentEnd: '2026-04-01' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(() => prorate({ fte: 1, period: { start: '2026-01-01', end: '2026-02-30' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('property: the factor never exceeds the FTE, nor 1', () => {
    const day = fc.integer({ min: -30, max: 400 }).map((n) => {
      const d = new Date(Date.UTC(2026, 0, 1 + n));
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        day,
        day,
        fc.integer({ min: 0, max: 60 }),
        (f, a, b, min) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const fte = (f / 100).toString();
          const p = prorate({
            fte,
            period: YEAR,
            employmentStart: start,
            employmentEnd: end,
            minimumEligibleDays: min,
          });
          expect(p.factor.lte(p.fte)).toBe(true);
          expect(p.factor.lte(1)).toBe(true);
          expect(p.factor.gte(0)).toBe(true);
        },
      ),
    );
  });
});
