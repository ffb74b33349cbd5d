import type {
  IncentiveSchemeInput,
  PaySchemeFragment,
  PayoutCurveInput,
  SchemeComponentInput,
} from '../../../gql/graphql';

/** Money in the UI language, from a decimal string (never parsed into arithmetic: display only). */
export function formatMoney(amount: string | null | undefined, currency: string, language: string): string {
  if (amount === null || amount === undefined) return '—';
  const [int = '0', frac = '00'] = amount.replace(/^-/, '').split('.');
  const negative = amount.startsWith('-');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, language.startsWith('fr') ? '\u202f' : ',');
  const cents = frac.padEnd(2, '0').slice(0, 2);
  const symbol = { EUR: '€', USD: '$', GBP: '£' }[currency] ?? currency;
  const sign = negative ? '-' : '';
  return language.startsWith('fr')
    ? `${sign}${grouped},${cents}\u00a0${symbol}`
    : `${sign}${symbol}${grouped}.${cents}`;
}

/** A decimal string shortened for display ("87.5000" → "87.5"). */
export function formatDecimal(value: string | null | undefined, language: string, maxDecimals = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  return n.toLocaleString(language.startsWith('fr') ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: maxDecimals,
  });
}

/** Points of a payout curve for a chart: [x, payout %] from below the threshold to past the cap. */
export function curvePoints(curve: PayoutCurveInput): { x: number; payout: number }[] {
  const pts = [
    curve.threshold,
    ...curve.intermediatePoints,
    { x: curve.target, payoutPercent: '100' },
    curve.cap,
  ]
    .map((p) => ({ x: Number(p.x), payout: Number(p.payoutPercent) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.payout))
    .sort((a, b) => a.x - b.x);
  if (pts.length === 0) return [];
  const span = Math.max(1, pts[pts.length - 1]!.x - pts[0]!.x);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  return [
    { x: round(first.x - span * 0.15), payout: 0 },
    { x: first.x, payout: 0 },
    ...pts,
    { x: round(last.x + span * 0.15), payout: last.payout },
  ];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Sum of component weights (display and live validation; the API decides in decimals). */
export function weightSum(components: readonly { weightPercent: string }[]): number {
  return Math.round(components.reduce((s, c) => s + (Number(c.weightPercent) || 0), 0) * 1e6) / 1e6;
}

/** First day of the quarter after the last complete one (a sensible default period). */
export function defaultPeriodStart(now = new Date()): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
}

export function newComponent(index: number): SchemeComponentInput {
  return {
    id: `component-${index + 1}`,
    labelEn: '',
    labelFr: '',
    kind: 'INDIVIDUAL',
    split: null,
    weightPercent: '0',
    measure: { type: 'OBJECTIVE', metricKey: null, uploadKey: null },
    curve: {
      threshold: { x: '50', payoutPercent: '0' },
      target: '100',
      cap: { x: '150', payoutPercent: '150' },
      intermediatePoints: [],
    },
  };
}

export function blankScheme(): IncentiveSchemeInput {
  return {
    name: '',
    description: '',
    periodKind: 'QUARTER',
    periodStart: defaultPeriodStart(),
    currency: 'EUR',
    population: { teamIds: [], positionIds: [], personIds: [] },
    minimumEligibleDays: 30,
    prorateByFte: true,
    targetBonus: { mode: 'PERCENT_OF_BASE', value: '3', byPosition: [] },
    budget: null,
    fallback: 'TARGET',
    minimumAnswers: 0,
    components: [{ ...newComponent(0), weightPercent: '100' }],
    gates: [],
  };
}

/** A stored scheme as the designer's input. */
export function schemeToInput(s: PaySchemeFragment): IncentiveSchemeInput {
  return {
    name: s.name,
    description: s.description,
    periodKind: s.periodKind,
    periodStart: s.periodStart,
    currency: s.currency,
    population: {
      teamIds: [...s.population.teamIds],
      positionIds: [...s.population.positionIds],
      personIds: [...s.population.personIds],
    },
    minimumEligibleDays: s.minimumEligibleDays,
    prorateByFte: s.prorateByFte,
    targetBonus: {
      mode: s.targetBonus.mode,
      value: s.targetBonus.value,
      byPosition: s.targetBonus.byPosition.map((p) => ({
        positionId: p.positionId,
        mode: p.mode,
        value: p.value,
      })),
    },
    budget: s.budget,
    fallback: s.fallback,
    minimumAnswers: s.minimumAnswers,
    components: s.components.map((c) => ({
      id: c.id,
      labelEn: c.labelEn,
      labelFr: c.labelFr,
      kind: c.kind,
      split: c.split,
      weightPercent: c.weightPercent,
      measure: { type: c.measure.type, metricKey: c.measure.metricKey, uploadKey: c.measure.uploadKey },
      curve: {
        threshold: { ...c.curve.threshold },
        target: c.curve.target,
        cap: { ...c.curve.cap },
        intermediatePoints: c.curve.intermediatePoints.map((p) => ({ ...p })),
      },
    })),
    gates: s.gates.map((g) => ({
      id: g.id,
      labelEn: g.labelEn,
      labelFr: g.labelFr,
      measure: { type: g.measure.type, metricKey: g.measure.metricKey, uploadKey: g.measure.uploadKey },
      operator: g.operator,
      threshold: g.threshold,
      componentId: g.componentId,
    })),
  };
}

/** The key under which entered values of a measure are stored ("objective", "upload:<key>"). */
export function enteredMeasureKeys(s: PaySchemeFragment): string[] {
  const keys = new Set<string>();
  for (const m of [...s.components.map((c) => c.measure), ...s.gates.map((g) => g.measure)]) {
    if (m.type === 'OBJECTIVE') keys.add('objective');
    if (m.type === 'UPLOAD' && m.uploadKey) keys.add(`upload:${m.uploadKey}`);
  }
  return [...keys];
}
