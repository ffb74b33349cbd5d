import { Decimal } from 'decimal.js';
import { gateOperatorSymbol } from './gates';
import { Dec, formatDecimal, formatMoney, formatPercent, Lang, LocalisedText, roundToCent } from './money';
import { compilePayoutCurve, payoutPercent } from './payout-curve';
import type { SchemeComponent, SchemeGate, SchemeLine } from './scheme-run';

/** What a statement line needs to be explained: the line, its component, the gates and the currency. */
export interface LineContext {
  readonly line: SchemeLine;
  readonly component: SchemeComponent;
  readonly gates: readonly SchemeGate[];
  readonly currency: string;
  /** Days in the scheme's period. */
  readonly periodDays: number;
  readonly minimumEligibleDays: number;
}

const W = {
  en: {
    team: 'team',
    you: 'you',
    target: 'target',
    cap: 'cap',
    threshold: 'threshold',
    ofTarget: 'of target',
    prorated: 'prorated',
    targetShare: 'target share',
    noData: 'no value was recorded for this period, so nothing is paid until it is',
    gate: 'condition not met',
    notEligible: 'not eligible: days in the period below the minimum of',
    fallbackTarget:
      'too few answers to use this survey measure (anonymity rule): the scheme pays it at target instead',
    fallbackZero:
      'too few answers to use this survey measure (anonymity rule): the scheme pays nothing for it',
    pool: 'team pool shared by',
    budget: 'budget cap applied',
    moveTarget: 'At the target of {x} this line would pay {a}',
    moveCap: 'at the cap of {x}, {a} (the maximum)',
    moveThreshold: 'Below the threshold of {x} it pays nothing',
    moveGate: 'Meeting "{g}" ({op} {t}) would have let this line pay',
    moveData: 'Once a value is recorded, at target this line pays {a}',
    moveMax: 'This line already pays the maximum of the curve',
    moveEligible: 'Working at least {d} days in the period makes you eligible',
  },
  fr: {
    team: 'équipe',
    you: 'vous',
    target: 'cible',
    cap: 'plafond',
    threshold: 'seuil',
    ofTarget: 'de la cible',
    prorated: 'prorata',
    targetShare: 'part cible',
    noData: 'aucune valeur n’a été saisie pour la période : rien n’est versé tant qu’elle manque',
    gate: 'condition non remplie',
    notEligible: 'non éligible : jours sur la période sous le minimum de',
    fallbackTarget:
      'trop peu de réponses pour utiliser cette mesure d’enquête (règle d’anonymat) : le dispositif la paie à la cible',
    fallbackZero:
      'trop peu de réponses pour utiliser cette mesure d’enquête (règle d’anonymat) : le dispositif ne la paie pas',
    pool: 'cagnotte d’équipe partagée',
    budget: 'plafond budgétaire appliqué',
    moveTarget: 'À la cible de {x}, cette ligne paierait {a}',
    moveCap: 'au plafond de {x}, {a} (le maximum)',
    moveThreshold: 'Sous le seuil de {x}, elle ne paie rien',
    moveGate: 'Remplir « {g} » ({op} {t}) aurait permis à cette ligne de payer',
    moveData: 'Une fois la valeur saisie, à la cible cette ligne paie {a}',
    moveMax: 'Cette ligne paie déjà le maximum de la courbe',
    moveEligible: 'Au moins {d} jours travaillés sur la période ouvrent le droit',
  },
} as const;

const POOL_SPLIT: Record<string, LocalisedText> = {
  POOL_EQUAL: { en: 'equally', fr: 'à parts égales' },
  POOL_FTE: { en: 'by FTE', fr: 'au prorata des ETP' },
  POOL_BASE_SALARY: { en: 'by base salary', fr: 'au prorata du salaire de base' },
};

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

/** How a line became money, in one sentence. */
export function explainSchemeLine(ctx: LineContext, lang: Lang): string {
  const w = W[lang];
  const { line, component } = ctx;
  const n = (d: Decimal | string): string => formatDecimal(new Dec(d), lang, 2);
  const money = (d: Decimal | string): string => formatMoney(new Dec(d), ctx.currency, lang);
  const label = `${component.label[lang]}${component.kind === 'COLLECTIVE' ? ` (${w.team})` : ''}`;
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  const curve = compilePayoutCurve(component.curve);
  let text: string;
  switch (line.status) {
    case 'NOT_ELIGIBLE':
      text = `${label}${sep}${w.notEligible} ${ctx.minimumEligibleDays} (${line.eligibleDays}/${ctx.periodDays}) → ${money(line.amountBeforeCap)}`;
      break;
    case 'NO_DATA':
      text = `${label}${sep}${w.noData} → ${money(line.amountBeforeCap)}`;
      break;
    case 'GATED': {
      const failed = ctx.gates
        .filter((g) => line.failedGateIds.includes(g.id))
        .map((g) => `${g.label[lang]} (${gateOperatorSymbol(g.operator)} ${n(g.threshold)})`)
        .join('; ');
      text = `${label}${sep}${w.gate} — ${failed} → ${money(line.amountBeforeCap)}`;
      break;
    }
    case 'FALLBACK_TARGET':
    case 'FALLBACK_ZERO':
      text = `${label}${sep}${line.status === 'FALLBACK_TARGET' ? w.fallbackTarget : w.fallbackZero} → ${money(line.amountBeforeCap)}`;
      break;
    default: {
      const landmarks = `(${w.threshold} ${n(curve.threshold)}, ${w.target} ${n(curve.target)}, ${w.cap} ${n(curve.cap)})`;
      const factor = new Dec(line.prorationFactor);
      const prorated = factor.eq(1) ? '' : ` × ${w.prorated} ${formatDecimal(factor, lang, 4)}`;
      if (line.poolWeight !== null) {
        text =
          `${label} ${n(line.measureValue!)} ${landmarks} → ${formatPercent(new Dec(line.payoutPercent), lang)} ${w.ofTarget}` +
          ` × ${w.targetShare} ${money(line.targetAmount)}${prorated}, ${w.pool} ${POOL_SPLIT[component.split ?? 'POOL_EQUAL']![lang]} → ${money(line.amountBeforeCap)}`;
      } else {
        text =
          `${label} ${n(line.measureValue!)} ${landmarks} → ${formatPercent(new Dec(line.payoutPercent), lang)} ${w.ofTarget}` +
          ` × ${w.targetShare} ${money(line.targetAmount)}${prorated} = ${money(line.amountBeforeCap)}`;
      }
    }
  }
  if (line.amount !== line.amountBeforeCap) text += `; ${w.budget} → ${money(line.amount)}`;
  return text;
}

/**
 * What would have moved the line: the amount at target and at cap for a curve line (individual
 * or team-paid; a pool share is estimated on the same prorated target), the gate to meet, the
 * missing value, or the days needed.
 */
export function whatWouldMoveIt(ctx: LineContext, lang: Lang): string {
  const w = W[lang];
  const { line, component } = ctx;
  const n = (d: Decimal | string): string => formatDecimal(new Dec(d), lang, 2);
  const money = (d: Decimal): string => formatMoney(d, ctx.currency, lang);
  const curve = compilePayoutCurve(component.curve);
  const base = new Dec(line.targetAmount).times(new Dec(line.prorationFactor));
  const at = (x: Decimal): Decimal => roundToCent(base.times(payoutPercent(curve, x)).dividedBy(100));
  switch (line.status) {
    case 'NOT_ELIGIBLE':
      return fill(w.moveEligible, { d: String(ctx.minimumEligibleDays) });
    case 'NO_DATA':
      return fill(w.moveData, { a: money(roundToCent(base)) });
    case 'GATED': {
      const g = ctx.gates.find((x) => line.failedGateIds.includes(x.id));
      return g
        ? `${fill(w.moveGate, { g: g.label[lang], op: gateOperatorSymbol(g.operator), t: n(g.threshold) })}.`
        : '';
    }
    case 'FALLBACK_TARGET':
    case 'FALLBACK_ZERO':
      return fill(w.moveData, { a: money(roundToCent(base)) });
    default: {
      const v = new Dec(line.measureValue!);
      if (v.gte(curve.cap)) return `${w.moveMax}.`;
      const parts: string[] = [];
      if (v.lt(curve.threshold)) parts.push(fill(w.moveThreshold, { x: n(curve.threshold) }));
      if (v.lt(curve.target))
        parts.push(fill(w.moveTarget, { x: n(curve.target), a: money(at(curve.target)) }));
      parts.push(fill(w.moveCap, { x: n(curve.cap), a: money(at(curve.cap)) }));
      return `${parts.join('; ')}.`;
    }
  }
}
