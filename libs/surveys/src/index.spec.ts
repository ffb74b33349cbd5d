import * as surveys from './index';

describe('@symmetry/surveys public API', () => {
  it('exports the engine functions', () => {
    const expected = [
      'SurveyRuleError',
      'isSurveyRuleError',
      'validateAnswerSet',
      'assertValidQuestions',
      'distributionFromValues',
      'distributionFromCounts',
      'scoreScale',
      'favourability',
      'csat',
      'cesMean',
      'nps',
      'yesNoScore',
      'choiceScore',
      'scoreAnswers',
      'engagementIndex',
      'getTemplate',
      'listTemplates',
      'instantiateTemplate',
      'pickPulseQuestions',
      'assertTransition',
      'canEditQuestions',
      'IllegalTransitionError',
      'waveWindow',
      'listWaves',
      'waveAt',
      'resolveReportingPolicy',
      'tenureBucket',
      'coarsenToUtcDay',
      'suppress',
      'auditDisclosure',
      'applySuppression',
      'suppressReport',
      'pearson',
      'pearsonFromSums',
      'driverAnalysis',
      'trend',
    ];
    for (const name of expected) expect(typeof (surveys as Record<string, unknown>)[name]).toBe('function');
    expect(surveys.MIN_DRIVER_ANALYSIS_RESPONDENTS).toBe(25);
    expect(surveys.DEFAULT_REPORTING_THRESHOLD).toBe(5);
  });

  it('keeps test helpers and internals out of the public API', () => {
    expect(surveys).not.toHaveProperty('explainSuppression');
    expect(surveys).not.toHaveProperty('linearAttack');
  });

  it('works end to end: validate, count per cell, suppress, score, report', () => {
    const questions = surveys.instantiateTemplate(surveys.getTemplate('request_closure'));
    const submissions = [
      { cell: 'paris', csat: 5 },
      { cell: 'paris', csat: 4 },
      { cell: 'paris', csat: 4 },
      { cell: 'paris', csat: 2 },
      { cell: 'paris', csat: 5 },
      { cell: 'paris', csat: 5 },
      { cell: 'lyon', csat: 1 },
      { cell: 'lyon', csat: 3 },
    ];
    const byCell = new Map<string, number[]>();
    for (const submission of submissions) {
      const result = surveys.validateAnswerSet(questions, [
        { questionId: 'request_csat', value: submission.csat },
        { questionId: 'request_effort', value: 6 },
      ]);
      expect(result.ok).toBe(true);
      byCell.set(submission.cell, [...(byCell.get(submission.cell) ?? []), submission.csat]);
    }
    const cells = [...byCell].map(([id, values]) => ({ id, count: values.length }));
    const slices = [
      { id: 'all', cellIds: ['paris', 'lyon'] },
      { id: 'paris', cellIds: ['paris'] },
      { id: 'lyon', cellIds: ['lyon'] },
    ];
    const decisions = surveys.suppress(cells, slices, 5);
    const results = new Map(
      slices.map((slice) => [
        slice.id,
        surveys.csat(
          surveys.distributionFromValues(
            'CSAT_1_5',
            slice.cellIds.flatMap((id) => byCell.get(id) ?? []),
          ),
        ),
      ]),
    );
    expect(surveys.applySuppression(decisions, results)).toEqual([
      { sliceId: 'all', shown: true, n: 8, result: 62.5 },
      { sliceId: 'paris', shown: false, reason: 'COMPLEMENTARY' },
      { sliceId: 'lyon', shown: false, reason: 'BELOW_THRESHOLD' },
    ]);
  });
});
