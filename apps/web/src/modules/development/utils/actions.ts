/** Pure helpers of the development screens' manager actions (approvals, assessments, role changes). */

/** Requested enrolments awaiting a decision, soonest session first, then by name. */
export function pendingRequests<T extends { status: string; startsAt: string; personName: string }>(
  enrolments: readonly T[],
): T[] {
  return enrolments
    .filter((e) => e.status === 'REQUESTED')
    .sort(
      (a, b) =>
        new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() ||
        a.personName.localeCompare(b.personName),
    );
}

/** A skills-matrix cell: at or above the required level, below it, or nothing required. */
export function cellState(level: number | null, required: number | null): 'met' | 'below' | 'none' {
  if (!required) return 'none';
  return (level ?? 0) >= required ? 'met' : 'below';
}

/** A date as YYYY-MM-DD in the browser's time zone (a role change's default effective day). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface RoleChangeDraft {
  personId: string | null;
  kind: string | null;
  effectiveOn: string;
  toPositionId: string | null;
  toTeamId: string | null;
  note: string;
}

/**
 * The recordRoleChange input from the form, or null while it is incomplete (a person, a kind and a
 * day; a move needs a team or a position, a promotion a position). The API checks it again.
 */
export function roleChangeInput(draft: RoleChangeDraft): {
  personId: string;
  kind: 'PROMOTION' | 'NEW_RESPONSIBILITY' | 'MOVE';
  effectiveOn: string;
  toPositionId: string | null;
  toTeamId: string | null;
  note: string;
} | null {
  const kind = draft.kind;
  if (!draft.personId || !/^\d{4}-\d{2}-\d{2}$/.test(draft.effectiveOn)) return null;
  if (kind !== 'PROMOTION' && kind !== 'NEW_RESPONSIBILITY' && kind !== 'MOVE') return null;
  if (kind === 'PROMOTION' && !draft.toPositionId) return null;
  if (kind === 'MOVE' && !draft.toPositionId && !draft.toTeamId) return null;
  return {
    personId: draft.personId,
    kind,
    effectiveOn: draft.effectiveOn,
    toPositionId: draft.toPositionId || null,
    toTeamId: draft.toTeamId || null,
    note: draft.note.trim(),
  };
}
