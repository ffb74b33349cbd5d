import {
  assertValidQuestions,
  FreeTextQuestion,
  MultipleChoiceQuestion,
  Question,
  ScaleQuestion,
  ScaleQuestionType,
  SCALE_RANGES,
  selectionBounds,
  SingleChoiceQuestion,
} from './question-types';

export type AnswerErrorCode =
  | 'REQUIRED'
  | 'OUT_OF_RANGE'
  | 'WRONG_TYPE'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_OPTION'
  | 'TOO_LONG'
  | 'TOO_MANY_SELECTIONS'
  | 'TOO_FEW_SELECTIONS'
  | 'DUPLICATE';

export interface AnswerError {
  readonly questionId: string;
  readonly code: AnswerErrorCode;
  readonly message: string;
}

/** One answer as received from a client; `value` is untrusted. null/undefined means "not answered". */
export interface RawAnswer {
  readonly questionId: string;
  readonly value: unknown;
}

export type NormalizedAnswer =
  | { readonly questionId: string; readonly type: ScaleQuestionType; readonly value: number }
  | { readonly questionId: string; readonly type: 'YES_NO'; readonly value: boolean }
  | { readonly questionId: string; readonly type: 'SINGLE_CHOICE'; readonly optionId: string }
  | { readonly questionId: string; readonly type: 'MULTIPLE_CHOICE'; readonly optionIds: readonly string[] }
  | { readonly questionId: string; readonly type: 'FREE_TEXT'; readonly text: string };

export type AnswerSetResult =
  | { readonly ok: true; readonly answers: readonly NormalizedAnswer[] }
  | { readonly ok: false; readonly errors: readonly AnswerError[] };

type Check =
  { kind: 'answer'; answer: NormalizedAnswer } | { kind: 'empty' } | { kind: 'error'; error: AnswerError };

const empty: Check = { kind: 'empty' };

function fail(questionId: string, code: AnswerErrorCode, message: string): Check {
  return { kind: 'error', error: { questionId, code, message } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'number' ? `the number ${value}` : `a ${typeof value}`;
}

// C0 control characters other than tab and newline (PostgreSQL text also rejects NUL).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Canonical form of a free-text answer: NFC, LF line endings, control characters removed, trimmed. */
export function normalizeFreeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** Length of a string in Unicode code points (what FREE_TEXT maxLength counts). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

function checkScale(question: ScaleQuestion, value: unknown): Check {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    return fail(question.id, 'WRONG_TYPE', `Expected an integer, got ${describe(value)}`);
  }
  const { min, max } = SCALE_RANGES[question.type];
  if (value < min || value > max) {
    return fail(question.id, 'OUT_OF_RANGE', `Expected an integer from ${min} to ${max}, got ${value}`);
  }
  return {
    kind: 'answer',
    answer: { questionId: question.id, type: question.type, value: value === 0 ? 0 : value },
  };
}

function checkSingleChoice(question: SingleChoiceQuestion, value: unknown): Check {
  if (typeof value !== 'string') {
    return fail(question.id, 'WRONG_TYPE', `Expected an option id, got ${describe(value)}`);
  }
  if (!question.options.some((option) => option.id === value)) {
    return fail(question.id, 'UNKNOWN_OPTION', `Unknown option ${JSON.stringify(value)}`);
  }
  return { kind: 'answer', answer: { questionId: question.id, type: 'SINGLE_CHOICE', optionId: value } };
}

function checkMultipleChoice(question: MultipleChoiceQuestion, value: unknown): Check {
  if (!Array.isArray(value)) {
    return fail(question.id, 'WRONG_TYPE', `Expected a list of option ids, got ${describe(value)}`);
  }
  const selections: unknown[] = value;
  if (selections.length === 0) return empty;
  const notStrings = selections.filter((item) => typeof item !== 'string');
  if (notStrings.length > 0) {
    return fail(question.id, 'WRONG_TYPE', `Expected option ids, got ${describe(notStrings[0])}`);
  }
  const ids = selections as string[];
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) {
    return fail(
      question.id,
      'DUPLICATE',
      `Option ${JSON.stringify(duplicates[0])} is selected more than once`,
    );
  }
  const known = new Set(question.options.map((option) => option.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return fail(
      question.id,
      'UNKNOWN_OPTION',
      `Unknown option(s) ${unknown.map((id) => JSON.stringify(id)).join(', ')}`,
    );
  }
  const { min, max } = selectionBounds(question);
  if (ids.length > max) {
    return fail(question.id, 'TOO_MANY_SELECTIONS', `At most ${max} selection(s) allowed, got ${ids.length}`);
  }
  if (ids.length < min) {
    return fail(
      question.id,
      'TOO_FEW_SELECTIONS',
      `At least ${min} selection(s) required, got ${ids.length}`,
    );
  }
  const chosen = new Set(ids);
  const optionIds = question.options.filter((option) => chosen.has(option.id)).map((option) => option.id);
  return { kind: 'answer', answer: { questionId: question.id, type: 'MULTIPLE_CHOICE', optionIds } };
}

function checkFreeText(question: FreeTextQuestion, value: unknown): Check {
  if (typeof value !== 'string') {
    return fail(question.id, 'WRONG_TYPE', `Expected text, got ${describe(value)}`);
  }
  const text = normalizeFreeText(value);
  if (text.length === 0) return empty;
  const length = codePointLength(text);
  if (length > question.maxLength) {
    return fail(question.id, 'TOO_LONG', `At most ${question.maxLength} characters allowed, got ${length}`);
  }
  return { kind: 'answer', answer: { questionId: question.id, type: 'FREE_TEXT', text } };
}

function checkValue(question: Question, value: unknown): Check {
  if (value === undefined || value === null) return empty;
  switch (question.type) {
    case 'LIKERT_5':
    case 'NPS_0_10':
    case 'CSAT_1_5':
    case 'CES_1_7':
      return checkScale(question, value);
    case 'YES_NO':
      if (typeof value !== 'boolean') {
        return fail(question.id, 'WRONG_TYPE', `Expected true or false, got ${describe(value)}`);
      }
      return { kind: 'answer', answer: { questionId: question.id, type: 'YES_NO', value } };
    case 'SINGLE_CHOICE':
      return checkSingleChoice(question, value);
    case 'MULTIPLE_CHOICE':
      return checkMultipleChoice(question, value);
    case 'FREE_TEXT':
      return checkFreeText(question, value);
  }
}

/**
 * Validates a whole answer set against the survey's questions: either every answer is valid (normalised answers, in
 * question order, unanswered optional questions omitted) or nothing is (one error per faulty question, question order
 * first, then unknown question ids in input order). Throws SurveyRuleError if the question definitions are malformed.
 */
export function validateAnswerSet(
  questions: readonly Question[],
  answers: readonly RawAnswer[],
): AnswerSetResult {
  assertValidQuestions(questions);
  const byQuestion = new Map<string, unknown[]>();
  const unknownErrors: AnswerError[] = [];
  const reportedUnknown = new Set<string>();
  const questionIds = new Set(questions.map((question) => question.id));
  for (const answer of answers) {
    const rawId: unknown = (answer as unknown as Record<string, unknown> | null)?.['questionId'];
    const questionId = typeof rawId === 'string' ? rawId : String(rawId);
    if (typeof rawId !== 'string' || !questionIds.has(rawId)) {
      if (!reportedUnknown.has(questionId)) {
        reportedUnknown.add(questionId);
        unknownErrors.push({
          questionId,
          code: 'UNKNOWN_QUESTION',
          message: `Unknown question ${JSON.stringify(rawId)}`,
        });
      }
      continue;
    }
    const values = byQuestion.get(questionId) ?? [];
    values.push(answer.value);
    byQuestion.set(questionId, values);
  }

  const errors: AnswerError[] = [];
  const normalized: NormalizedAnswer[] = [];
  for (const question of questions) {
    const values = byQuestion.get(question.id) ?? [];
    if (values.length > 1) {
      errors.push({
        questionId: question.id,
        code: 'DUPLICATE',
        message: `Question answered ${values.length} times in the same answer set`,
      });
      continue;
    }
    const check = checkValue(question, values[0]);
    if (check.kind === 'error') errors.push(check.error);
    else if (check.kind === 'answer') normalized.push(check.answer);
    else if (question.required) {
      errors.push({ questionId: question.id, code: 'REQUIRED', message: 'An answer is required' });
    }
  }
  errors.push(...unknownErrors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: normalized };
}
