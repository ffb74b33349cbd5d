import fc from 'fast-check';
import { SurveyRuleError } from './errors';
import {
  allowedTransitions,
  assertTransition,
  canEditQuestions,
  canTransition,
  IllegalTransitionError,
  isSurveyStatus,
  listWaves,
  Recurrence,
  SURVEY_STATUSES,
  SurveyStatus,
  waveAt,
  waveWindow,
} from './lifecycle';
import { expectCode } from './testing/expect-code';

const iso = (date: Date): string => date.toISOString();

describe('survey lifecycle', () => {
  const legal: Array<[SurveyStatus, SurveyStatus]> = [
    ['DRAFT', 'SCHEDULED'],
    ['DRAFT', 'OPEN'],
    ['SCHEDULED', 'OPEN'],
    ['OPEN', 'CLOSED'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const illegal = SURVEY_STATUSES.flatMap((from) =>
    SURVEY_STATUSES.filter((to) => !legal.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as const,
    ),
  );

  it.each(illegal)('refuses %s → %s with an IllegalTransitionError', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      assertTransition(from, to);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error).toBeInstanceOf(SurveyRuleError);
      const typed = error as IllegalTransitionError;
      expect(typed.code).toBe('ILLEGAL_TRANSITION');
      expect(typed.from).toBe(from);
      expect(typed.to).toBe(to);
      expect(typed.details).toEqual({ from, to });
    }
  });

  it('covers all 16 pairs of statuses', () => {
    expect(legal.length + illegal.length).toBe(16);
  });

  it('CLOSED is terminal', () => {
    expect(allowedTransitions('CLOSED')).toEqual([]);
    expect(allowedTransitions('DRAFT')).toEqual(['SCHEDULED', 'OPEN']);
  });

  it('refuses unknown statuses', () => {
    expectCode(() => canTransition('ARCHIVED' as SurveyStatus, 'OPEN'), 'INVALID_ARGUMENT');
    expectCode(() => canTransition('OPEN', 'ARCHIVED' as SurveyStatus), 'INVALID_ARGUMENT');
    expect(isSurveyStatus('OPEN')).toBe(true);
    expect(isSurveyStatus('open')).toBe(false);
  });
});

describe('canEditQuestions', () => {
  it('allows edits before opening while nobody has answered', () => {
    expect(canEditQuestions('DRAFT', 0)).toBe(true);
    expect(canEditQuestions('SCHEDULED', 0)).toBe(true);
  });

  it('freezes questions once open or closed, even without answers', () => {
    expect(canEditQuestions('OPEN', 0)).toBe(false);
    expect(canEditQuestions('CLOSED', 0)).toBe(false);
  });

  it('freezes questions as soon as the first answer exists (e.g. test answers on a draft)', () => {
    expect(canEditQuestions('DRAFT', 1)).toBe(false);
    expect(canEditQuestions('SCHEDULED', 3)).toBe(false);
    expect(canEditQuestions('OPEN', 10)).toBe(false);
  });

  it('refuses a bad answer count', () => {
    expectCode(() => canEditQuestions('DRAFT', -1), 'INVALID_ARGUMENT');
    expectCode(() => canEditQuestions('DRAFT', 0.5), 'INVALID_ARGUMENT');
    expectCode(() => canEditQuestions('DRAFTED' as SurveyStatus, 0), 'INVALID_ARGUMENT');
  });
});

describe('recurrence', () => {
  it('one-off: a single wave with the given window', () => {
    const recurrence: Recurrence = {
      kind: 'ONE_OFF',
      opensAt: '2025-03-03T08:00:00Z',
      closesAt: '2025-03-17T18:00:00Z',
    };
    expect(listWaves(recurrence, 5).map((w) => [w.wave, iso(w.opensAt), iso(w.closesAt)])).toEqual([
      [1, '2025-03-03T08:00:00.000Z', '2025-03-17T18:00:00.000Z'],
    ]);
    expectCode(() => waveWindow(recurrence, 2), 'INVALID_WAVE');
    expectCode(
      () => waveWindow({ ...recurrence, closesAt: '2025-03-03T08:00:00Z' }, 1),
      'INVALID_RECURRENCE',
    );
  });

  it('weekly: same weekday and time each week, open N days', () => {
    const recurrence: Recurrence = { kind: 'WEEKLY', firstOpensAt: '2025-01-06T09:00:00Z', openForDays: 3 };
    expect(listWaves(recurrence, 3).map((w) => [w.wave, iso(w.opensAt), iso(w.closesAt)])).toEqual([
      [1, '2025-01-06T09:00:00.000Z', '2025-01-09T09:00:00.000Z'],
      [2, '2025-01-13T09:00:00.000Z', '2025-01-16T09:00:00.000Z'],
      [3, '2025-01-20T09:00:00.000Z', '2025-01-23T09:00:00.000Z'],
    ]);
  });

  it('weekly: every N weeks, limited number of waves', () => {
    const recurrence: Recurrence = {
      kind: 'WEEKLY',
      firstOpensAt: '2025-01-06',
      openForDays: 14,
      intervalWeeks: 2,
      waveCount: 2,
    };
    expect(listWaves(recurrence, 10).map((w) => iso(w.opensAt))).toEqual([
      '2025-01-06T00:00:00.000Z',
      '2025-01-20T00:00:00.000Z',
    ]);
    expectCode(() => waveWindow(recurrence, 3), 'INVALID_WAVE');
  });

  it('monthly: same day of month, clamped to the end of short months, never drifting', () => {
    const recurrence: Recurrence = { kind: 'MONTHLY', firstOpensAt: '2024-01-31T10:00:00Z', openForDays: 7 };
    expect(listWaves(recurrence, 5).map((w) => iso(w.opensAt).slice(0, 10))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
    expect(iso(waveWindow(recurrence, 14).opensAt)).toBe('2025-02-28T10:00:00.000Z');
  });

  it('monthly: every N months across year ends', () => {
    const recurrence: Recurrence = {
      kind: 'MONTHLY',
      firstOpensAt: '2024-11-15T00:00:00Z',
      openForDays: 10,
      intervalMonths: 3,
    };
    expect(listWaves(recurrence, 3).map((w) => iso(w.opensAt).slice(0, 10))).toEqual([
      '2024-11-15',
      '2025-02-15',
      '2025-05-15',
    ]);
  });

  it('refuses windows that would overlap the next wave, and other bad settings', () => {
    const weekly = { kind: 'WEEKLY', firstOpensAt: '2025-01-06', openForDays: 3 } as const;
    expectCode(() => listWaves({ ...weekly, openForDays: 8 }, 1), 'INVALID_RECURRENCE');
    expectCode(() => listWaves({ ...weekly, openForDays: 0 }, 1), 'INVALID_RECURRENCE');
    expectCode(() => listWaves({ ...weekly, openForDays: 1.5 }, 1), 'INVALID_RECURRENCE');
    expectCode(() => listWaves({ ...weekly, intervalWeeks: 0 }, 1), 'INVALID_RECURRENCE');
    expectCode(() => listWaves({ ...weekly, waveCount: 0 }, 1), 'INVALID_RECURRENCE');
    expectCode(
      () => listWaves({ kind: 'MONTHLY', firstOpensAt: '2025-01-06', openForDays: 29 }, 1),
      'INVALID_RECURRENCE',
    );
    expectCode(
      () => listWaves({ kind: 'MONTHLY', firstOpensAt: '2025-01-06', openForDays: 5, intervalMonths: 13 }, 1),
      'INVALID_RECURRENCE',
    );
    expectCode(() => listWaves({ kind: 'YEARLY' } as unknown as Recurrence, 1), 'INVALID_RECURRENCE');
    expectCode(() => listWaves({ ...weekly, firstOpensAt: '2025-02-30' }, 1), 'INVALID_DATE');
    expectCode(() => listWaves(weekly, -1), 'INVALID_ARGUMENT');
    expectCode(() => waveWindow(weekly, 0), 'INVALID_WAVE');
    expectCode(() => waveWindow(weekly, 1.5), 'INVALID_WAVE');
  });

  it('finds the wave open at a given instant (window start inclusive, end exclusive)', () => {
    const recurrence: Recurrence = { kind: 'WEEKLY', firstOpensAt: '2025-01-06T09:00:00Z', openForDays: 3 };
    expect(waveAt(recurrence, '2025-01-05T09:00:00Z')).toBeNull();
    expect(waveAt(recurrence, '2025-01-06T09:00:00Z')?.wave).toBe(1);
    expect(waveAt(recurrence, '2025-01-09T08:59:59Z')?.wave).toBe(1);
    expect(waveAt(recurrence, '2025-01-09T09:00:00Z')).toBeNull();
    expect(waveAt(recurrence, '2025-01-14T00:00:00Z')?.wave).toBe(2);
    const oneOff: Recurrence = { kind: 'ONE_OFF', opensAt: '2025-03-03', closesAt: '2025-03-10' };
    expect(waveAt(oneOff, '2025-03-05')?.wave).toBe(1);
    expect(waveAt(oneOff, '2025-03-10')).toBeNull();
  });

  it('waves never overlap and waveAt agrees with listWaves (monthly, any anchor)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 28 }),
        (first, intervalMonths, days) => {
          const recurrence: Recurrence = {
            kind: 'MONTHLY',
            firstOpensAt: first,
            openForDays: Math.min(days, 28 * intervalMonths),
            intervalMonths,
          };
          const waves = listWaves(recurrence, 30);
          waves.forEach((window, index) => {
            expect(window.closesAt.getTime()).toBeGreaterThan(window.opensAt.getTime());
            if (index > 0)
              expect(window.opensAt.getTime()).toBeGreaterThanOrEqual(waves[index - 1].closesAt.getTime());
            expect(waveAt(recurrence, window.opensAt)?.wave).toBe(window.wave);
            expect(waveAt(recurrence, new Date(window.closesAt.getTime() - 1))?.wave).toBe(window.wave);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('weekly waves: waveAt agrees with listWaves at random instants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 7 * 20 }),
        fc.integer({ min: 1, max: 7 }),
        (minutes, days) => {
          const recurrence: Recurrence = {
            kind: 'WEEKLY',
            firstOpensAt: '2025-01-06T09:00:00Z',
            openForDays: days,
          };
          const at = new Date(Date.parse('2025-01-06T09:00:00Z') + minutes * 60_000);
          const expected = listWaves(recurrence, 25).find((w) => w.opensAt <= at && at < w.closesAt) ?? null;
          expect(waveAt(recurrence, at)?.wave ?? null).toBe(expected?.wave ?? null);
        },
      ),
      { numRuns: 100 },
    );
  });
});
