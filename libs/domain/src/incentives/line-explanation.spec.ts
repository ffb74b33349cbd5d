import { explainLine, LineFacts, LineStatus } from './line-explanation';
import { Dec } from './money';

const BASE: LineFacts = {
  status: LineStatus.PAID,
  componentLabel: { en: 'Team customer CSAT', fr: 'CSAT client de l’équipe' },
  currency: 'EUR',
  metricValue: new Dec(84),
  threshold: new Dec(70),
  target: new Dec(80),
  cap: new Dec(95),
  payoutPercent: new Dec(380).dividedBy(3), // 126.666…
  weightPercent: new Dec(40),
  fte: new Dec('0.5'),
  eligibleDays: 365,
  periodDays: 365,
  minimumEligibleDays: 30,
  targetPay: new Dec('1000.00'),
  failedGates: [],
  amountBeforeCap: new Dec('253.33'),
  amount: new Dec('253.33'),
};

describe('explainLine', () => {
  it('spells out the computation of a paid line in English and French', () => {
    expect(explainLine(BASE, 'en')).toBe(
      'Team customer CSAT 84 (target 80, cap 95) → 126.7% of target × weight 40% × prorated 0.5 FTE × target pay €1,000.00 = €253.33',
    );
    expect(explainLine(BASE, 'fr')).toBe(
      'CSAT client de l’équipe 84 (cible 80, plafond 95) → 126,7\u00a0% de la cible × poids 40\u00a0% × proratisé 0,5 ETP × prime cible 1\u202f000,00\u00a0€ = 253,33\u00a0€',
    );
  });

  it('mentions the days when prorated for part of the period', () => {
    expect(explainLine({ ...BASE, eligibleDays: 184 }, 'en')).toContain(
      '× prorated 0.5 FTE × 184/365 days ×',
    );
    expect(explainLine({ ...BASE, eligibleDays: 184 }, 'fr')).toContain(
      '× proratisé 0,5 ETP × 184/365 jours ×',
    );
  });

  it('explains a value below the threshold', () => {
    const facts = {
      ...BASE,
      status: LineStatus.BELOW_THRESHOLD,
      metricValue: new Dec(65),
      payoutPercent: new Dec(0),
      amountBeforeCap: new Dec(0),
      amount: new Dec(0),
    };
    expect(explainLine(facts, 'en')).toBe(
      'Team customer CSAT 65 is below the threshold 70 (target 80, cap 95) → 0% = €0.00',
    );
    expect(explainLine(facts, 'fr')).toBe(
      'CSAT client de l’équipe 65 est sous le seuil 70 (cible 80, plafond 95) → 0\u00a0% = 0,00\u00a0€',
    );
  });

  it('explains a failed gate, including a missing value', () => {
    const facts: LineFacts = {
      ...BASE,
      status: LineStatus.GATED,
      failedGates: [
        {
          label: { en: 'Customer NPS', fr: 'NPS client' },
          operatorSymbol: '≥',
          threshold: new Dec(20),
          value: new Dec(12),
        },
        {
          label: { en: 'Safety audit', fr: 'Audit sécurité' },
          operatorSymbol: '≥',
          threshold: new Dec(1),
          value: null,
        },
      ],
      amountBeforeCap: new Dec(0),
      amount: new Dec(0),
    };
    expect(explainLine(facts, 'en')).toBe(
      'Team customer CSAT: gate not met — Customer NPS 12 (must be ≥ 20); Safety audit missing (must be ≥ 1) → €0.00',
    );
    expect(explainLine(facts, 'fr')).toBe(
      'CSAT client de l’équipe\u00a0: condition non remplie — NPS client 12 (doit être ≥ 20); Audit sécurité absente (doit être ≥ 1) → 0,00\u00a0€',
    );
  });

  it('explains ineligibility and missing data', () => {
    const notEligible = {
      ...BASE,
      status: LineStatus.NOT_ELIGIBLE,
      eligibleDays: 17,
      amountBeforeCap: new Dec(0),
      amount: new Dec(0),
    };
    expect(explainLine(notEligible, 'en')).toBe(
      'Team customer CSAT: not eligible — 17 days in the period, minimum 30 → €0.00',
    );
    const noData = {
      ...BASE,
      status: LineStatus.NO_DATA,
      metricValue: null,
      amountBeforeCap: new Dec(0),
      amount: new Dec(0),
    };
    expect(explainLine(noData, 'fr')).toBe(
      'CSAT client de l’équipe\u00a0: aucune valeur sur la période → 0,00\u00a0€',
    );
  });

  it('adds the budget cap when it changed the amount', () => {
    expect(explainLine({ ...BASE, amount: new Dec('240.12') }, 'en')).toMatch(
      /= €253\.33; budget cap applied → €240\.12$/,
    );
    expect(explainLine({ ...BASE, amount: new Dec('240.12') }, 'fr')).toMatch(
      /= 253,33\u00a0€; plafond budgétaire appliqué → 240,12\u00a0€$/,
    );
  });
});
