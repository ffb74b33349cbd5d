import { SurveyRuleError } from './errors';

/** Every question type the engine knows. */
export const QUESTION_TYPES = [
  'LIKERT_5',
  'NPS_0_10',
  'CSAT_1_5',
  'CES_1_7',
  'YES_NO',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'FREE_TEXT',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Question types answered with an integer on a fixed scale. */
export const SCALE_QUESTION_TYPES = ['LIKERT_5', 'NPS_0_10', 'CSAT_1_5', 'CES_1_7'] as const;
export type ScaleQuestionType = (typeof SCALE_QUESTION_TYPES)[number];

export interface ScaleRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Inclusive integer range of each scale. Higher is always better:
 * LIKERT_5 1 = strongly disagree … 5 = strongly agree; CSAT_1_5 1 = very dissatisfied … 5 = very satisfied;
 * CES_1_7 1 = very difficult … 7 = very easy (agreement with "it was easy to get what I needed");
 * NPS_0_10 0 = not at all likely … 10 = extremely likely.
 */
export const SCALE_RANGES: Readonly<Record<ScaleQuestionType, ScaleRange>> = {
  LIKERT_5: { min: 1, max: 5 },
  NPS_0_10: { min: 0, max: 10 },
  CSAT_1_5: { min: 1, max: 5 },
  CES_1_7: { min: 1, max: 7 },
};

/** Text in both product languages. */
export interface LocalizedText {
  readonly en: string;
  readonly fr: string;
}

/** Labels of the two ends of each scale, for rendering. */
export const SCALE_ANCHORS: Readonly<
  Record<ScaleQuestionType, { readonly min: LocalizedText; readonly max: LocalizedText }>
> = {
  LIKERT_5: {
    min: { en: 'Strongly disagree', fr: 'Pas du tout d’accord' },
    max: { en: 'Strongly agree', fr: 'Tout à fait d’accord' },
  },
  NPS_0_10: {
    min: { en: 'Not at all likely', fr: 'Pas du tout probable' },
    max: { en: 'Extremely likely', fr: 'Très probable' },
  },
  CSAT_1_5: {
    min: { en: 'Very dissatisfied', fr: 'Très insatisfait·e' },
    max: { en: 'Very satisfied', fr: 'Très satisfait·e' },
  },
  CES_1_7: {
    min: { en: 'Very difficult', fr: 'Très difficile' },
    max: { en: 'Very easy', fr: 'Très facile' },
  },
};

/** The standard engagement drivers; organisations may add custom snake_case keys. */
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
/** A standard driver or a custom snake_case key (e.g. `psychological_safety`). */
export type DriverKey = StandardDriver | (string & Record<never, never>);

/** Fields shared by every question. */
export interface QuestionBase {
  readonly id: string;
  readonly required: boolean;
  readonly text: LocalizedText;
  readonly driver?: DriverKey;
}

export interface ScaleQuestion extends QuestionBase {
  readonly type: ScaleQuestionType;
}

export interface YesNoQuestion extends QuestionBase {
  readonly type: 'YES_NO';
}

export interface ChoiceOption {
  readonly id: string;
  readonly label: LocalizedText;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly type: 'SINGLE_CHOICE';
  readonly options: readonly ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly type: 'MULTIPLE_CHOICE';
  readonly options: readonly ChoiceOption[];
  /** Minimum selections when answered (default 1). */
  readonly minSelections?: number;
  /** Maximum selections (default: number of options). */
  readonly maxSelections?: number;
}

export interface FreeTextQuestion extends QuestionBase {
  readonly type: 'FREE_TEXT';
  /** Maximum length in Unicode code points, after trimming. */
  readonly maxLength: number;
}

export type ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion;
export type Question =
  ScaleQuestion | YesNoQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | FreeTextQuestion;

/** Upper bound accepted for a FREE_TEXT `maxLength`. */
export const MAX_FREE_TEXT_LENGTH = 10_000;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const CUSTOM_DRIVER_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** True for the integer-scale question types. */
export function isScaleType(type: QuestionType): type is ScaleQuestionType {
  return (SCALE_QUESTION_TYPES as readonly string[]).includes(type);
}

/** True when `value` is one of the known question type names. */
export function isQuestionType(value: unknown): value is QuestionType {
  return typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);
}

/** True for the choice question types (which carry options). */
export function isChoiceQuestion(question: Question): question is ChoiceQuestion {
  return question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE';
}

/** The scale values of a scale type, ascending (e.g. 0..10 for NPS). */
export function scaleValues(type: ScaleQuestionType): number[] {
  const { min, max } = SCALE_RANGES[type];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** True for a standard driver or a well-formed custom driver key. */
export function isValidDriverKey(value: unknown): value is DriverKey {
  return typeof value === 'string' && CUSTOM_DRIVER_PATTERN.test(value);
}

/** Effective [min, max] selections of a multiple-choice question once answered. */
export function selectionBounds(question: MultipleChoiceQuestion): { min: number; max: number } {
  return { min: question.minSelections ?? 1, max: question.maxSelections ?? question.options.length };
}

function isNonEmptyText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return isNonEmptyText(record['en']) && isNonEmptyText(record['fr']);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Lists what is wrong with one question definition (empty list = valid); checks runtime shape too. */
export function questionDefinitionProblems(question: Question): string[] {
  const problems: string[] = [];
  const raw = question as unknown as Record<string, unknown>;
  if (typeof raw['id'] !== 'string' || !ID_PATTERN.test(raw['id'])) {
    problems.push('id must be 1-64 characters of letters, digits, "_", "." or "-"');
  }
  if (!isQuestionType(raw['type'])) {
    problems.push(`unknown question type ${JSON.stringify(raw['type'])}`);
    return problems;
  }
  if (typeof raw['required'] !== 'boolean') problems.push('required must be a boolean');
  if (!isLocalizedText(raw['text'])) problems.push('text must have non-empty en and fr');
  if (raw['driver'] !== undefined && !isValidDriverKey(raw['driver'])) {
    problems.push('driver must be a snake_case key');
  }
  const hasOptions = raw['options'] !== undefined;
  if (question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE') {
    const options: unknown = raw['options'];
    if (!Array.isArray(options) || options.length < 2) {
      problems.push('choice questions need at least 2 options');
    } else {
      const seen = new Set<string>();
      for (const option of options as unknown[]) {
        const o = (typeof option === 'object' && option !== null ? option : {}) as Record<string, unknown>;
        const id = o['id'];
        if (typeof id !== 'string' || !ID_PATTERN.test(id)) problems.push('option id is malformed');
        else if (seen.has(id)) problems.push(`duplicate option id "${id}"`);
        else seen.add(id);
        if (!isLocalizedText(o['label']))
          problems.push(`option ${JSON.stringify(id)} needs non-empty en and fr labels`);
      }
    }
    if (question.type === 'MULTIPLE_CHOICE' && Array.isArray(options)) {
      const { minSelections, maxSelections } = question;
      if (minSelections !== undefined && !isNonNegativeInteger(minSelections)) {
        problems.push('minSelections must be a non-negative integer');
      }
      if (maxSelections !== undefined && (!isNonNegativeInteger(maxSelections) || maxSelections < 1)) {
        problems.push('maxSelections must be a positive integer');
      }
      const { min, max } = selectionBounds(question);
      if (isNonNegativeInteger(min) && isNonNegativeInteger(max) && (min > max || max > options.length)) {
        problems.push('selection bounds must satisfy minSelections <= maxSelections <= number of options');
      }
    }
  } else if (hasOptions) {
    problems.push(`${question.type} questions cannot have options`);
  }
  if (question.type === 'FREE_TEXT') {
    const maxLength: unknown = raw['maxLength'];
    if (!isNonNegativeInteger(maxLength) || maxLength < 1 || maxLength > MAX_FREE_TEXT_LENGTH) {
      problems.push(`maxLength must be an integer between 1 and ${MAX_FREE_TEXT_LENGTH}`);
    }
  }
  return problems;
}

/** Throws SurveyRuleError (INVALID_QUESTION / DUPLICATE_QUESTION_ID) unless every question is well-formed and ids are unique. */
export function assertValidQuestions(questions: readonly Question[]): void {
  const seen = new Set<string>();
  for (const question of questions) {
    const problems = questionDefinitionProblems(question);
    if (problems.length > 0) {
      throw new SurveyRuleError(
        'INVALID_QUESTION',
        `Question ${JSON.stringify(question.id)}: ${problems.join('; ')}`,
        {
          questionId: question.id,
          problems,
        },
      );
    }
    if (seen.has(question.id)) {
      throw new SurveyRuleError('DUPLICATE_QUESTION_ID', `Question id "${question.id}" is used twice`, {
        questionId: question.id,
      });
    }
    seen.add(question.id);
  }
}
