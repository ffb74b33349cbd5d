import { Decimal } from 'decimal.js';
import { formatDecimal, formatMoney, formatPercent, Lang, LocalisedText } from './money';

/** Why a line pays what it pays. */
export enum LineStatus {
  /** The curve was applied (payout may still be 0% if the threshold itself pays 0%). */
  PAID = 'PAID',
  /** The metric value is below the curve threshold: 0%. */
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  /** A gate failed: 0. */
  GATED = 'GATED',
  /** Too few eligible days in the period: 0. */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** No metric value for the period: 0. */
  NO_DATA = 'NO_DATA',
}

/** A gate that failed, as shown in an explanation. */
export interface FailedGateFacts {
  readonly label: LocalisedText;
  readonly operatorSymbol: string;
  readonly threshold: Decimal;
  readonly value: Decimal | null;
}

/** Everything an explanation needs about one line. */
export interface LineFacts {
  readonly status: LineStatus;
  readonly componentLabel: LocalisedText;
  readonly currency: string;
  readonly metricValue: Decimal | null;
  readonly threshold: Decimal;
  readonly target: Decimal;
  readonly cap: Decimal;
  readonly payoutPercent: Decimal;
  readonly weightPercent: Decimal;
  readonly fte: Decimal;
  readonly eligibleDays: number;
  readonly periodDays: number;
  readonly minimumEligibleDays: number;
  readonly targetPay: Decimal;
  readonly failedGates: readonly FailedGateFacts[];
  /** Rounded line amount before any budget cap. */
  readonly amountBeforeCap: Decimal;
  /** Final amount (after the budget cap, if any). */
  readonly amount: Decimal;
}

const WORDS = {
  en: {
    target: 'target',
    cap: 'cap',
    ofTarget: 'of target',
    weight: 'weight',
    prorated: 'prorated',
    fte: 'FTE',
    days: 'days',
    targetPay: 'target pay',
    below: 'is below the threshold',
    noData: 'no value for this period',
    gate: 'gate not met',
    missing: 'missing',
    mustBe: 'must be',
    notEligible: 'not eligible',
    inPeriod: 'days in the period, minimum',
    budget: 'budget cap applied',
    colon: ':',
  },
  fr: {
    target: 'cible',
    cap: 'plafond',
    ofTarget: 'de la cible',
    weight: 'poids',
    prorated: 'proratisé',
    fte: 'ETP',
    days: 'jours',
    targetPay: 'prime cible',
    below: 'est sous le seuil',
    noData: 'aucune valeur sur la période',
    gate: 'condition non remplie',
    missing: 'absente',
    mustBe: 'doit être',
    notEligible: 'non éligible',
    inPeriod: 'jours sur la période, minimum',
    budget: 'plafond budgétaire appliqué',
    colon: '\u00a0:',
  },
} as const;

/**
 * One-sentence explanation of a line, e.g. "Team customer CSAT 84 (target 80, cap 95) → 126.7% of
 * target × weight 40% × prorated 0.5 FTE × target pay €1,000.00 = €253.33" (English or French).
 */
export function explainLine(facts: LineFacts, lang: Lang): string {
  const w = WORDS[lang];
  const n = (d: Decimal): string => formatDecimal(d, lang, 2);
  const money = (d: Decimal): string => formatMoney(d, facts.currency, lang);
  const label = facts.componentLabel[lang];
  const landmarks = `(${w.target} ${n(facts.target)}, ${w.cap} ${n(facts.cap)})`;
  let text: string;
  switch (facts.status) {
    case LineStatus.NOT_ELIGIBLE:
      text = `${label}${w.colon} ${w.notEligible} — ${facts.eligibleDays} ${w.inPeriod} ${facts.minimumEligibleDays} → ${money(facts.amountBeforeCap)}`;
      break;
    case LineStatus.GATED: {
      const gates = facts.failedGates
        .map(
          (g) =>
            `${g.label[lang]} ${g.value === null ? w.missing : n(g.value)} (${w.mustBe} ${g.operatorSymbol} ${n(g.threshold)})`,
        )
        .join('; ');
      text = `${label}${w.colon} ${w.gate} — ${gates} → ${money(facts.amountBeforeCap)}`;
      break;
    }
    case LineStatus.NO_DATA:
      text = `${label}${w.colon} ${w.noData} → ${money(facts.amountBeforeCap)}`;
      break;
    case LineStatus.BELOW_THRESHOLD:
      text = `${label} ${n(facts.metricValue as Decimal)} ${w.below} ${n(facts.threshold)} ${landmarks} → ${formatPercent(facts.payoutPercent, lang)} = ${money(facts.amountBeforeCap)}`;
      break;
    default: {
      const days =
        facts.eligibleDays < facts.periodDays ? ` × ${facts.eligibleDays}/${facts.periodDays} ${w.days}` : '';
      text =
        `${label} ${n(facts.metricValue as Decimal)} ${landmarks} → ${formatPercent(facts.payoutPercent, lang)} ${w.ofTarget}` +
        ` × ${w.weight} ${formatPercent(facts.weightPercent, lang)} × ${w.prorated} ${formatDecimal(facts.fte, lang, 4)} ${w.fte}${days}` +
        ` × ${w.targetPay} ${money(facts.targetPay)} = ${money(facts.amountBeforeCap)}`;
    }
  }
  if (!facts.amount.eq(facts.amountBeforeCap)) text += `; ${w.budget} → ${money(facts.amount)}`;
  return text;
}
