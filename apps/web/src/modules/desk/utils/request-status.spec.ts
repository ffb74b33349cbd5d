import { availableMoves, canReopen, dueDistance, promisedDueAt, situationOf } from './request-status';

const base = {
  state: 'IN_PROGRESS' as const,
  status: 'ON_TRACK' as const,
  resolutionDueAt: '2026-03-12T14:00:00.000Z',
  renegotiatedDueAt: null,
};

describe('request status in plain words', () => {
  it('says when an open request is due, on the agreed date once renegotiated', () => {
    expect(situationOf(base)).toEqual({
      kind: 'due',
      dueAt: base.resolutionDueAt,
      status: 'ON_TRACK',
      renegotiated: false,
    });
    const moved = { ...base, renegotiatedDueAt: '2026-03-20T10:00:00.000Z', status: 'LATE' as const };
    expect(situationOf(moved)).toMatchObject({ dueAt: '2026-03-20T10:00:00.000Z', renegotiated: true });
    expect(promisedDueAt(moved)).toBe('2026-03-20T10:00:00.000Z');
  });

  it('pauses while waiting on the requester and judges resolved ones on the commitment', () => {
    expect(situationOf({ ...base, state: 'WAITING_ON_REQUESTER', status: 'PAUSED' })).toEqual({
      kind: 'paused',
    });
    expect(situationOf({ ...base, state: 'RESOLVED', status: 'MET' })).toEqual({
      kind: 'resolved',
      met: true,
    });
    expect(situationOf({ ...base, state: 'CLOSED', status: 'MISSED' })).toEqual({
      kind: 'closed',
      met: false,
    });
  });

  it('words the distance to a due moment by calendar day', () => {
    const now = new Date(2026, 2, 9, 9, 0);
    expect(dueDistance(new Date(2026, 2, 9, 17, 0).toISOString(), now)).toBe('today');
    expect(dueDistance(new Date(2026, 2, 10, 8, 0).toISOString(), now)).toBe('tomorrow');
    expect(dueDistance(new Date(2026, 2, 12, 14, 0).toISOString(), now)).toBe('week');
    expect(dueDistance(new Date(2026, 2, 20, 14, 0).toISOString(), now)).toBe('date');
    expect(dueDistance(new Date(2026, 2, 6, 14, 0).toISOString(), now)).toBe('date');
  });
});

describe('moves offered', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const resolvedAt = '2026-03-09T12:00:00.000Z';

  it('walks the service through the lifecycle', () => {
    const service = (state: Parameters<typeof availableMoves>[0]['state']) =>
      availableMoves({ state, viewerRole: 'AGENT', resolvedAt: null, reopenWindowDays: 5 }, now);
    expect(service('NEW')).toEqual(['ACKNOWLEDGED']);
    expect(service('ACKNOWLEDGED')).toEqual(['IN_PROGRESS']);
    expect(service('IN_PROGRESS')).toEqual(['WAITING_ON_REQUESTER', 'RESOLVED']);
    expect(service('WAITING_ON_REQUESTER')).toEqual(['IN_PROGRESS']);
  });

  it('lets the requester close, or reopen within the window only', () => {
    const requester = { viewerRole: 'REQUESTER' as const, resolvedAt, reopenWindowDays: 5 };
    expect(availableMoves({ ...requester, state: 'RESOLVED' }, now)).toEqual(['CLOSED', 'IN_PROGRESS']);
    expect(availableMoves({ ...requester, state: 'CLOSED' }, now)).toEqual(['IN_PROGRESS']);
    expect(availableMoves({ ...requester, state: 'IN_PROGRESS' }, now)).toEqual([]);
    const late = new Date('2026-03-20T12:00:00.000Z');
    expect(availableMoves({ ...requester, state: 'RESOLVED' }, late)).toEqual(['CLOSED']);
    expect(canReopen(resolvedAt, 1, new Date('2026-03-10T12:00:00.000Z'))).toBe(true);
    expect(canReopen(resolvedAt, 1, new Date('2026-03-10T12:00:01.000Z'))).toBe(false);
  });
});
