import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { AnswerInput, QuestionType } from '../../../gql/graphql';

/** What the answer form needs to know of a question. */
export interface AnswerableQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  maxLength: number | null;
  minSelections: number | null;
  maxSelections: number | null;
  options: readonly { id: string }[] | null;
}

/**
 * The form's value of one question: a scale value or a single choice as a string ("4", "about_right"),
 * "yes"/"no", several choices, or free text. Absent when not answered.
 */
export type AnswerValue = string | string[];
export type AnswerValues = Readonly<Record<string, AnswerValue | undefined>>;

/** The engine's problem codes (libs/surveys answer-validation), as the API reports them per question. */
export type AnswerProblemCode =
  | 'REQUIRED'
  | 'OUT_OF_RANGE'
  | 'WRONG_TYPE'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_OPTION'
  | 'TOO_LONG'
  | 'TOO_MANY_SELECTIONS'
  | 'TOO_FEW_SELECTIONS'
  | 'DUPLICATE';

export type AnswerProblems = Readonly<Record<string, AnswerProblemCode>>;

const PROBLEM_CODES: ReadonlySet<string> = new Set<AnswerProblemCode>([
  'REQUIRED',
  'OUT_OF_RANGE',
  'WRONG_TYPE',
  'UNKNOWN_QUESTION',
  'UNKNOWN_OPTION',
  'TOO_LONG',
  'TOO_MANY_SELECTIONS',
  'TOO_FEW_SELECTIONS',
  'DUPLICATE',
]);

const SCALE_TYPES: ReadonlySet<QuestionType> = new Set(['LIKERT_5', 'CSAT_1_5', 'CES_1_7', 'NPS_0_10']);

export function isScaleType(type: QuestionType): boolean {
  return SCALE_TYPES.has(type);
}

/** Length in Unicode code points, as the API counts it (after trimming). */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

function isAnswered(question: AnswerableQuestion, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return question.type === 'FREE_TEXT' ? value.trim() !== '' : value !== '';
}

/** Answers as the API takes them; unanswered (optional) questions are left out. */
export function toAnswerInputs(
  questions: readonly AnswerableQuestion[],
  values: AnswerValues,
): AnswerInput[] {
  const answers: AnswerInput[] = [];
  for (const question of questions) {
    const value = values[question.id];
    if (value === undefined || !isAnswered(question, value)) continue;
    const questionId = question.id;
    if (isScaleType(question.type) && typeof value === 'string') {
      answers.push({ questionId, value: Number(value) });
    } else if (question.type === 'YES_NO' && typeof value === 'string') {
      answers.push({ questionId, yes: value === 'yes' });
    } else if (question.type === 'SINGLE_CHOICE' && typeof value === 'string') {
      answers.push({ questionId, optionIds: [value] });
    } else if (question.type === 'MULTIPLE_CHOICE' && Array.isArray(value)) {
      answers.push({ questionId, optionIds: [...value] });
    } else if (question.type === 'FREE_TEXT' && typeof value === 'string') {
      answers.push({ questionId, text: value.trim() });
    }
  }
  return answers;
}

/** What can be checked before sending (the API checks everything again). */
export function checkAnswers(questions: readonly AnswerableQuestion[], values: AnswerValues): AnswerProblems {
  const problems: Record<string, AnswerProblemCode> = {};
  for (const question of questions) {
    const value = values[question.id];
    if (!isAnswered(question, value)) {
      if (question.required) problems[question.id] = 'REQUIRED';
      continue;
    }
    if (question.type === 'FREE_TEXT' && typeof value === 'string' && question.maxLength !== null) {
      if (textLength(value) > question.maxLength) problems[question.id] = 'TOO_LONG';
    }
    if (question.type === 'MULTIPLE_CHOICE' && Array.isArray(value)) {
      if (value.length < (question.minSelections ?? 1)) problems[question.id] = 'TOO_FEW_SELECTIONS';
      else if (question.maxSelections !== null && value.length > question.maxSelections)
        problems[question.id] = 'TOO_MANY_SELECTIONS';
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The per-question problems of a refused submission (`extensions.problems` of a BAD_USER_INPUT error),
 * or null when the error is not about the answers. The first problem of a question wins.
 */
export function answerProblemsFromError(error: unknown): AnswerProblems | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const problems: Record<string, AnswerProblemCode> = {};
  for (const graphQLError of error.errors) {
    const extensions = graphQLError.extensions ?? {};
    if (extensions['code'] !== 'BAD_USER_INPUT') continue;
    const listed = extensions['problems'];
    if (Array.isArray(listed)) {
      for (const problem of listed) {
        if (!isRecord(problem) || typeof problem['questionId'] !== 'string') continue;
        const code =
          typeof problem['code'] === 'string' && PROBLEM_CODES.has(problem['code'])
            ? problem['code']
            : 'WRONG_TYPE';
        problems[problem['questionId']] ??= code as AnswerProblemCode;
      }
    }
    const field = extensions['field'];
    const prefix = 'input.answers.';
    if (typeof field === 'string' && field.startsWith(prefix))
      problems[field.slice(prefix.length)] ??= 'WRONG_TYPE';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
