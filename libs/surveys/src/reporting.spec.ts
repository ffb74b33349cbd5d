import fc from 'fast-check';
import { resolveReportingPolicy } from './confidentiality';
import { isSurveyRuleError } from './errors';
import { applySuppression, suppressReport } from './reporting';
import { linearAttack } from './suppression.attacker';
import { Cell, Slice, suppress, SuppressionDecision } from './suppression';

const slices: Slice[] = [
  { id: 'org', cellIds: ['a', 'b'] },
  { id: 'A', cellIds: ['a'] },
  { id: 'B', cellIds: ['b'] },
];

function summary(decisions: Map<string, SuppressionDecision> | null | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(decisions ?? new Map<string, SuppressionDecision>())].map(([id, d]) => [
      id,
      d.shown ? `shown ${d.n}` : d.reason,
    ]),
  );
}

describe('applySuppression', () => {
  const decisions = new Map<string, SuppressionDecision>([
    ['org', { shown: true, n: 12 }],
    ['A', { shown: false, reason: 'COMPLEMENTARY' }],
    ['B', { shown: false, reason: 'BELOW_THRESHOLD' }],
  ]);

  it('keeps results of shown slices with their n and drops everything of hidden ones', () => {
    const results = new Map([
      ['org', { mean: 4.1 }],
      ['A', { mean: 3.9 }],
      ['B', { mean: 4.8 }],
    ]);
    expect(applySuppression(decisions, results)).toStrictEqual([
      { sliceId: 'org', shown: true, n: 12, result: { mean: 4.1 } },
      { sliceId: 'A', shown: false, reason: 'COMPLEMENTARY' },
      { sliceId: 'B', shown: false, reason: 'BELOW_THRESHOLD' },
    ]);
  });

  it('does not need results for hidden slices', () => {
    expect(applySuppression(decisions, new Map([['org', 1]]))).toHaveLength(3);
  });

  it('fails closed on a result without a decision, or a shown slice without a result', () => {
    for (const results of [
      new Map([
        ['org', 1],
        ['X', 2],
      ]),
      new Map<string, number>(),
    ]) {
      try {
        applySuppression(decisions, results);
        throw new Error('expected an error');
      } catch (error) {
        expect(isSurveyRuleError(error, 'INVALID_SLICE')).toBe(true);
      }
    }
  });
});

describe('suppressReport', () => {
  it('protects each optional question on its own answer counts', () => {
    // Everyone answered the survey (10 + 6) but only 4 people in b answered the optional question q.
    const report = suppressReport(
      {
        respondents: [
          { id: 'a', count: 10 },
          { id: 'b', count: 6 },
        ],
        answersByQuestion: {
          required: [
            { id: 'a', count: 10 },
            { id: 'b', count: 6 },
          ],
          q: [
            { id: 'a', count: 10 },
            { id: 'b', count: 4 },
          ],
        },
      },
      slices,
    );
    expect(summary(report.respondents)).toEqual({ org: 'shown 16', A: 'shown 10', B: 'shown 6' });
    expect(summary(report.questions.get('required'))).toEqual({
      org: 'shown 16',
      A: 'shown 10',
      B: 'shown 6',
    });
    // For q: org − A would reveal the 4 answers in b.
    expect(summary(report.questions.get('q'))).toEqual({
      org: 'shown 14',
      A: 'COMPLEMENTARY',
      B: 'BELOW_THRESHOLD',
    });
    expect(report.comments).toBeNull();
  });

  it('applies the comment threshold to comment counts', () => {
    const report = suppressReport(
      {
        respondents: [
          { id: 'a', count: 10 },
          { id: 'b', count: 6 },
        ],
        comments: [
          { id: 'a', count: 8 },
          { id: 'b', count: 3 },
        ],
      },
      slices,
      resolveReportingPolicy({ k: 5, commentThreshold: 10 }),
    );
    expect(summary(report.comments)).toEqual({ org: 'shown 11', A: 'BELOW_THRESHOLD', B: 'BELOW_THRESHOLD' });
  });

  it('keeps hidden whatever is hidden at respondent level, with the same reason', () => {
    const report = suppressReport(
      {
        respondents: [
          { id: 'a', count: 10 },
          { id: 'b', count: 2 },
        ],
        answersByQuestion: {
          q: [
            { id: 'a', count: 10 },
            { id: 'b', count: 2 },
          ],
        },
        comments: [
          { id: 'a', count: 10 },
          { id: 'b', count: 2 },
        ],
      },
      slices,
    );
    expect(summary(report.respondents)).toEqual({
      org: 'shown 12',
      A: 'COMPLEMENTARY',
      B: 'BELOW_THRESHOLD',
    });
    expect(summary(report.questions.get('q'))).toEqual({
      org: 'shown 12',
      A: 'COMPLEMENTARY',
      B: 'BELOW_THRESHOLD',
    });
    expect(summary(report.comments)).toEqual({ org: 'shown 12', A: 'COMPLEMENTARY', B: 'BELOW_THRESHOLD' });
  });

  it('validates the policy', () => {
    expect(() => suppressReport({ respondents: [] }, [], { k: 2, commentThreshold: 10 })).toThrow(
      'at least 3',
    );
  });

  it('per question: never shows more than at respondent level, and nothing small is derivable from answer counts', () => {
    const cellIds = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
          minLength: 6,
          maxLength: 6,
        }),
        fc.array(fc.subarray(cellIds, { minLength: 1 }), { minLength: 1, maxLength: 7 }),
        (pairs, members) => {
          const respondents: Cell[] = pairs.map(([total], i) => ({ id: cellIds[i], count: total }));
          const answers: Cell[] = pairs.map(([total, skipped], i) => ({
            id: cellIds[i],
            count: Math.max(0, total - skipped),
          }));
          const requested = members.map((cells, i) => ({ id: `s${i}`, cellIds: cells }));
          const report = suppressReport({ respondents, answersByQuestion: { q: answers } }, requested);
          const perQuestion = report.questions.get('q');
          for (const slice of requested) {
            if (perQuestion?.get(slice.id)?.shown) expect(report.respondents.get(slice.id)?.shown).toBe(true);
          }
          const shown = requested.filter((slice) => perQuestion?.get(slice.id)?.shown);
          expect(linearAttack(answers, shown, 5, true)).toEqual([]);
          expect(report.respondents).toEqual(suppress(respondents, requested, 5));
        },
      ),
      { numRuns: 80, seed: 99 },
    );
  });
});
