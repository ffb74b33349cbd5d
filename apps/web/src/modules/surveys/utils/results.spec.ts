import {
  enpsResult,
  hasTrend,
  headlineValue,
  humanizeKey,
  scoreTone,
  waveNumbers,
  type QuestionResult,
} from './results';

const result = (questionId: string, type: QuestionResult['type'], changes: Partial<QuestionResult> = {}) =>
  ({
    questionId,
    type,
    driver: null,
    shown: true,
    reason: null,
    n: 5,
    mean: null,
    favourable: null,
    csat: null,
    nps: null,
    easy: null,
    yes: null,
    score: null,
    text: { en: questionId, fr: questionId },
    distribution: null,
    ...changes,
  }) satisfies QuestionResult;

describe('survey results helpers', () => {
  it('colours scores from red to green, NPS on its own scale', () => {
    expect(scoreTone(10, false)).toBe('red');
    expect(scoreTone(50, false)).toBe('orange');
    expect(scoreTone(60, false)).toBe('yellow');
    expect(scoreTone(70, false)).toBe('lime');
    expect(scoreTone(90, false)).toBe('green');
    expect(scoreTone(-60, true)).toBe('red');
    expect(scoreTone(0, true)).toBe('orange');
    expect(scoreTone(60, true)).toBe('green');
  });

  it('finds the eNPS question and each question headline', () => {
    const questions = [
      result('autonomy_1', 'LIKERT_5', { favourable: 62 }),
      result('other_nps', 'NPS_0_10', { nps: 5 }),
      result('enps', 'NPS_0_10', { nps: 12 }),
    ];
    expect(enpsResult(questions)?.questionId).toBe('enps');
    expect(enpsResult(questions.slice(0, 2))?.questionId).toBe('other_nps');
    expect(enpsResult(questions.slice(0, 1))).toBeNull();
    expect(headlineValue(questions[0]!)).toBe(62);
    expect(headlineValue(result('c', 'FREE_TEXT'))).toBeNull();
  });

  it('lists the waves to pick, newest first, and draws a trend only with two visible waves', () => {
    expect(waveNumbers(3, [{ waveNumber: 1 }, { waveNumber: 2 }, { waveNumber: 3 }])).toEqual([3, 2, 1]);
    expect(waveNumbers(1, [])).toEqual([1]);
    expect(hasTrend([{ shown: true }, { shown: false }])).toBe(false);
    expect(hasTrend([{ shown: true }, { shown: false }, { shown: true }])).toBe(true);
  });

  it('words custom keys', () => {
    expect(humanizeKey('psychological_safety')).toBe('Psychological safety');
    expect(humanizeKey('about_right')).toBe('About right');
  });
});
