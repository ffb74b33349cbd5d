import type { AutonomyFigures } from './dto/development.types';

/** Counts of one period as SQL aggregates them (the median comes from SQL or a histogram). */
export interface AutonomyCounts {
  total: number;
  local: number;
  escalated: number;
  confirmed: number;
  overturned: number;
  pending: number;
  levelsSum: number;
  medianDelayHours: number | null;
}

/**
 * The autonomy index from aggregated counts: the same definitions as libs/domain `autonomyIndex`
 * (which works on records): share settled without escalation = (local + beyond-rights confirmed) /
 * (all − beyond-rights pending); mean levels over escalations. A spec checks both agree.
 */
export function autonomyFromCounts(c: AutonomyCounts): AutonomyFigures {
  const reviewed = c.total - c.pending;
  return {
    total: c.total,
    decidedLocally: c.local,
    escalated: c.escalated,
    beyondRightsConfirmed: c.confirmed,
    beyondRightsOverturned: c.overturned,
    beyondRightsPending: c.pending,
    settledWithoutEscalationPercent: reviewed > 0 ? ((c.local + c.confirmed) * 100) / reviewed : null,
    medianEscalationDelayHours: c.medianDelayHours === null ? null : Number(c.medianDelayHours),
    meanLevelsCrossed: c.escalated > 0 ? c.levelsSum / c.escalated : null,
  };
}

/**
 * Period boundaries (UTC months): the trend's twelve months ending with the current one, the
 * "current" period (the last three months) and the "previous" one (the three before).
 */
export function monthStarts(now: Date): { from: Date; current: Date; previous: Date; months: string[] } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const start = (back: number) => new Date(Date.UTC(y, m - back, 1));
  const months = Array.from({ length: 12 }, (_, i) =>
    start(11 - i)
      .toISOString()
      .slice(0, 7),
  );
  return { from: start(11), current: start(2), previous: start(5), months };
}

/** A goal is late once its due date has passed unfinished; a plan is on track when none is. */
export function goalLate(dueOn: string, progress: number, today: string): boolean {
  return progress < 100 && dueOn < today;
}

/** Effective level of a skill: the manager's assessment when there is one, else the self-assessment. */
export function effectiveLevel(selfLevel: number | null, managerLevel: number | null): number | null {
  return managerLevel ?? selfLevel;
}

/** Levels missing to a requirement (0 when met or nothing is required). */
export function skillGap(required: number | null, level: number | null): number {
  if (!required) return 0;
  return Math.max(0, required - (level ?? 0));
}

/** a − b, null when either is unknown. */
export function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
