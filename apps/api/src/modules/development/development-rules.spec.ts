import { autonomyIndex, DecisionKind, type DecisionRecord } from '@symmetry/domain';
import { autonomyFromCounts, effectiveLevel, goalLate, monthStarts, skillGap } from './development-rules';
import { histogramMedian } from './decisions.service';

describe('development rules', () => {
  it('computes the autonomy index from counts exactly as libs/domain does from records', () => {
    const records: DecisionRecord[] = [
      { kind: DecisionKind.DECIDED_LOCALLY },
      { kind: DecisionKind.DECIDED_LOCALLY },
      { kind: DecisionKind.ESCALATED, levelsCrossed: 1, delayHours: 4 },
      { kind: DecisionKind.ESCALATED, levelsCrossed: 3, delayHours: 30 },
      { kind: DecisionKind.BEYOND_RIGHTS, confirmed: true },
      { kind: DecisionKind.BEYOND_RIGHTS, confirmed: false },
      { kind: DecisionKind.BEYOND_RIGHTS, confirmed: null },
    ];
    const expected = autonomyIndex(records);
    const got = autonomyFromCounts({
      total: 7,
      local: 2,
      escalated: 2,
      confirmed: 1,
      overturned: 1,
      pending: 1,
      levelsSum: 4,
      medianDelayHours: 17,
    });
    expect(got).toEqual(expected);
    expect(got.settledWithoutEscalationPercent).toBe(50);
  });

  it('has nothing to show without reviewed decisions', () => {
    const f = autonomyFromCounts({
      total: 1,
      local: 0,
      escalated: 0,
      confirmed: 0,
      overturned: 0,
      pending: 1,
      levelsSum: 0,
      medianDelayHours: null,
    });
    expect(f.settledWithoutEscalationPercent).toBeNull();
    expect(f.meanLevelsCrossed).toBeNull();
  });

  it('cuts twelve UTC months, the last three and the three before', () => {
    const p = monthStarts(new Date('2026-11-20T10:00:00Z'));
    expect(p.months[0]).toBe('2025-12');
    expect(p.months[11]).toBe('2026-11');
    expect(p.current.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(p.previous.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(monthStarts(new Date('2026-01-05T00:00:00Z')).previous.toISOString()).toBe(
      '2025-08-01T00:00:00.000Z',
    );
  });

  it('reads a median from an hourly histogram', () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ hour: 3, n: 1 }])).toBe(3.5);
    expect(
      histogramMedian([
        { hour: 1, n: 2 },
        { hour: 10, n: 1 },
        { hour: 5, n: 1 },
      ]),
    ).toBe(3.5); // 1.5, 1.5, 5.5, 10.5: (1.5 + 5.5) / 2
  });

  it('judges goals, levels and gaps', () => {
    expect(goalLate('2026-01-01', 50, '2026-02-01')).toBe(true);
    expect(goalLate('2026-01-01', 100, '2026-02-01')).toBe(false);
    expect(goalLate('2026-03-01', 0, '2026-02-01')).toBe(false);
    expect(effectiveLevel(2, 3)).toBe(3);
    expect(effectiveLevel(2, null)).toBe(2);
    expect(skillGap(3, 1)).toBe(2);
    expect(skillGap(3, null)).toBe(3);
    expect(skillGap(null, 1)).toBe(0);
    expect(skillGap(2, 4)).toBe(0);
  });
});
