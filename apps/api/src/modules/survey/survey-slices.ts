import {
  suppress,
  TENURE_BUCKETS,
  TENURE_BUCKET_LABELS,
  type Cell,
  type Question,
  type Slice,
  type SuppressionDecision,
} from '@symmetry/surveys';

/** A demographic cell of a wave (survey_cell). */
export interface CellRow {
  id: string;
  team_id: string | null;
  tenure_bucket: string | null;
  invited: number;
}

export interface TeamRow {
  id: string;
  name: string;
  parent_id: string | null;
}

export interface ViewerScope {
  kind: 'ORGANIZATION' | 'LINE' | 'PUBLISHED';
  /** Teams the viewer may see (sub-teams included); null: all. */
  teamIds: Set<string> | null;
  /** Whether the organisation as a whole is one of the viewer's slices. */
  includeOrg: boolean;
}

export interface SliceDef extends Slice {
  kind: 'ORGANIZATION' | 'LINE' | 'TEAM' | 'TENURE' | 'TEAM_TENURE';
  label: string;
  teamId: string | null;
  tenureBucket: string | null;
}

export interface Decisions {
  respondents: Map<string, SuppressionDecision>;
  /** Per question id: decisions for that question's answer counts. */
  questions: Map<string, Map<string, SuppressionDecision>>;
  /** Per free-text question id: decisions for its comment counts (comment threshold). */
  comments: Map<string, Map<string, SuppressionDecision>>;
}

/**
 * Every slice one viewer can reach for a wave: their scope (the line, and/or the organisation),
 * tenure bands, each visible team with its sub-teams, and team × tenure. Pure: the property test
 * feeds it random organisations.
 */
export function buildSlices(cells: CellRow[], teams: TeamRow[], scope: ViewerScope): SliceDef[] {
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    let cur: string | null = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      out.push(cur);
      cur = teamById.get(cur)?.parent_id ?? null;
    }
    return out;
  };
  const inScope = (c: CellRow) =>
    scope.teamIds === null || (c.team_id !== null && scope.teamIds.has(c.team_id));
  const visible = cells.filter(inScope);
  const slices: SliceDef[] = [];
  const all = (cs: CellRow[]) => cs.map((c) => c.id);
  if (scope.kind === 'LINE')
    slices.push({
      id: 'line',
      kind: 'LINE',
      label: 'My teams',
      teamId: null,
      tenureBucket: null,
      cellIds: all(visible),
    });
  if (scope.includeOrg)
    slices.push({
      id: 'org',
      kind: 'ORGANIZATION',
      label: 'Organisation',
      teamId: null,
      tenureBucket: null,
      cellIds: all(cells),
    });
  if (scope.kind === 'PUBLISHED') return slices;
  const teamCells = new Map<string, CellRow[]>();
  for (const c of visible)
    if (c.team_id)
      for (const a of ancestors(c.team_id))
        if (scope.teamIds === null || scope.teamIds.has(a))
          teamCells.set(a, [...(teamCells.get(a) ?? []), c]);
  const teamIds = [...teamCells.keys()].sort(
    (a, b) => (teamById.get(a)?.name ?? '').localeCompare(teamById.get(b)?.name ?? '') || a.localeCompare(b),
  );
  const base = scope.kind === 'LINE' ? visible : cells;
  for (const b of TENURE_BUCKETS) {
    const ids = all(base.filter((c) => c.tenure_bucket === b));
    if (ids.length)
      slices.push({
        id: `tenure:${b}`,
        kind: 'TENURE',
        label: TENURE_BUCKET_LABELS[b].en,
        teamId: null,
        tenureBucket: b,
        cellIds: ids,
      });
  }
  for (const t of teamIds) {
    const cs = teamCells.get(t)!;
    const name = teamById.get(t)?.name ?? 'Team';
    slices.push({
      id: `team:${t}`,
      kind: 'TEAM',
      label: name,
      teamId: t,
      tenureBucket: null,
      cellIds: all(cs),
    });
    for (const b of TENURE_BUCKETS) {
      const ids = all(cs.filter((c) => c.tenure_bucket === b));
      if (ids.length)
        slices.push({
          id: `team:${t}:tenure:${b}`,
          kind: 'TEAM_TENURE',
          label: `${name} · ${TENURE_BUCKET_LABELS[b].en}`,
          teamId: t,
          tenureBucket: b,
          cellIds: ids,
        });
    }
  }
  return slices;
}

/**
 * Suppression for everything one viewer can see of a wave, in one pass over all their slices:
 * respondents with k; then each question's answer counts with k and each comment list with the
 * comment threshold, over the slices shown at respondent level. Questions whose per-cell answer
 * counts equal the respondents' (required questions) share the respondents' decisions, and equal
 * count vectors share one run.
 *
 * `count(questionId, bucket, cellId)`: '*'/'*' = respondents; '<question>'/'#' = answered.
 */
export function decideSuppression(
  cells: CellRow[],
  slices: Slice[],
  count: (questionId: string, bucket: string, cellId: string) => number,
  questions: readonly Question[],
  k: number,
  commentThreshold: number,
): Decisions {
  const reachable = new Set(slices.flatMap((s) => s.cellIds));
  const reach = cells.filter((c) => reachable.has(c.id));
  const cellCounts = (qid: string, bucket: string): Cell[] =>
    reach.map((c) => ({ id: c.id, count: count(qid, bucket, c.id) }));
  const respondentCells = cellCounts('*', '*');
  const respondents = suppress(respondentCells, slices, k);
  const sigOf = (cs: Cell[]) => cs.map((c) => c.count).join(',');
  const respondentSig = sigOf(respondentCells);
  const shownSlices = slices.filter((s) => respondents.get(s.id)?.shown);
  const cache = new Map<string, Map<string, SuppressionDecision>>();
  const nested = (cs: Cell[], threshold: number) => {
    const sig = `${threshold}|${sigOf(cs)}`;
    if (threshold === k && sigOf(cs) === respondentSig) return respondents;
    let d = cache.get(sig);
    if (!d) {
      const inner = suppress(cs, shownSlices, threshold);
      d = new Map(
        slices.map((s) => [s.id, respondents.get(s.id)!.shown ? inner.get(s.id)! : respondents.get(s.id)!]),
      );
      cache.set(sig, d);
    }
    return d;
  };
  const byQuestion = new Map<string, Map<string, SuppressionDecision>>();
  const comments = new Map<string, Map<string, SuppressionDecision>>();
  for (const q of questions) {
    const answered = cellCounts(q.id, '#');
    if (q.type === 'FREE_TEXT') comments.set(q.id, nested(answered, commentThreshold));
    else byQuestion.set(q.id, nested(answered, k));
  }
  return { respondents, questions: byQuestion, comments };
}
