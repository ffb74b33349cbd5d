import type { QuestionType, SurveyResultsQuery } from '../../../gql/graphql';

export type SurveyResults = SurveyResultsQuery['surveyResults'];
export type QuestionResult = SurveyResults['questions'][number];
export type ResultSlice = SurveyResults['slices'][number];
export type HeatmapData = SurveyResults['heatmap'];

/** The engagement drivers the shipped templates measure; organisations may add their own keys. */
export const STANDARD_DRIVERS = [
  'autonomy',
  'recognition',
  'growth',
  'fairness_of_pay',
  'relationship_with_manager',
  'support_received',
  'workload',
] as const;
export type StandardDriver = (typeof STANDARD_DRIVERS)[number];

export function isStandardDriver(key: string): key is StandardDriver {
  return (STANDARD_DRIVERS as readonly string[]).includes(key);
}

/** A custom driver key as words: `psychological_safety` → "Psychological safety". */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TENURE_BUCKETS = ['<1y', '1-2y', '2-5y', '5y+'] as const;
export type TenureBucket = (typeof TENURE_BUCKETS)[number];

export function isTenureBucket(value: string | null): value is TenureBucket {
  return value !== null && (TENURE_BUCKETS as readonly string[]).includes(value);
}

/** Colour family of a score on the heatmaps: red (low) to green (high). NPS runs from −100 to 100. */
export type ScoreTone = 'red' | 'orange' | 'yellow' | 'lime' | 'green';

export function scoreTone(score: number, isNps: boolean): ScoreTone {
  // NPS −100..100 is brought onto the 0..100 scale of the other scores.
  const value = isNps ? (score + 100) / 2 : score;
  if (value < 40) return 'red';
  if (value < 55) return 'orange';
  if (value < 65) return 'yellow';
  if (value < 75) return 'lime';
  return 'green';
}

export const SCORE_TONES: readonly ScoreTone[] = ['red', 'orange', 'yellow', 'lime', 'green'];

/** What a question's headline figure is (a share in %, or an NPS from −100 to 100). */
export type HeadlineMetric = 'favourable' | 'csat' | 'easy' | 'nps' | 'yes';

const HEADLINE_OF_TYPE: Partial<Record<QuestionType, HeadlineMetric>> = {
  LIKERT_5: 'favourable',
  CSAT_1_5: 'csat',
  CES_1_7: 'easy',
  NPS_0_10: 'nps',
  YES_NO: 'yes',
};

export function headlineMetric(type: QuestionType): HeadlineMetric | null {
  return HEADLINE_OF_TYPE[type] ?? null;
}

export function headlineValue(result: QuestionResult): number | null {
  const metric = headlineMetric(result.type);
  return metric ? result[metric] : null;
}

/** The eNPS question of a wave: `enps` when present, else its first NPS question. */
export function enpsResult(questions: readonly QuestionResult[]): QuestionResult | null {
  return (
    questions.find((question) => question.questionId === 'enps' && question.type === 'NPS_0_10') ??
    questions.find((question) => question.type === 'NPS_0_10') ??
    null
  );
}

/** Waves that can be picked, newest first: the trend's waves and the one shown. */
export function waveNumbers(current: number, trend: readonly { waveNumber: number }[]): number[] {
  return [...new Set([current, ...trend.map((point) => point.waveNumber)])].sort((a, b) => b - a);
}

/** Heatmap cells by row and column. */
export function heatmapLookup(heatmap: HeatmapData): Map<string, HeatmapData['cells'][number]> {
  return new Map(heatmap.cells.map((cell) => [`${cell.sliceId}\u0000${cell.column}`, cell]));
}

export function heatmapKey(sliceId: string, column: string): string {
  return `${sliceId}\u0000${column}`;
}

/** Whether a trend is worth drawing: at least two waves with figures. */
export function hasTrend(trend: readonly { shown: boolean }[]): boolean {
  return trend.filter((point) => point.shown).length >= 2;
}
