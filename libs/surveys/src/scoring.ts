import { NormalizedAnswer } from './answer-validation';
import { SurveyRuleError } from './errors';
import {
  ChoiceQuestion,
  isScaleType,
  Question,
  QuestionType,
  ScaleQuestionType,
  SCALE_RANGES,
  scaleValues,
} from './question-types';

/** Number of answers carrying one scale value. */
export interface DistributionBucket {
  readonly value: number;
  readonly count: number;
}

/** Answers of one scale question as counts per value: every scale value present (0 if none), ascending. */
export interface ScaleDistribution {
  readonly type: ScaleQuestionType;
  readonly buckets: readonly DistributionBucket[];
  readonly n: number;
}

/** A count as delivered by SQL: a number, or a decimal string (node-postgres returns COUNT(*) as a string). */
export type CountInput = number | string;

/** Rows of `SELECT value, COUNT(*) … GROUP BY value`, or an object keyed by value. */
export type DistributionCountsInput =
  | ReadonlyArray<{ readonly value: number; readonly count: CountInput }>
  | Readonly<Record<string, CountInput>>;

/** The 5-point scales on which "favourable" means 4 or 5. */
export type FivePointScaleType = 'LIKERT_5' | 'CSAT_1_5';

function invalid(message: string, details: Record<string, unknown> = {}): SurveyRuleError {
  return new SurveyRuleError('INVALID_DISTRIBUTION', message, details);
}

/** Parses a count (number or decimal string) into a safe non-negative integer, or throws INVALID_DISTRIBUTION. */
export function parseCount(count: CountInput): number {
  const value = typeof count === 'string' && /^\d+$/.test(count.trim()) ? Number(count.trim()) : count;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(`Count must be a non-negative integer, got ${JSON.stringify(count)}`);
  }
  return value;
}

function assertScaleValue(type: ScaleQuestionType, value: unknown): number {
  const { min, max } = SCALE_RANGES[type];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${type} values are integers from ${min} to ${max}, got ${JSON.stringify(value)}`, {
      type,
      value,
    });
  }
  return value;
}

function build(type: ScaleQuestionType, counts: Map<number, number>): ScaleDistribution {
  const buckets = scaleValues(type).map((value) => ({ value, count: counts.get(value) ?? 0 }));
  const n = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (!Number.isSafeInteger(n)) throw invalid('Total count is too large');
  return { type, buckets, n };
}

/** Builds a full distribution from raw integer answers; throws INVALID_DISTRIBUTION on out-of-scale values. */
export function distributionFromValues(
  type: ScaleQuestionType,
  values: readonly number[],
): ScaleDistribution {
  const counts = new Map<number, number>();
  for (const raw of values) {
    const value = assertScaleValue(type, raw);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return build(type, counts);
}

/** Builds a full distribution from pre-aggregated counts (missing values count 0; a value listed twice is an error). */
export function distributionFromCounts(
  type: ScaleQuestionType,
  input: DistributionCountsInput,
): ScaleDistribution {
  const entries: Array<[unknown, CountInput]> = Array.isArray(input)
    ? (input as ReadonlyArray<{ readonly value: number; readonly count: CountInput }>).map((row) => [
        row.value,
        row.count,
      ])
    : Object.entries(input as Readonly<Record<string, CountInput>>).map(([key, count]) => [
        /^-?\d+$/.test(key) ? Number(key) : key,
        count,
      ]);
  const counts = new Map<number, number>();
  for (const [rawValue, rawCount] of entries) {
    const value = assertScaleValue(type, rawValue);
    if (counts.has(value)) throw invalid(`Value ${value} is listed twice`, { type, value });
    counts.set(value, parseCount(rawCount));
  }
  return build(type, counts);
}

/** Adds distributions of the same type (e.g. to merge cells); throws if types differ. */
export function mergeDistributions(
  type: ScaleQuestionType,
  distributions: readonly ScaleDistribution[],
): ScaleDistribution {
  const counts = new Map<number, number>();
  for (const distribution of distributions) {
    if (distribution.type !== type) throw invalid(`Cannot merge ${distribution.type} into ${type}`);
    for (const bucket of distribution.buckets)
      counts.set(bucket.value, (counts.get(bucket.value) ?? 0) + bucket.count);
  }
  return build(type, counts);
}

function countWhere(distribution: ScaleDistribution, predicate: (value: number) => boolean): number {
  return distribution.buckets.reduce(
    (sum, bucket) => (predicate(bucket.value) ? sum + bucket.count : sum),
    0,
  );
}

/** Percentage (0-100) of answers whose value satisfies `predicate`; null when n = 0. */
export function shareOf(
  distribution: ScaleDistribution,
  predicate: (value: number) => boolean,
): number | null {
  return distribution.n === 0 ? null : (100 * countWhere(distribution, predicate)) / distribution.n;
}

/** Arithmetic mean of the answers; null when n = 0. */
export function mean(distribution: ScaleDistribution): number | null {
  if (distribution.n === 0) return null;
  return distribution.buckets.reduce((sum, bucket) => sum + bucket.value * bucket.count, 0) / distribution.n;
}

function requireType<T extends ScaleQuestionType>(
  distribution: ScaleDistribution,
  allowed: readonly T[],
  metric: string,
): asserts distribution is ScaleDistribution & { type: T } {
  if (!(allowed as readonly ScaleQuestionType[]).includes(distribution.type)) {
    throw new SurveyRuleError(
      'INVALID_ARGUMENT',
      `${metric} is defined for ${allowed.join(', ')}, not ${distribution.type}`,
    );
  }
}

/** % of 4-5 answers on a 5-point scale (LIKERT_5 or CSAT_1_5); null when n = 0. */
export function favourability(distribution: ScaleDistribution): number | null {
  requireType(distribution, ['LIKERT_5', 'CSAT_1_5'] as const, 'Favourability');
  return shareOf(distribution, (value) => value >= 4);
}

/** CSAT: % of 4-5 ("satisfied" or "very satisfied") on a CSAT_1_5 question; null when n = 0. */
export function csat(distribution: ScaleDistribution): number | null {
  requireType(distribution, ['CSAT_1_5'] as const, 'CSAT');
  return shareOf(distribution, (value) => value >= 4);
}

/** CES: mean effort score on CES_1_7 (7 = very easy, higher is better); null when n = 0. */
export function cesMean(distribution: ScaleDistribution): number | null {
  requireType(distribution, ['CES_1_7'] as const, 'CES');
  return mean(distribution);
}

export interface NpsBreakdown {
  /** % promoters (9-10) minus % detractors (0-6), from -100 to 100. */
  readonly score: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** NPS / eNPS on NPS_0_10: % 9-10 minus % 0-6 (percentages 0-100); null when n = 0. */
export function nps(distribution: ScaleDistribution): NpsBreakdown | null {
  requireType(distribution, ['NPS_0_10'] as const, 'NPS');
  if (distribution.n === 0) return null;
  const promoters = countWhere(distribution, (value) => value >= 9);
  const detractors = countWhere(distribution, (value) => value <= 6);
  const pct = (count: number): number => (100 * count) / distribution.n;
  return {
    score: (100 * (promoters - detractors)) / distribution.n,
    promoters: pct(promoters),
    passives: pct(distribution.n - promoters - detractors),
    detractors: pct(detractors),
  };
}

interface ScaleScoreBase {
  readonly n: number;
  readonly mean: number | null;
  readonly distribution: readonly DistributionBucket[];
}

export type ScaleScore =
  | (ScaleScoreBase & {
      readonly type: 'LIKERT_5';
      /** % 4-5, % 3, % 1-2. */
      readonly favourable: number | null;
      readonly neutral: number | null;
      readonly unfavourable: number | null;
    })
  | (ScaleScoreBase & {
      readonly type: 'CSAT_1_5';
      /** % 4-5 (= favourability on this scale). */
      readonly csat: number | null;
      readonly dissatisfied: number | null;
    })
  | (ScaleScoreBase & {
      readonly type: 'CES_1_7';
      /** % 5-7 and % 1-3. */
      readonly easy: number | null;
      readonly difficult: number | null;
    })
  | (ScaleScoreBase & { readonly type: 'NPS_0_10'; readonly nps: NpsBreakdown | null });

/** All headline statistics of one scale question's distribution. */
export function scoreScale(distribution: ScaleDistribution): ScaleScore {
  const base: ScaleScoreBase = {
    n: distribution.n,
    mean: mean(distribution),
    distribution: distribution.buckets,
  };
  switch (distribution.type) {
    case 'LIKERT_5':
      return {
        ...base,
        type: 'LIKERT_5',
        favourable: shareOf(distribution, (value) => value >= 4),
        neutral: shareOf(distribution, (value) => value === 3),
        unfavourable: shareOf(distribution, (value) => value <= 2),
      };
    case 'CSAT_1_5':
      return {
        ...base,
        type: 'CSAT_1_5',
        csat: csat(distribution),
        dissatisfied: shareOf(distribution, (value) => value <= 2),
      };
    case 'CES_1_7':
      return {
        ...base,
        type: 'CES_1_7',
        easy: shareOf(distribution, (value) => value >= 5),
        difficult: shareOf(distribution, (value) => value <= 3),
      };
    case 'NPS_0_10':
      return { ...base, type: 'NPS_0_10', nps: nps(distribution) };
  }
}

export interface YesNoScore {
  readonly type: 'YES_NO';
  readonly n: number;
  readonly yesCount: number;
  readonly noCount: number;
  /** % yes (0-100); null when n = 0. */
  readonly yes: number | null;
}

/** Yes share from pre-aggregated counts. */
export function yesNoScore(counts: { readonly yes: CountInput; readonly no: CountInput }): YesNoScore {
  const yesCount = parseCount(counts.yes);
  const noCount = parseCount(counts.no);
  const n = yesCount + noCount;
  return { type: 'YES_NO', n, yesCount, noCount, yes: n === 0 ? null : (100 * yesCount) / n };
}

export interface ChoiceShare {
  readonly optionId: string;
  readonly count: number;
  /** % of respondents who answered the question and chose this option (multiple choice shares may sum past 100). */
  readonly share: number | null;
}

export interface ChoiceScore {
  readonly type: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE';
  /** Respondents who answered the question. */
  readonly n: number;
  /** Every option, in the question's order. */
  readonly options: readonly ChoiceShare[];
}

/**
 * Choice shares from counts per option. `respondents` (people who answered) is required for MULTIPLE_CHOICE and must
 * equal the sum of counts for SINGLE_CHOICE if given; unknown option ids are rejected.
 */
export function choiceScore(
  question: ChoiceQuestion,
  countsByOption: Readonly<Record<string, CountInput>>,
  respondents?: CountInput,
): ChoiceScore {
  const known = new Set(question.options.map((option) => option.id));
  for (const optionId of Object.keys(countsByOption)) {
    if (!known.has(optionId)) throw invalid(`Unknown option "${optionId}" for question "${question.id}"`);
  }
  const counts = question.options.map((option) => {
    const raw = countsByOption[option.id];
    return { optionId: option.id, count: raw === undefined ? 0 : parseCount(raw) };
  });
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  let n: number;
  if (question.type === 'SINGLE_CHOICE') {
    n = total;
    if (respondents !== undefined && parseCount(respondents) !== total) {
      throw invalid('For a single-choice question the respondent count must equal the sum of option counts');
    }
  } else {
    if (respondents === undefined) throw invalid('Multiple-choice shares need the number of respondents');
    n = parseCount(respondents);
    const maxPerRespondent = question.maxSelections ?? question.options.length;
    const minPerRespondent = Math.max(1, question.minSelections ?? 1);
    const inconsistent =
      counts.some((entry) => entry.count > n) || total > n * maxPerRespondent || total < n * minPerRespondent;
    if (inconsistent) throw invalid('Option counts are inconsistent with the number of respondents');
  }
  return {
    type: question.type,
    n,
    options: counts.map((entry) => ({ ...entry, share: n === 0 ? null : (100 * entry.count) / n })),
  };
}

export type QuestionScore =
  ScaleScore | YesNoScore | ChoiceScore | { readonly type: 'FREE_TEXT'; readonly n: number };

/** Scores one question from normalised answers (answers of other questions are ignored); the raw-values path. */
export function scoreAnswers(question: Question, answers: readonly NormalizedAnswer[]): QuestionScore {
  const mine = answers.filter((answer) => answer.questionId === question.id);
  for (const answer of mine) {
    if (answer.type !== question.type) {
      throw invalid(`Answer of type ${answer.type} given for ${question.type} question "${question.id}"`);
    }
  }
  const type: QuestionType = question.type;
  if (isScaleType(type)) {
    const values = mine.flatMap((answer) =>
      'value' in answer && typeof answer.value === 'number' ? [answer.value] : [],
    );
    return scoreScale(distributionFromValues(type, values));
  }
  switch (question.type) {
    case 'YES_NO': {
      const yes = mine.filter((answer) => answer.type === 'YES_NO' && answer.value).length;
      return yesNoScore({ yes, no: mine.length - yes });
    }
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const counts: Record<string, number> = {};
      for (const answer of mine) {
        const chosen =
          answer.type === 'SINGLE_CHOICE'
            ? [answer.optionId]
            : answer.type === 'MULTIPLE_CHOICE'
              ? answer.optionIds
              : [];
        for (const optionId of chosen) counts[optionId] = (counts[optionId] ?? 0) + 1;
      }
      return choiceScore(question, counts, mine.length);
    }
    case 'FREE_TEXT':
      return { type: 'FREE_TEXT', n: mine.length };
    default:
      throw invalid(`Unsupported question type for "${question.id}"`);
  }
}

export interface EngagementIndex {
  /** Mean of the items' favourability (each item weighs the same); null when no item has answers. */
  readonly index: number | null;
  /** Items that had at least one answer and therefore entered the mean. */
  readonly itemCount: number;
}

/** Engagement index: unweighted mean favourability over a set of 5-point items (items with n = 0 are skipped). */
export function engagementIndex(items: readonly ScaleDistribution[]): EngagementIndex {
  const scores: number[] = [];
  for (const item of items) {
    const score = favourability(item);
    if (score !== null) scores.push(score);
  }
  return {
    index: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
    itemCount: scores.length,
  };
}

/** One respondent's engagement score: % of their answered 5-point items that are 4-5; null if they answered none. */
export function respondentEngagement(values: readonly number[]): number | null {
  for (const value of values) assertScaleValue('LIKERT_5', value);
  if (values.length === 0) return null;
  return (100 * values.filter((value) => value >= 4).length) / values.length;
}
