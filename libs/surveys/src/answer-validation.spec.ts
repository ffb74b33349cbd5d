import fc from 'fast-check';
import { codePointLength, normalizeFreeText, RawAnswer, validateAnswerSet } from './answer-validation';
import { isSurveyRuleError } from './errors';
import { Question } from './question-types';

const text = { en: 'Q?', fr: 'Q ?' };
const options = [
  { id: 'a', label: { en: 'A', fr: 'A' } },
  { id: 'b', label: { en: 'B', fr: 'B' } },
  { id: 'c', label: { en: 'C', fr: 'C' } },
  { id: 'd', label: { en: 'D', fr: 'D' } },
];

const likert: Question = { id: 'likert', type: 'LIKERT_5', required: true, text };
const nps: Question = { id: 'nps', type: 'NPS_0_10', required: true, text };
const csat: Question = { id: 'csat', type: 'CSAT_1_5', required: false, text };
const ces: Question = { id: 'ces', type: 'CES_1_7', required: false, text };
const yesNo: Question = { id: 'yesno', type: 'YES_NO', required: false, text };
const single: Question = { id: 'single', type: 'SINGLE_CHOICE', required: false, text, options };
const multi: Question = {
  id: 'multi',
  type: 'MULTIPLE_CHOICE',
  required: false,
  text,
  options,
  minSelections: 2,
  maxSelections: 3,
};
const comment: Question = { id: 'comment', type: 'FREE_TEXT', required: false, text, maxLength: 10 };
const all = [likert, nps, csat, ces, yesNo, single, multi, comment];

function answers(values: Record<string, unknown>): RawAnswer[] {
  return Object.entries(values).map(([questionId, value]) => ({ questionId, value }));
}

function errorsOf(questions: readonly Question[], raw: RawAnswer[]): Array<[string, string]> {
  const result = validateAnswerSet(questions, raw);
  return result.ok ? [] : result.errors.map((error) => [error.questionId, error.code]);
}

describe('validateAnswerSet — valid sets', () => {
  it('normalises a complete answer set, in question order', () => {
    const result = validateAnswerSet(
      all,
      answers({
        comment: '  Merci  ',
        multi: ['c', 'a'],
        single: 'b',
        yesno: false,
        ces: 7,
        csat: 1,
        nps: 0,
        likert: 5,
      }),
    );
    expect(result).toEqual({
      ok: true,
      answers: [
        { questionId: 'likert', type: 'LIKERT_5', value: 5 },
        { questionId: 'nps', type: 'NPS_0_10', value: 0 },
        { questionId: 'csat', type: 'CSAT_1_5', value: 1 },
        { questionId: 'ces', type: 'CES_1_7', value: 7 },
        { questionId: 'yesno', type: 'YES_NO', value: false },
        { questionId: 'single', type: 'SINGLE_CHOICE', optionId: 'b' },
        { questionId: 'multi', type: 'MULTIPLE_CHOICE', optionIds: ['a', 'c'] },
        { questionId: 'comment', type: 'FREE_TEXT', text: 'Merci' },
      ],
    });
  });

  it('omits optional questions left unanswered (missing, null, empty text, empty selection)', () => {
    const result = validateAnswerSet(
      all,
      answers({ likert: 3, nps: 9, csat: null, comment: '   ', multi: [] }),
    );
    expect(result).toEqual({
      ok: true,
      answers: [
        { questionId: 'likert', type: 'LIKERT_5', value: 3 },
        { questionId: 'nps', type: 'NPS_0_10', value: 9 },
      ],
    });
  });

  it('accepts every value of every scale, bounds included', () => {
    for (const [question, min, max] of [
      [likert, 1, 5],
      [nps, 0, 10],
      [csat, 1, 5],
      [ces, 1, 7],
    ] as const) {
      for (let value = min; value <= max; value++) {
        expect(validateAnswerSet([question], answers({ [question.id]: value })).ok).toBe(true);
      }
    }
  });

  it('accepts an empty questionnaire with no answers', () => {
    expect(validateAnswerSet([], [])).toEqual({ ok: true, answers: [] });
  });

  it('normalises -0 to 0', () => {
    const result = validateAnswerSet([nps], answers({ nps: -0 }));
    expect(result.ok && Object.is((result.answers[0] as { value: number }).value, 0)).toBe(true);
  });
});

describe('validateAnswerSet — errors', () => {
  it('REQUIRED: a required question without an answer', () => {
    expect(errorsOf(all, answers({ nps: 5 }))).toEqual([['likert', 'REQUIRED']]);
    expect(errorsOf(all, answers({ likert: null, nps: undefined }))).toEqual([
      ['likert', 'REQUIRED'],
      ['nps', 'REQUIRED'],
    ]);
  });

  it('REQUIRED: whitespace-only text and empty selections do not count as answers', () => {
    const requiredText: Question = { ...comment, required: true };
    const requiredMulti: Question = { ...multi, required: true };
    expect(errorsOf([requiredText, requiredMulti], answers({ comment: ' \n\t ', multi: [] }))).toEqual([
      ['comment', 'REQUIRED'],
      ['multi', 'REQUIRED'],
    ]);
  });

  it('OUT_OF_RANGE: integers outside the scale', () => {
    expect(errorsOf([likert], answers({ likert: 0 }))).toEqual([['likert', 'OUT_OF_RANGE']]);
    expect(errorsOf([likert], answers({ likert: 6 }))).toEqual([['likert', 'OUT_OF_RANGE']]);
    expect(errorsOf([nps], answers({ nps: -1 }))).toEqual([['nps', 'OUT_OF_RANGE']]);
    expect(errorsOf([nps], answers({ nps: 11 }))).toEqual([['nps', 'OUT_OF_RANGE']]);
    expect(errorsOf([ces], answers({ ces: 8 }))).toEqual([['ces', 'OUT_OF_RANGE']]);
    expect(errorsOf([csat], answers({ csat: 0 }))).toEqual([['csat', 'OUT_OF_RANGE']]);
  });

  it('WRONG_TYPE: scales take integers only (no decimals, strings, NaN, booleans)', () => {
    for (const value of [3.5, '3', Number.NaN, Number.POSITIVE_INFINITY, true, [3], { value: 3 }]) {
      expect(errorsOf([likert], answers({ likert: value }))).toEqual([['likert', 'WRONG_TYPE']]);
    }
  });

  it('WRONG_TYPE: yes/no takes booleans only', () => {
    for (const value of ['yes', 1, 0, 'true', []]) {
      expect(errorsOf([yesNo], answers({ yesno: value }))).toEqual([['yesno', 'WRONG_TYPE']]);
    }
  });

  it('WRONG_TYPE: choices take option ids, multiple choice a list of them', () => {
    expect(errorsOf([single], answers({ single: 1 }))).toEqual([['single', 'WRONG_TYPE']]);
    expect(errorsOf([single], answers({ single: ['a'] }))).toEqual([['single', 'WRONG_TYPE']]);
    expect(errorsOf([multi], answers({ multi: 'a' }))).toEqual([['multi', 'WRONG_TYPE']]);
    expect(errorsOf([multi], answers({ multi: ['a', 2] }))).toEqual([['multi', 'WRONG_TYPE']]);
    expect(errorsOf([comment], answers({ comment: 42 }))).toEqual([['comment', 'WRONG_TYPE']]);
  });

  it('UNKNOWN_OPTION: an option the question does not have', () => {
    expect(errorsOf([single], answers({ single: 'z' }))).toEqual([['single', 'UNKNOWN_OPTION']]);
    expect(errorsOf([single], answers({ single: '' }))).toEqual([['single', 'UNKNOWN_OPTION']]);
    expect(errorsOf([multi], answers({ multi: ['a', 'z', 'y'] }))).toEqual([['multi', 'UNKNOWN_OPTION']]);
  });

  it('TOO_MANY_SELECTIONS / TOO_FEW_SELECTIONS: multiple-choice bounds', () => {
    expect(errorsOf([multi], answers({ multi: ['a', 'b', 'c', 'd'] }))).toEqual([
      ['multi', 'TOO_MANY_SELECTIONS'],
    ]);
    expect(errorsOf([multi], answers({ multi: ['a'] }))).toEqual([['multi', 'TOO_FEW_SELECTIONS']]);
    expect(errorsOf([multi], answers({ multi: ['a', 'b'] }))).toEqual([]);
    expect(errorsOf([multi], answers({ multi: ['a', 'b', 'c'] }))).toEqual([]);
  });

  it('TOO_MANY_SELECTIONS: without bounds, any non-empty subset of options is fine', () => {
    const open: Question = { id: 'open', type: 'MULTIPLE_CHOICE', required: true, text, options };
    expect(errorsOf([open], answers({ open: ['d', 'c', 'b', 'a'] }))).toEqual([]);
    expect(errorsOf([open], answers({ open: ['a'] }))).toEqual([]);
  });

  it('DUPLICATE: the same option twice', () => {
    expect(errorsOf([multi], answers({ multi: ['a', 'b', 'a'] }))).toEqual([['multi', 'DUPLICATE']]);
  });

  it('DUPLICATE: the same question answered twice, even with the same value', () => {
    const raw = [
      { questionId: 'likert', value: 4 },
      { questionId: 'likert', value: 4 },
    ];
    expect(errorsOf([likert], raw)).toEqual([['likert', 'DUPLICATE']]);
  });

  it('TOO_LONG: counts Unicode code points after trimming', () => {
    expect(errorsOf([comment], answers({ comment: '12345678901' }))).toEqual([['comment', 'TOO_LONG']]);
    expect(errorsOf([comment], answers({ comment: '  1234567890  ' }))).toEqual([]);
    expect(errorsOf([comment], answers({ comment: 'éééééééééé' }))).toEqual([]);
    expect(errorsOf([comment], answers({ comment: '😀😀😀😀😀😀😀😀😀😀' }))).toEqual([]);
    expect(errorsOf([comment], answers({ comment: '😀😀😀😀😀😀😀😀😀😀😀' }))).toEqual([
      ['comment', 'TOO_LONG'],
    ]);
  });

  it('UNKNOWN_QUESTION: answers to questions not in the survey, reported once each, after the others', () => {
    const raw = [
      { questionId: 'ghost', value: 1 },
      { questionId: 'likert', value: 9 },
      { questionId: 'ghost', value: 2 },
      { questionId: 'other', value: 'x' },
    ];
    expect(errorsOf([likert], raw)).toEqual([
      ['likert', 'OUT_OF_RANGE'],
      ['ghost', 'UNKNOWN_QUESTION'],
      ['other', 'UNKNOWN_QUESTION'],
    ]);
  });

  it('UNKNOWN_QUESTION: malformed answer entries', () => {
    const raw = [{ questionId: 7, value: 1 } as unknown as RawAnswer];
    expect(errorsOf([csat], raw)).toEqual([['7', 'UNKNOWN_QUESTION']]);
  });

  it('is all or nothing: one bad answer rejects the whole set, with one error per faulty question', () => {
    const result = validateAnswerSet(all, answers({ likert: 4, nps: 10, single: 'z', yesno: 'no' }));
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('answers');
    expect(errorsOf(all, answers({ likert: 4, nps: 10, single: 'z', yesno: 'no' }))).toEqual([
      ['yesno', 'WRONG_TYPE'],
      ['single', 'UNKNOWN_OPTION'],
    ]);
  });

  it('gives a readable message with each error', () => {
    const result = validateAnswerSet([likert], answers({ likert: 9 }));
    expect(result).toEqual({
      ok: false,
      errors: [
        { questionId: 'likert', code: 'OUT_OF_RANGE', message: 'Expected an integer from 1 to 5, got 9' },
      ],
    });
  });

  it('throws a SurveyRuleError when the survey definition itself is broken', () => {
    expect(() => validateAnswerSet([likert, likert], [])).toThrow();
    try {
      validateAnswerSet([likert, likert], []);
    } catch (error) {
      expect(isSurveyRuleError(error, 'DUPLICATE_QUESTION_ID')).toBe(true);
    }
  });
});

describe('free text normalisation', () => {
  it('trims, uses LF line endings, composes accents (NFC) and drops control characters', () => {
    expect(normalizeFreeText('  a\r\nb\rc  ')).toBe('a\nb\nc');
    expect(normalizeFreeText('e\u0301')).toBe('é');
    expect(normalizeFreeText('a\u0000b\u0007c\td')).toBe('abc\td');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(codePointLength('')).toBe(0);
  });
});

describe('validateAnswerSet — properties', () => {
  it('any integer on the scale is valid, anything else on the integer line is OUT_OF_RANGE', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (value) => {
        const result = validateAnswerSet([nps], answers({ nps: value }));
        expect(result.ok).toBe(value >= 0 && value <= 10);
        if (!result.ok) expect(result.errors[0].code).toBe('OUT_OF_RANGE');
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary untrusted values, and returns either answers or errors', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...all.map((q) => q.id), 'zzz'), fc.anything()), (values) => {
        const result = validateAnswerSet(all, answers(values));
        if (result.ok) expect(result.answers.length).toBeLessThanOrEqual(all.length);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('normalised answers validate again to themselves (idempotent)', () => {
    fc.assert(
      fc.property(
        fc.record({
          likert: fc.integer({ min: 1, max: 5 }),
          nps: fc.integer({ min: 0, max: 10 }),
          multi: fc.shuffledSubarray(['a', 'b', 'c', 'd'], { minLength: 2, maxLength: 3 }),
          comment: fc.string({ maxLength: 10 }),
        }),
        (values) => {
          const first = validateAnswerSet(all, answers(values));
          if (!first.ok) throw new Error('expected valid');
          const again = validateAnswerSet(
            all,
            first.answers.map((answer) => ({
              questionId: answer.questionId,
              value:
                'value' in answer
                  ? answer.value
                  : 'optionIds' in answer
                    ? answer.optionIds
                    : 'text' in answer
                      ? answer.text
                      : answer.optionId,
            })),
          );
          expect(again).toEqual(first);
        },
      ),
      { numRuns: 200 },
    );
  });
});
