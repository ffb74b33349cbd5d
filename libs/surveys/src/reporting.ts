import { ReportingPolicy, resolveReportingPolicy } from './confidentiality';
import { SurveyRuleError } from './errors';
import {
  Cell,
  Slice,
  suppress,
  SuppressionDecision,
  SuppressionOptions,
  SuppressionReason,
} from './suppression';

/** What a report may carry for one slice: the result with its n, or only the fact that there are not enough answers. */
export type ReportedResult<T> =
  | { readonly sliceId: string; readonly shown: true; readonly n: number; readonly result: T }
  | { readonly sliceId: string; readonly shown: false; readonly reason: SuppressionReason };

/**
 * Joins suppression decisions with computed results, dropping n and every statistic of hidden slices. Fails closed:
 * a result without a decision, or a shown slice without a result, throws INVALID_SLICE.
 */
export function applySuppression<T>(
  decisions: ReadonlyMap<string, SuppressionDecision>,
  results: ReadonlyMap<string, T>,
): ReportedResult<T>[] {
  for (const sliceId of results.keys()) {
    if (!decisions.has(sliceId)) {
      throw new SurveyRuleError('INVALID_SLICE', `No suppression decision for slice "${sliceId}"`, {
        sliceId,
      });
    }
  }
  const reported: ReportedResult<T>[] = [];
  for (const [sliceId, decision] of decisions) {
    if (!decision.shown) {
      reported.push({ sliceId, shown: false, reason: decision.reason });
      continue;
    }
    if (!results.has(sliceId)) {
      throw new SurveyRuleError('INVALID_SLICE', `No result for shown slice "${sliceId}"`, { sliceId });
    }
    reported.push({ sliceId, shown: true, n: decision.n, result: results.get(sliceId) as T });
  }
  return reported;
}

/** Per-cell counts of everything a report shows for a set of slices. */
export interface ReportCounts {
  /** Respondents per cell. */
  readonly respondents: readonly Cell[];
  /** Per question, answers per cell (optional questions have fewer answers than respondents). */
  readonly answersByQuestion?: Readonly<Record<string, readonly Cell[]>>;
  /** Non-empty comments per cell. */
  readonly comments?: readonly Cell[];
}

export interface ReportSuppression {
  /** Whether the slice's respondent count (and respondent-level statistics) may be shown. */
  readonly respondents: Map<string, SuppressionDecision>;
  /** Per question: whether that question's statistics may be shown for the slice. */
  readonly questions: Map<string, Map<string, SuppressionDecision>>;
  /** Whether the slice's comments may be listed (null when no comment counts were given). */
  readonly comments: Map<string, SuppressionDecision> | null;
}

/** Suppression of a finer measure, run only over the slices `outer` shows; hidden slices keep the outer reason. */
function nested(
  outer: Map<string, SuppressionDecision>,
  cells: readonly Cell[],
  slices: readonly Slice[],
  threshold: number,
  options: SuppressionOptions,
): Map<string, SuppressionDecision> {
  const visible = slices.filter((slice) => outer.get(slice.id)?.shown === true);
  const inner = suppress(cells, visible, threshold, options);
  const result = new Map<string, SuppressionDecision>();
  for (const slice of slices) {
    const first = outer.get(slice.id) ?? { shown: false, reason: 'BELOW_THRESHOLD' };
    result.set(slice.id, first.shown ? (inner.get(slice.id) ?? first) : first);
  }
  return result;
}

/**
 * Suppression for a whole report: respondent counts with k; then each question's answer counts with k and comment
 * counts with the comment threshold, each only over slices whose respondents are shown. Each measure is protected on
 * its own counts, so an optional question's answer count cannot be differenced either.
 */
export function suppressReport(
  counts: ReportCounts,
  slices: readonly Slice[],
  policy: ReportingPolicy = resolveReportingPolicy(),
  options: SuppressionOptions = {},
): ReportSuppression {
  const checked = resolveReportingPolicy(policy);
  const respondents = suppress(counts.respondents, slices, checked.k, options);
  const questions = new Map<string, Map<string, SuppressionDecision>>();
  for (const [questionId, cells] of Object.entries(counts.answersByQuestion ?? {})) {
    questions.set(questionId, nested(respondents, cells, slices, checked.k, options));
  }
  const comments =
    counts.comments === undefined
      ? null
      : nested(respondents, counts.comments, slices, checked.commentThreshold, options);
  return { respondents, questions, comments };
}
