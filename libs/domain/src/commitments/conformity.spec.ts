import { BusinessCalendar } from '../calendar/business-calendar';
import { MS_PER_HOUR } from '../calendar/business-time';
import { assessConformity, CommitmentOutcome, ConformityInput } from './conformity';

const PARIS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: [],
};
const at = (text: string): Date => new Date(text);

/** Created Tuesday 24 March 10:00; first response within 2 business hours, resolution within 1 business day. */
const BASE: ConformityInput = {
  createdAt: at('2026-03-24T10:00:00+01:00'),
  commitment: {
    firstResponse: { unit: 'BUSINESS_HOURS', amount: 2 },
    resolution: { unit: 'BUSINESS_DAYS', amount: 1 },
  },
  firstRespondedAt: at('2026-03-24T11:00:00+01:00'),
  resolvedAt: at('2026-03-25T16:00:00+01:00'),
  now: at('2026-03-26T09:00:00+01:00'),
};

describe('assessConformity', () => {
  it('both commitments met → conform', () => {
    const r = assessConformity(BASE, PARIS);
    expect(r.firstResponse.dueAt).toEqual(at('2026-03-24T12:00:00+01:00'));
    expect(r.firstResponse.outcome).toBe(CommitmentOutcome.MET);
    expect(r.resolution.dueAt).toEqual(at('2026-03-25T17:30:00+01:00'));
    expect(r.resolution.outcome).toBe(CommitmentOutcome.MET);
    expect(r.conform).toBe(true);
    expect(r.nonConformities).toEqual([]);
  });

  it('delivery exactly at the due moment is on time', () => {
    expect(assessConformity({ ...BASE, resolvedAt: at('2026-03-25T17:30:00+01:00') }, PARIS).conform).toBe(
      true,
    );
  });

  it('a late first response is a non-conformity with its lateness', () => {
    const r = assessConformity({ ...BASE, firstRespondedAt: at('2026-03-24T13:00:00+01:00') }, PARIS);
    expect(r.conform).toBe(false);
    expect(r.nonConformities).toEqual([
      {
        kind: 'FIRST_RESPONSE_LATE',
        dueAt: at('2026-03-24T12:00:00+01:00'),
        deliveredAt: at('2026-03-24T13:00:00+01:00'),
        lateByMillis: MS_PER_HOUR,
        renegotiated: false,
        renegotiationReasons: [],
      },
    ]);
    expect(r.firstResponse.lateByBusinessMillis).toBe(MS_PER_HOUR);
  });

  it('a renegotiated date does not rescue a late resolution, but its reason is kept', () => {
    const r = assessConformity(
      {
        ...BASE,
        resolvedAt: at('2026-03-26T15:00:00+01:00'),
        now: at('2026-03-27T09:00:00+01:00'),
        renegotiations: [
          {
            at: at('2026-03-25T15:00:00+01:00'),
            newResolutionDueAt: at('2026-03-26T12:00:00+01:00'),
            reason: 'Supplier delay',
          },
          {
            at: at('2026-03-26T11:00:00+01:00'),
            newResolutionDueAt: at('2026-03-26T17:30:00+01:00'),
            reason: 'Part shipped late',
          },
        ],
      },
      PARIS,
    );
    expect(r.conform).toBe(false);
    expect(r.resolution.outcome).toBe(CommitmentOutcome.MISSED);
    expect(r.resolution.renegotiatedDueAt).toEqual(at('2026-03-26T17:30:00+01:00'));
    expect(r.resolution.metRenegotiatedDueAt).toBe(true);
    expect(r.resolution.lateByBusinessMillis).toBe(6 * MS_PER_HOUR); // Wed 17:30 → Thu 15:00 = 09:00-15:00
    expect(r.nonConformities).toEqual([
      expect.objectContaining({
        kind: 'RESOLUTION_LATE',
        renegotiated: true,
        renegotiationReasons: ['Supplier delay', 'Part shipped late'],
      }),
    ]);
  });

  it('waiting on the requester shifts the resolution due moment', () => {
    const pauses = [{ start: at('2026-03-25T09:00:00+01:00'), end: at('2026-03-25T13:00:00+01:00') }];
    const r = assessConformity({ ...BASE, resolvedAt: at('2026-03-26T12:00:00+01:00'), pauses }, PARIS);
    expect(r.resolution.dueAt).toEqual(at('2026-03-26T13:00:00+01:00')); // Wed 17:30 + 4 paused hours
    expect(r.conform).toBe(true);
  });

  it('unresolved: PENDING before the due moment, MISSED after it', () => {
    const pending = assessConformity(
      { ...BASE, resolvedAt: null, now: at('2026-03-25T12:00:00+01:00') },
      PARIS,
    );
    expect(pending.resolution.outcome).toBe(CommitmentOutcome.PENDING);
    expect(pending.conform).toBeNull();
    const missed = assessConformity(
      { ...BASE, resolvedAt: null, now: at('2026-03-28T12:00:00+01:00') },
      PARIS,
    );
    expect(missed.resolution.outcome).toBe(CommitmentOutcome.MISSED);
    expect(missed.resolution.lateByBusinessMillis).toBe(17 * MS_PER_HOUR); // Thu + Fri 8.5 h each, the Saturday counts 0
    expect(missed.resolution.metRenegotiatedDueAt).toBeNull();
    expect(missed.conform).toBe(false);
  });

  it('a delivery late only outside working hours is still late (0 business ms)', () => {
    const r = assessConformity({ ...BASE, resolvedAt: at('2026-03-25T19:00:00+01:00') }, PARIS);
    expect(r.resolution.outcome).toBe(CommitmentOutcome.MISSED);
    expect(r.resolution.lateByBusinessMillis).toBe(0);
    expect(r.resolution.lateByMillis).toBe(1.5 * MS_PER_HOUR);
  });

  it('rejects deliveries before creation', () => {
    expect(() =>
      assessConformity({ ...BASE, firstRespondedAt: at('2026-03-24T08:00:00+01:00') }, PARIS),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INTERVAL' }));
  });
});
