import { cellState, localDay, pendingRequests, roleChangeInput, type RoleChangeDraft } from './actions';

describe('development manager actions', () => {
  it('lists only requested enrolments, soonest first, then by name', () => {
    const list = [
      { id: 'a', status: 'APPROVED', startsAt: '2026-01-01T09:00:00Z', personName: 'Ann' },
      { id: 'b', status: 'REQUESTED', startsAt: '2026-03-01T09:00:00Z', personName: 'Bob' },
      { id: 'c', status: 'REQUESTED', startsAt: '2026-02-01T09:00:00Z', personName: 'Zoé' },
      { id: 'd', status: 'REQUESTED', startsAt: '2026-02-01T09:00:00Z', personName: 'Alice' },
      { id: 'e', status: 'REJECTED', startsAt: '2026-02-01T09:00:00Z', personName: 'Eve' },
    ];
    expect(pendingRequests(list).map((e) => e.id)).toEqual(['d', 'c', 'b']);
    expect(list).toHaveLength(5);
  });

  it('tells a met requirement from a gap and from no requirement', () => {
    expect(cellState(3, 2)).toBe('met');
    expect(cellState(2, 2)).toBe('met');
    expect(cellState(1, 2)).toBe('below');
    expect(cellState(null, 2)).toBe('below');
    expect(cellState(4, null)).toBe('none');
    expect(cellState(null, null)).toBe('none');
  });

  it('formats a local day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 10, 15))).toBe('2026-11-15');
  });

  it('builds the role-change input only once the form is complete', () => {
    const draft: RoleChangeDraft = {
      personId: 'p1',
      kind: 'PROMOTION',
      effectiveOn: '2026-04-01',
      toPositionId: 'pos',
      toTeamId: null,
      note: '  Team lead  ',
    };
    expect(roleChangeInput(draft)).toEqual({
      personId: 'p1',
      kind: 'PROMOTION',
      effectiveOn: '2026-04-01',
      toPositionId: 'pos',
      toTeamId: null,
      note: 'Team lead',
    });
    expect(roleChangeInput({ ...draft, personId: null })).toBeNull();
    expect(roleChangeInput({ ...draft, effectiveOn: '' })).toBeNull();
    expect(roleChangeInput({ ...draft, kind: 'HIRE' })).toBeNull();
    expect(roleChangeInput({ ...draft, toPositionId: null })).toBeNull();
    expect(roleChangeInput({ ...draft, kind: 'MOVE', toPositionId: null })).toBeNull();
    expect(roleChangeInput({ ...draft, kind: 'MOVE', toPositionId: null, toTeamId: 't2' })?.toTeamId).toBe(
      't2',
    );
    expect(roleChangeInput({ ...draft, kind: 'NEW_RESPONSIBILITY', toPositionId: null })?.kind).toBe(
      'NEW_RESPONSIBILITY',
    );
  });
});
