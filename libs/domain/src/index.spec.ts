import * as domain from './index';

describe('@symmetry/domain public API', () => {
  it('exports every module from the root', () => {
    for (const name of [
      'DomainRuleError',
      'npsFromScores',
      'npsFromDistribution',
      'csatPercent',
      'cesMean',
      'favourability',
      'ratePer100',
      'retentionRate',
      'normaliseTo100',
      'normalisedGap',
      'symmetryGap',
      'percentile',
      'median',
      'p90',
      'addBusinessHours',
      'addBusinessDays',
      'addBusinessMillis',
      'businessMillisBetween',
      'businessTimeConsumedFraction',
      'isBusinessDay',
      'isBusinessDate',
      'nextBusinessMoment',
      'pearson',
      'spearman',
      'fisherConfidenceInterval',
      'laggedCorrelation',
      'readCorrelation',
      'readLaggedCorrelation',
      'linearFit',
      'compilePayoutCurve',
      'payoutPercent',
      'attainmentPercent',
      'prorate',
      'assertWeightsSumTo100',
      'splitPool',
      'evaluateGate',
      'roundLines',
      'applyBudgetCap',
      'explainLine',
      'canonicalJson',
      'canonicalHash',
      'computeIncentiveRun',
      'autonomyIndex',
      'autonomyTrend',
      'assertTransition',
      'allowedTransitions',
      'waitingPauses',
      'assessConformity',
      'commitmentRisk',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
    expect(domain.DomainErrorCode.INVALID_TRANSITION).toBe('INVALID_TRANSITION');
  });

  it('is importable through the path alias', async () => {
    const viaAlias = await import('@symmetry/domain');
    expect(viaAlias.npsFromScores([10]).nps).toBe(100);
  });
});
