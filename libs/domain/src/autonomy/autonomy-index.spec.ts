import fc from 'fast-check';
import { autonomyIndex, autonomyTrend, DecisionKind, DecisionRecord } from './autonomy-index';

const local: DecisionRecord = { kind: DecisionKind.DECIDED_LOCALLY };
const esc = (levelsCrossed: number, delayHours: number): DecisionRecord => ({
  kind: DecisionKind.ESCALATED,
  levelsCrossed,
  delayHours,
});
const beyond = (confirmed: boolean | null): DecisionRecord => ({
  kind: DecisionKind.BEYOND_RIGHTS,
  confirmed,
});

describe('autonomyIndex', () => {
  it('counts local and confirmed beyond-rights decisions as settled without escalation', () => {
    const index = autonomyIndex([
      local,
      local,
      local,
      beyond(true),
      beyond(false),
      beyond(null),
      esc(1, 4),
      esc(3, 30),
      esc(2, 10),
    ]);
    expect(index).toEqual({
      total: 9,
      decidedLocally: 3,
      escalated: 3,
      beyondRightsConfirmed: 1,
      beyondRightsOverturned: 1,
      beyondRightsPending: 1,
      // (3 + 1) / (9 − 1 pending) = 50%
      settledWithoutEscalationPercent: 50,
      medianEscalationDelayHours: 10,
      meanLevelsCrossed: 2,
    });
  });

  it('returns nulls when there is nothing to measure', () => {
    expect(autonomyIndex([])).toMatchObject({
      total: 0,
      settledWithoutEscalationPercent: null,
      medianEscalationDelayHours: null,
      meanLevelsCrossed: null,
    });
    expect(autonomyIndex([beyond(null)]).settledWithoutEscalationPercent).toBeNull();
    expect(autonomyIndex([local]).medianEscalationDelayHours).toBeNull();
  });

  it('takes the median of an even number of delays as the mean of the middle two', () => {
    expect(autonomyIndex([esc(1, 2), esc(1, 8), esc(1, 4), esc(1, 100)]).medianEscalationDelayHours).toBe(6);
  });

  it('rejects invalid escalations and unknown kinds', () => {
    expect(() => autonomyIndex([esc(0, 1)])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => autonomyIndex([esc(1.5, 1)])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => autonomyIndex([esc(1, -1)])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => autonomyIndex([{ kind: 'VOTED' } as unknown as DecisionRecord])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('property: the share is within [0, 100] and the counts add up', () => {
    const record = fc.oneof(
      fc.constant(local),
      fc
        .record({ l: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 0, max: 500 }) })
        .map((r) => esc(r.l, r.d)),
      fc.constantFrom(true, false, null).map(beyond),
    );
    fc.assert(
      fc.property(fc.array(record), (records) => {
        const i = autonomyIndex(records);
        expect(
          i.decidedLocally +
            i.escalated +
            i.beyondRightsConfirmed +
            i.beyondRightsOverturned +
            i.beyondRightsPending,
        ).toBe(records.length);
        if (i.settledWithoutEscalationPercent !== null) {
          expect(i.settledWithoutEscalationPercent).toBeGreaterThanOrEqual(0);
          expect(i.settledWithoutEscalationPercent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('autonomyTrend', () => {
  it('gives deltas versus the previous period', () => {
    const previous = autonomyIndex([local, esc(2, 20), esc(2, 20), esc(2, 20)]); // 25%, 20 h, 2 levels
    const current = autonomyIndex([local, local, local, esc(1, 8)]); // 75%, 8 h, 1 level
    expect(autonomyTrend(current, previous)).toEqual({
      settledWithoutEscalationDelta: 50,
      medianEscalationDelayDelta: -12,
      meanLevelsCrossedDelta: -1,
    });
  });

  it('gives nulls without a previous period or a missing indicator', () => {
    const current = autonomyIndex([local]);
    expect(autonomyTrend(current, null)).toEqual({
      settledWithoutEscalationDelta: null,
      medianEscalationDelayDelta: null,
      meanLevelsCrossedDelta: null,
    });
    expect(autonomyTrend(current, autonomyIndex([local, esc(1, 1)]))).toEqual({
      settledWithoutEscalationDelta: 50,
      medianEscalationDelayDelta: null,
      meanLevelsCrossedDelta: null,
    });
  });
});
