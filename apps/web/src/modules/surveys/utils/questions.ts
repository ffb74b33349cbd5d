import type {
  QuestionType,
  SurveyQuestionInput,
  SurveyQuestionWithOptionsFragment,
} from '../../../gql/graphql';

export type SurveyQuestion = SurveyQuestionWithOptionsFragment;

/** Every question type, in the order the builder offers them. */
export const QUESTION_TYPES: readonly QuestionType[] = [
  'LIKERT_5',
  'NPS_0_10',
  'CSAT_1_5',
  'CES_1_7',
  'YES_NO',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'FREE_TEXT',
];

export const DEFAULT_FREE_TEXT_LENGTH = 2000;

/** A question as read, as `updateSurvey` takes it back. */
export function toQuestionInput(question: SurveyQuestion): SurveyQuestionInput {
  return {
    id: question.id,
    type: question.type,
    required: question.required,
    text: { en: question.text.en, fr: question.text.fr },
    driver: question.driver,
    maxLength: question.maxLength,
    minSelections: question.minSelections,
    maxSelections: question.maxSelections,
    options: question.options?.map((option) => ({
      id: option.id,
      label: { en: option.label.en, fr: option.label.fr },
    })),
  };
}

/** The list with one item moved from `from` to `to` (indexes out of range leave it as is). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** A question id not used yet: `q1`, `q2`… (ids are letters, digits, `_ . -`). */
export function nextQuestionId(existing: readonly { id: string }[], prefix = 'q'): string {
  const used = new Set(existing.map((question) => question.id));
  for (let n = existing.length + 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) return id;
  }
}

/** Choice options from "English | Français" lines (French optional: the English is used). */
export function parseOptionLines(text: string): { id: string; label: { en: string; fr: string } }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => {
      const [en = '', fr = ''] = line.split('|').map((part) => part.trim());
      return { id: `o${index + 1}`, label: { en, fr: fr || en } };
    });
}
