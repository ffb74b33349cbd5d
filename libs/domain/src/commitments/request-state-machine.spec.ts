import fc from 'fast-check';
import {
  allowedTransitions,
  assertTransition,
  canTransition,
  InvalidTransitionError,
  isReopen,
  RequestState as S,
  waitingPauses,
} from './request-state-machine';

const at = (text: string): Date => new Date(text);
const reopen = (now: string) => ({
  resolvedAt: at('2026-03-02T10:00:00Z'),
  now: at(now),
  reopenWindowDays: 7,
});

describe('request state machine', () => {
  it.each([
    [S.NEW, S.ACKNOWLEDGED],
    [S.ACKNOWLEDGED, S.IN_PROGRESS],
    [S.IN_PROGRESS, S.WAITING_ON_REQUESTER],
    [S.WAITING_ON_REQUESTER, S.IN_PROGRESS],
    [S.IN_PROGRESS, S.RESOLVED],
    [S.RESOLVED, S.CLOSED],
  ])('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
    expect(canTransition(from, to)).toBe(true);
  });

  it('rejects skipping steps with a typed error listing the allowed moves', () => {
    let caught: unknown;
    try {
      assertTransition(S.NEW, S.RESOLVED);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    const error = caught as InvalidTransitionError;
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.from).toBe(S.NEW);
    expect(error.to).toBe(S.RESOLVED);
    expect(error.allowed).toEqual([S.ACKNOWLEDGED]);
    expect(error.details).toEqual({ from: 'NEW', to: 'RESOLVED', allowed: ['ACKNOWLEDGED'] });
    expect(error.message).toBe('cannot move a request from NEW to RESOLVED; allowed: ACKNOWLEDGED');
  });

  it('rejects staying in place and going backwards', () => {
    expect(canTransition(S.IN_PROGRESS, S.IN_PROGRESS)).toBe(false);
    expect(canTransition(S.IN_PROGRESS, S.ACKNOWLEDGED)).toBe(false);
    expect(canTransition(S.WAITING_ON_REQUESTER, S.RESOLVED)).toBe(false);
    expect(canTransition(S.CLOSED, S.RESOLVED)).toBe(false);
  });

  it('allows a reopen from RESOLVED or CLOSED within the window (inclusive)', () => {
    expect(isReopen(S.CLOSED, S.IN_PROGRESS)).toBe(true);
    expect(() => assertTransition(S.RESOLVED, S.IN_PROGRESS, reopen('2026-03-05T10:00:00Z'))).not.toThrow();
    expect(() => assertTransition(S.CLOSED, S.IN_PROGRESS, reopen('2026-03-09T10:00:00Z'))).not.toThrow();
  });

  it('refuses a reopen after the window, or without the facts to judge it', () => {
    expect(() => assertTransition(S.CLOSED, S.IN_PROGRESS, reopen('2026-03-09T10:00:01Z'))).toThrow(
      expect.objectContaining({ code: 'REOPEN_WINDOW_EXPIRED' }),
    );
    expect(canTransition(S.CLOSED, S.IN_PROGRESS, reopen('2026-03-20T00:00:00Z'))).toBe(false);
    expect(() => assertTransition(S.RESOLVED, S.IN_PROGRESS)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() =>
      assertTransition(S.RESOLVED, S.IN_PROGRESS, {
        ...reopen('2026-03-05T10:00:00Z'),
        reopenWindowDays: -1,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rejects unknown states', () => {
    expect(() => allowedTransitions('LOST' as S)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: canTransition agrees with allowedTransitions (outside reopen moves)', () => {
    const state = fc.constantFrom(...Object.values(S));
    fc.assert(
      fc.property(state, state, (from, to) => {
        fc.pre(!isReopen(from, to));
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }),
    );
  });
});

describe('waitingPauses', () => {
  it('turns WAITING_ON_REQUESTER stretches into pause intervals, closing an open one at now', () => {
    const history = [
      { state: S.NEW, at: at('2026-03-02T09:00:00Z') },
      { state: S.ACKNOWLEDGED, at: at('2026-03-02T09:10:00Z') },
      { state: S.IN_PROGRESS, at: at('2026-03-02T09:30:00Z') },
      { state: S.WAITING_ON_REQUESTER, at: at('2026-03-02T10:00:00Z') },
      { state: S.IN_PROGRESS, at: at('2026-03-02T12:00:00Z') },
      { state: S.WAITING_ON_REQUESTER, at: at('2026-03-03T09:00:00Z') },
    ];
    expect(waitingPauses(history, at('2026-03-03T11:00:00Z'))).toEqual([
      { start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T12:00:00Z') },
      { start: at('2026-03-03T09:00:00Z'), end: at('2026-03-03T11:00:00Z') },
    ]);
  });

  it('rejects a history that is not chronological', () => {
    expect(() =>
      waitingPauses(
        [
          { state: S.NEW, at: at('2026-03-02T09:00:00Z') },
          { state: S.ACKNOWLEDGED, at: at('2026-03-01T09:00:00Z') },
        ],
        at('2026-03-03T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'UNSORTED_INPUT' }));
  });
});
