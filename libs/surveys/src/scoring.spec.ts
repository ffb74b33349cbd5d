import fc from 'fast-check';
import { NormalizedAnswer } from './answer-validation';
import { Question } from './question-types';
import {
  cesMean,
  choiceScore,
  csat,
  distributionFromCounts,
  distributionFromValues,
  engagementIndex,
  favourability,
  mean,
  mergeDistributions,
  nps,
  parseCount,
  respondentEngagement,
  scoreAnswers,
  scoreScale,
  shareOf,
  yesNoScore,
} from './scoring';
import { expectCode } from './testing/expect-code';

const text = { en: 'Q?', fr: 'Q ?' };
const options = [
  { id: 'a', label: { en: 'A', fr: 'A' } },
  { id: 'b', label: { en: 'B', fr: 'B' } },
  { id: 'c', label: { en: 'C', fr: 'C' } },
];

describe('distributions', () => {
  it('from raw values: every scale value present, zeros included', () => {
    expect(distributionFromValues('LIKERT_5', [5, 4, 4, 1])).toEqual({
      type: 'LIKERT_5',
      n: 4,
      buckets: [
        { value: 1, count: 1 },
        { value: 2, count: 0 },
        { value: 3, count: 0 },
        { value: 4, count: 2 },
        { value: 5, count: 1 },
      ],
    });
  });

  it('from no answers: all zeros, n = 0', () => {
    const distribution = distributionFromValues('NPS_0_10', []);
    expect(distribution.n).toBe(0);
    expect(distribution.buckets).toHaveLength(11);
    expect(distribution.buckets.every((bucket) => bucket.count === 0)).toBe(true);
  });

  it('from SQL rows (value, count) with counts as strings, missing values as 0', () => {
    const distribution = distributionFromCounts('CES_1_7', [
      { value: 7, count: '12' },
      { value: 2, count: 3 },
    ]);
    expect(distribution.n).toBe(15);
    expect(distribution.buckets.map((bucket) => bucket.count)).toEqual([0, 3, 0, 0, 0, 0, 12]);
  });

  it('from an object keyed by value', () => {
    expect(distributionFromCounts('CSAT_1_5', { '5': 2, '1': '1' }).buckets.map((b) => b.count)).toEqual([
      1, 0, 0, 0, 2,
    ]);
  });

  it('raw values and counts give the same distribution', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }), (values) => {
        const counts: Record<string, number> = {};
        for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
        expect(distributionFromCounts('NPS_0_10', counts)).toEqual(
          distributionFromValues('NPS_0_10', values),
        );
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['a value off the scale', () => distributionFromValues('LIKERT_5', [6])],
    ['a decimal value', () => distributionFromValues('LIKERT_5', [2.5])],
    [
      'a value listed twice',
      () =>
        distributionFromCounts('LIKERT_5', [
          { value: 1, count: 1 },
          { value: 1, count: 2 },
        ]),
    ],
    ['a negative count', () => distributionFromCounts('LIKERT_5', [{ value: 1, count: -1 }])],
    ['a decimal count', () => distributionFromCounts('LIKERT_5', [{ value: 1, count: 1.5 }])],
    ['a non-numeric count', () => distributionFromCounts('LIKERT_5', [{ value: 1, count: 'lots' }])],
    ['a non-numeric key', () => distributionFromCounts('LIKERT_5', { five: 1 })],
    ['a key off the scale', () => distributionFromCounts('NPS_0_10', { '-1': 1 })],
  ])('rejects %s (INVALID_DISTRIBUTION)', (_, action) => {
    expectCode(action, 'INVALID_DISTRIBUTION');
  });

  it('parseCount accepts safe integers and digit strings only', () => {
    expect(parseCount(3)).toBe(3);
    expect(parseCount(' 42 ')).toBe(42);
    expectCode(() => parseCount('4e2'), 'INVALID_DISTRIBUTION');
    expectCode(() => parseCount('99999999999999999999'), 'INVALID_DISTRIBUTION');
  });

  it('merges distributions of the same type (e.g. cells into a slice)', () => {
    const merged = mergeDistributions('LIKERT_5', [
      distributionFromValues('LIKERT_5', [1, 5]),
      distributionFromValues('LIKERT_5', [5, 5, 3]),
    ]);
    expect(merged).toEqual(distributionFromValues('LIKERT_5', [1, 5, 5, 5, 3]));
    expectCode(
      () => mergeDistributions('LIKERT_5', [distributionFromValues('CSAT_1_5', [1])]),
      'INVALID_DISTRIBUTION',
    );
  });
});

describe('scale statistics', () => {
  const likert = distributionFromValues('LIKERT_5', [1, 2, 3, 4, 4, 5, 5, 5]);

  it('mean and n', () => {
    expect(mean(likert)).toBeCloseTo(29 / 8, 12);
    expect(mean(distributionFromValues('LIKERT_5', []))).toBeNull();
  });

  it('favourability is the % of 4-5 on 5-point scales', () => {
    expect(favourability(likert)).toBeCloseTo(62.5, 12);
    expect(favourability(distributionFromValues('CSAT_1_5', [4, 5, 3, 1]))).toBe(50);
    expect(favourability(distributionFromValues('LIKERT_5', []))).toBeNull();
    expectCode(() => favourability(distributionFromValues('NPS_0_10', [9])), 'INVALID_ARGUMENT');
    expectCode(() => favourability(distributionFromValues('CES_1_7', [7])), 'INVALID_ARGUMENT');
  });

  it('CSAT is the % of 4-5 on CSAT_1_5 only', () => {
    expect(csat(distributionFromValues('CSAT_1_5', [5, 5, 4, 2, 1]))).toBe(60);
    expect(csat(distributionFromValues('CSAT_1_5', []))).toBeNull();
    expectCode(() => csat(likert), 'INVALID_ARGUMENT');
  });

  it('CES is the mean of CES_1_7 only', () => {
    expect(cesMean(distributionFromValues('CES_1_7', [7, 6, 2]))).toBe(5);
    expect(cesMean(distributionFromValues('CES_1_7', []))).toBeNull();
    expectCode(() => cesMean(likert), 'INVALID_ARGUMENT');
  });

  it('NPS is % promoters (9-10) minus % detractors (0-6)', () => {
    const result = nps(distributionFromValues('NPS_0_10', [10, 9, 9, 8, 7, 6, 0, 3, 10, 10]));
    expect(result).toEqual({ score: 20, promoters: 50, passives: 20, detractors: 30 });
  });

  it('NPS edge cases: all promoters +100, all detractors -100, only passives 0, no answers null', () => {
    expect(nps(distributionFromValues('NPS_0_10', [9, 10]))?.score).toBe(100);
    expect(nps(distributionFromValues('NPS_0_10', [0, 6]))?.score).toBe(-100);
    expect(nps(distributionFromValues('NPS_0_10', [7, 8]))?.score).toBe(0);
    expect(nps(distributionFromValues('NPS_0_10', []))).toBeNull();
    expectCode(() => nps(likert), 'INVALID_ARGUMENT');
  });

  it('NPS stays within [-100, 100] and its parts add up to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 100 }), (values) => {
        const result = nps(distributionFromValues('NPS_0_10', values));
        if (result === null) throw new Error('expected a score');
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.promoters + result.passives + result.detractors).toBeCloseTo(100, 9);
        expect(result.score).toBeCloseTo(result.promoters - result.detractors, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('shareOf is null on no answers', () => {
    expect(shareOf(distributionFromValues('CES_1_7', []), () => true)).toBeNull();
  });

  it('scoreScale gives the headline numbers of each scale type', () => {
    expect(scoreScale(likert)).toMatchObject({
      type: 'LIKERT_5',
      n: 8,
      favourable: 62.5,
      neutral: 12.5,
      unfavourable: 25,
    });
    expect(scoreScale(distributionFromValues('CSAT_1_5', [5, 4, 1, 2]))).toMatchObject({
      type: 'CSAT_1_5',
      n: 4,
      mean: 3,
      csat: 50,
      dissatisfied: 50,
    });
    expect(scoreScale(distributionFromValues('CES_1_7', [7, 5, 4, 1]))).toMatchObject({
      type: 'CES_1_7',
      mean: 4.25,
      easy: 50,
      difficult: 25,
    });
    expect(scoreScale(distributionFromValues('NPS_0_10', [10, 0]))).toMatchObject({
      type: 'NPS_0_10',
      mean: 5,
      nps: { score: 0, promoters: 50, passives: 0, detractors: 50 },
    });
  });

  it('scoreScale on no answers: n = 0 and every statistic null', () => {
    expect(scoreScale(distributionFromValues('LIKERT_5', []))).toMatchObject({
      n: 0,
      mean: null,
      favourable: null,
      neutral: null,
      unfavourable: null,
    });
  });
});

describe('yes/no and choices', () => {
  it('yes share from counts', () => {
    expect(yesNoScore({ yes: 3, no: '1' })).toEqual({
      type: 'YES_NO',
      n: 4,
      yesCount: 3,
      noCount: 1,
      yes: 75,
    });
    expect(yesNoScore({ yes: 0, no: 0 }).yes).toBeNull();
  });

  it('single-choice shares sum to 100, every option listed in question order', () => {
    const question: Question = { id: 'q', type: 'SINGLE_CHOICE', required: true, text, options };
    expect(choiceScore(question, { c: 1, a: '3' })).toEqual({
      type: 'SINGLE_CHOICE',
      n: 4,
      options: [
        { optionId: 'a', count: 3, share: 75 },
        { optionId: 'b', count: 0, share: 0 },
        { optionId: 'c', count: 1, share: 25 },
      ],
    });
    expectCode(() => choiceScore(question, { a: 1 }, 2), 'INVALID_DISTRIBUTION');
    expect(choiceScore(question, { a: 1 }, 1).n).toBe(1);
  });

  it('multiple-choice shares are per respondent and may exceed 100 in total', () => {
    const question: Question = { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options };
    const result = choiceScore(question, { a: 2, b: 2, c: 1 }, 2);
    expect(result.options.map((option) => option.share)).toEqual([100, 100, 50]);
    expectCode(() => choiceScore(question, { a: 2 }), 'INVALID_DISTRIBUTION');
    expectCode(() => choiceScore(question, { a: 3 }, 2), 'INVALID_DISTRIBUTION');
    expectCode(() => choiceScore(question, { a: 1 }, 2), 'INVALID_DISTRIBUTION');
    expectCode(
      () => choiceScore({ ...question, maxSelections: 1 }, { a: 1, b: 1 }, 1),
      'INVALID_DISTRIBUTION',
    );
  });

  it('choices with no answers have null shares', () => {
    const question: Question = { id: 'q', type: 'MULTIPLE_CHOICE', required: true, text, options };
    expect(choiceScore(question, {}, 0).options.every((option) => option.share === null)).toBe(true);
  });

  it('rejects unknown options', () => {
    const question: Question = { id: 'q', type: 'SINGLE_CHOICE', required: true, text, options };
    expectCode(() => choiceScore(question, { z: 1 }), 'INVALID_DISTRIBUTION');
  });
});

describe('scoreAnswers (raw-values path)', () => {
  const answers: NormalizedAnswer[] = [
    { questionId: 'l', type: 'LIKERT_5', value: 5 },
    { questionId: 'l', type: 'LIKERT_5', value: 2 },
    { questionId: 'y', type: 'YES_NO', value: true },
    { questionId: 'y', type: 'YES_NO', value: false },
    { questionId: 'y', type: 'YES_NO', value: true },
    { questionId: 's', type: 'SINGLE_CHOICE', optionId: 'b' },
    { questionId: 'm', type: 'MULTIPLE_CHOICE', optionIds: ['a', 'c'] },
    { questionId: 'm', type: 'MULTIPLE_CHOICE', optionIds: ['a'] },
    { questionId: 't', type: 'FREE_TEXT', text: 'hello' },
  ];

  it('scores each question type from normalised answers, ignoring other questions', () => {
    expect(scoreAnswers({ id: 'l', type: 'LIKERT_5', required: true, text }, answers)).toMatchObject({
      n: 2,
      favourable: 50,
    });
    expect(scoreAnswers({ id: 'y', type: 'YES_NO', required: true, text }, answers)).toMatchObject({
      n: 3,
      yesCount: 2,
    });
    expect(
      scoreAnswers({ id: 's', type: 'SINGLE_CHOICE', required: true, text, options }, answers),
    ).toMatchObject({
      n: 1,
      options: [
        { optionId: 'a', count: 0 },
        { optionId: 'b', count: 1 },
        { optionId: 'c', count: 0 },
      ],
    });
    expect(
      scoreAnswers({ id: 'm', type: 'MULTIPLE_CHOICE', required: true, text, options }, answers),
    ).toMatchObject({
      n: 2,
      options: [
        { optionId: 'a', count: 2, share: 100 },
        { optionId: 'b', count: 0, share: 0 },
        { optionId: 'c', count: 1, share: 50 },
      ],
    });
    expect(
      scoreAnswers({ id: 't', type: 'FREE_TEXT', required: false, text, maxLength: 10 }, answers),
    ).toEqual({
      type: 'FREE_TEXT',
      n: 1,
    });
  });

  it('refuses answers whose type does not match the question', () => {
    expectCode(
      () => scoreAnswers({ id: 'l', type: 'CSAT_1_5', required: true, text }, answers),
      'INVALID_DISTRIBUTION',
    );
  });
});

describe('engagement index', () => {
  it('is the unweighted mean favourability of the items that have answers', () => {
    const items = [
      distributionFromValues('LIKERT_5', [5, 5, 1, 1]),
      distributionFromValues('LIKERT_5', [4, 4, 4, 4, 4, 4, 4, 2]),
      distributionFromValues('LIKERT_5', []),
    ];
    expect(engagementIndex(items)).toEqual({ index: (50 + 87.5) / 2, itemCount: 2 });
  });

  it('is null without answers, and refuses non 5-point items', () => {
    expect(engagementIndex([])).toEqual({ index: null, itemCount: 0 });
    expectCode(() => engagementIndex([distributionFromValues('NPS_0_10', [1])]), 'INVALID_ARGUMENT');
  });

  it('per respondent: % of their answered items that are favourable', () => {
    expect(respondentEngagement([5, 4, 2, 3])).toBe(50);
    expect(respondentEngagement([])).toBeNull();
    expectCode(() => respondentEngagement([6]), 'INVALID_DISTRIBUTION');
  });
});
