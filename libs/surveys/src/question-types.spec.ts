import { isSurveyRuleError } from './errors';
import {
  assertValidQuestions,
  isChoiceQuestion,
  isQuestionType,
  isScaleType,
  isValidDriverKey,
  MAX_FREE_TEXT_LENGTH,
  Question,
  questionDefinitionProblems,
  QUESTION_TYPES,
  SCALE_ANCHORS,
  SCALE_QUESTION_TYPES,
  SCALE_RANGES,
  scaleValues,
  selectionBounds,
  STANDARD_DRIVERS,
} from './question-types';

const text = { en: 'Question?', fr: 'Question ?' };
const options = [
  { id: 'a', label: { en: 'A', fr: 'A' } },
  { id: 'b', label: { en: 'B', fr: 'B' } },
  { id: 'c', label: { en: 'C', fr: 'C' } },
];

function broken(question: unknown): Question {
  return question as Question;
}

describe('question types', () => {
  it('lists the eight question types, four of them scales', () => {
    expect(QUESTION_TYPES).toEqual([
      'LIKERT_5',
      'NPS_0_10',
      'CSAT_1_5',
      'CES_1_7',
      'YES_NO',
      'SINGLE_CHOICE',
      'MULTIPLE_CHOICE',
      'FREE_TEXT',
    ]);
    expect(SCALE_QUESTION_TYPES).toEqual(['LIKERT_5', 'NPS_0_10', 'CSAT_1_5', 'CES_1_7']);
  });

  it('defines the scale ranges', () => {
    expect(SCALE_RANGES).toEqual({
      LIKERT_5: { min: 1, max: 5 },
      NPS_0_10: { min: 0, max: 10 },
      CSAT_1_5: { min: 1, max: 5 },
      CES_1_7: { min: 1, max: 7 },
    });
  });

  it('lists every scale value', () => {
    expect(scaleValues('LIKERT_5')).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues('NPS_0_10')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues('CSAT_1_5')).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues('CES_1_7')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has bilingual anchors for every scale', () => {
    for (const type of SCALE_QUESTION_TYPES) {
      for (const anchor of [SCALE_ANCHORS[type].min, SCALE_ANCHORS[type].max]) {
        expect(anchor.en.length).toBeGreaterThan(0);
        expect(anchor.fr.length).toBeGreaterThan(0);
      }
    }
  });

  it('recognises scale and choice types', () => {
    expect(isScaleType('LIKERT_5')).toBe(true);
    expect(isScaleType('CES_1_7')).toBe(true);
    expect(isScaleType('YES_NO')).toBe(false);
    expect(isScaleType('FREE_TEXT')).toBe(false);
    expect(isQuestionType('NPS_0_10')).toBe(true);
    expect(isQuestionType('NPS')).toBe(false);
    expect(isQuestionType(3)).toBe(false);
    expect(isChoiceQuestion({ id: 'q', type: 'SINGLE_CHOICE', required: true, text, options })).toBe(true);
    expect(isChoiceQuestion({ id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options })).toBe(true);
    expect(isChoiceQuestion({ id: 'q', type: 'YES_NO', required: true, text })).toBe(false);
  });
});

describe('drivers', () => {
  it('lists the seven standard drivers', () => {
    expect(STANDARD_DRIVERS).toEqual([
      'autonomy',
      'recognition',
      'growth',
      'fairness_of_pay',
      'relationship_with_manager',
      'support_received',
      'workload',
    ]);
  });

  it('accepts standard drivers and custom snake_case keys only', () => {
    for (const driver of STANDARD_DRIVERS) expect(isValidDriverKey(driver)).toBe(true);
    expect(isValidDriverKey('psychological_safety')).toBe(true);
    expect(isValidDriverKey('Workload')).toBe(false);
    expect(isValidDriverKey('work load')).toBe(false);
    expect(isValidDriverKey('')).toBe(false);
    expect(isValidDriverKey('_x')).toBe(false);
    expect(isValidDriverKey('x'.repeat(65))).toBe(false);
    expect(isValidDriverKey(1)).toBe(false);
  });
});

describe('selectionBounds', () => {
  it('defaults to at least 1 and at most every option', () => {
    expect(selectionBounds({ id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options })).toEqual({
      min: 1,
      max: 3,
    });
  });

  it('uses the configured bounds', () => {
    expect(
      selectionBounds({
        id: 'q',
        type: 'MULTIPLE_CHOICE',
        required: true,
        text,
        options,
        minSelections: 2,
        maxSelections: 2,
      }),
    ).toEqual({ min: 2, max: 2 });
  });
});

describe('question definitions', () => {
  const valid: Question[] = [
    { id: 'likert', type: 'LIKERT_5', required: true, text, driver: 'autonomy' },
    { id: 'nps', type: 'NPS_0_10', required: true, text },
    { id: 'csat', type: 'CSAT_1_5', required: false, text },
    { id: 'ces', type: 'CES_1_7', required: false, text, driver: 'custom_driver' },
    { id: 'yes-no', type: 'YES_NO', required: false, text },
    { id: 'single', type: 'SINGLE_CHOICE', required: true, text, options },
    {
      id: 'multi',
      type: 'MULTIPLE_CHOICE',
      required: false,
      text,
      options,
      minSelections: 1,
      maxSelections: 2,
    },
    { id: 'text.1', type: 'FREE_TEXT', required: false, text, maxLength: 500 },
  ];

  it('accepts a valid question of every type', () => {
    for (const question of valid) expect(questionDefinitionProblems(question)).toEqual([]);
    expect(() => assertValidQuestions(valid)).not.toThrow();
  });

  it.each([
    ['empty id', { id: '', type: 'YES_NO', required: true, text }, 'id must be'],
    ['id with spaces', { id: 'a b', type: 'YES_NO', required: true, text }, 'id must be'],
    ['id too long', { id: 'x'.repeat(65), type: 'YES_NO', required: true, text }, 'id must be'],
    ['unknown type', { id: 'q', type: 'STARS', required: true, text }, 'unknown question type'],
    [
      'required not boolean',
      { id: 'q', type: 'YES_NO', required: 'yes', text },
      'required must be a boolean',
    ],
    [
      'missing French',
      { id: 'q', type: 'YES_NO', required: true, text: { en: 'Q?', fr: ' ' } },
      'non-empty en and fr',
    ],
    ['missing text', { id: 'q', type: 'YES_NO', required: true }, 'non-empty en and fr'],
    [
      'bad driver',
      { id: 'q', type: 'LIKERT_5', required: true, text, driver: 'Work Load' },
      'driver must be',
    ],
    [
      'one option',
      { id: 'q', type: 'SINGLE_CHOICE', required: true, text, options: [options[0]] },
      'at least 2 options',
    ],
    ['no options', { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text }, 'at least 2 options'],
    [
      'duplicate option',
      { id: 'q', type: 'SINGLE_CHOICE', required: true, text, options: [options[0], options[0]] },
      'duplicate option id',
    ],
    [
      'option without French label',
      {
        id: 'q',
        type: 'SINGLE_CHOICE',
        required: true,
        text,
        options: [options[0], { id: 'z', label: { en: 'Z', fr: '' } }],
      },
      'labels',
    ],
    [
      'malformed option id',
      {
        id: 'q',
        type: 'SINGLE_CHOICE',
        required: true,
        text,
        options: [options[0], { id: '', label: text }],
      },
      'option id is malformed',
    ],
    [
      'options on a scale',
      { id: 'q', type: 'LIKERT_5', required: true, text, options },
      'cannot have options',
    ],
    [
      'min > max',
      { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options, minSelections: 3, maxSelections: 2 },
      'selection bounds',
    ],
    [
      'max > options',
      { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options, maxSelections: 4 },
      'selection bounds',
    ],
    [
      'fractional min',
      { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options, minSelections: 1.5 },
      'minSelections must be',
    ],
    [
      'zero max',
      { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options, maxSelections: 0 },
      'maxSelections must be',
    ],
    ['no maxLength', { id: 'q', type: 'FREE_TEXT', required: true, text }, 'maxLength must be'],
    [
      'zero maxLength',
      { id: 'q', type: 'FREE_TEXT', required: true, text, maxLength: 0 },
      'maxLength must be',
    ],
    [
      'huge maxLength',
      { id: 'q', type: 'FREE_TEXT', required: true, text, maxLength: MAX_FREE_TEXT_LENGTH + 1 },
      'maxLength must be',
    ],
  ])('reports %s', (_, question, problem) => {
    const problems = questionDefinitionProblems(broken(question));
    expect(problems.join(' | ')).toContain(problem);
    try {
      assertValidQuestions([broken(question)]);
      throw new Error('expected a SurveyRuleError');
    } catch (error) {
      expect(isSurveyRuleError(error, 'INVALID_QUESTION')).toBe(true);
    }
  });

  it('refuses duplicate question ids', () => {
    try {
      assertValidQuestions([valid[0], { ...valid[1], id: valid[0].id }]);
      throw new Error('expected a SurveyRuleError');
    } catch (error) {
      expect(isSurveyRuleError(error, 'DUPLICATE_QUESTION_ID')).toBe(true);
    }
  });

  it('accepts an empty question list', () => {
    expect(() => assertValidQuestions([])).not.toThrow();
  });
});
