import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { applyBudgetCap, roundLines } from './budget-cap';
import { canonicalHash } from './canonical-json';
import { assertWeightsSumTo100 } from './component-weights';
import { evaluateGate, Gate, GateEffect, gateOperatorSymbol, validateGate } from './gates';
import { explainLine, FailedGateFacts, LineStatus } from './line-explanation';
import {
  Dec,
  decimalText,
  DecimalInput,
  LocalisedText,
  MoneyInput,
  moneyString,
  toDecimal,
  toMoney,
} from './money';
import { compilePayoutCurve, PayoutCurve, PayoutCurveSpec, payoutPercent } from './payout-curve';
import { DateRange, inclusiveDays, prorate } from './proration';

/** One component of an incentive plan: a metric, its payout curve and its weight. */
export interface IncentiveComponent {
  readonly id: string;
  readonly label: LocalisedText;
  /** Key of the metric value in each participant's `metrics` (team value for collective components). */
  readonly metricKey: string;
  /** Weight in percent; all weights of a plan sum to exactly 100. */
  readonly weightPercent: DecimalInput;
  readonly curve: PayoutCurveSpec;
}

/** An incentive plan for one period. */
export interface IncentivePlan {
  readonly id: string;
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string;
  readonly period: DateRange;
  /** Fewer eligible days in the period than this pays nothing (default 1). */
  readonly minimumEligibleDays?: number;
  readonly components: readonly IncentiveComponent[];
  readonly gates?: readonly Gate[];
  /** Maximum total of the run; when exceeded every line is scaled down (see applyBudgetCap). */
  readonly budget?: MoneyInput | null;
}

/** A person in the run. */
export interface IncentiveParticipant {
  readonly id: string;
  /** Pay at 100% on every component for a full-time, full-period participant. */
  readonly targetPay: MoneyInput;
  /** Full-time equivalent in (0, 1]. */
  readonly fte: DecimalInput;
  readonly employmentStart?: string | null;
  readonly employmentEnd?: string | null;
  /** Metric values by metric key; null or absent = no data. */
  readonly metrics: Readonly<Record<string, DecimalInput | null>>;
}

/** Everything a run depends on. */
export interface IncentiveRunInput {
  readonly plan: IncentivePlan;
  readonly participants: readonly IncentiveParticipant[];
}

/** One participant × component line of a run. Decimal values are strings. */
export interface IncentiveLine {
  readonly participantId: string;
  readonly componentId: string;
  readonly status: LineStatus;
  readonly metricValue: string | null;
  /** Payout in % of target, rounded half-even to 6 decimals for display (computations use full precision). */
  readonly payoutPercent: string;
  readonly weightPercent: string;
  /** FTE × eligible days / period days, rounded half-even to 6 decimals for display. */
  readonly prorationFactor: string;
  readonly eligibleDays: number;
  readonly periodDays: number;
  readonly failedGateIds: readonly string[];
  /** Line rounded half-even to the cent, before the budget cap. */
  readonly amountBeforeCap: string;
  /** Final line amount. */
  readonly amount: string;
  readonly explanation: LocalisedText;
}

/** Output of a run, with a SHA-256 of the canonical JSON of { input, output }. */
export interface IncentiveRunResult {
  readonly planId: string;
  readonly currency: string;
  readonly lines: readonly IncentiveLine[];
  readonly participantTotals: readonly { readonly participantId: string; readonly total: string }[];
  readonly totalBeforeCap: string;
  readonly total: string;
  readonly budget: string | null;
  readonly budgetApplied: boolean;
  /** sha256(canonicalJson({ input, output })) where output is this object without `hash`. */
  readonly hash: string;
}

function unique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    ensure(!seen.has(id), DomainErrorCode.INVALID_RUN_INPUT, `duplicate ${what} id "${id}"`, { id });
    seen.add(id);
  }
}

interface PendingLine {
  readonly participant: IncentiveParticipant;
  readonly component: IncentiveComponent;
  readonly curve: PayoutCurve;
  readonly status: LineStatus;
  readonly metricValue: Decimal | null;
  readonly percent: Decimal;
  readonly weight: Decimal;
  readonly factor: Decimal;
  readonly fte: Decimal;
  readonly eligibleDays: number;
  readonly periodDays: number;
  readonly targetPay: Decimal;
  readonly failedGates: readonly { gate: Gate; value: Decimal | null }[];
  readonly exact: Decimal;
}

/**
 * Computes an incentive run: for each participant and component, payout % from the curve ×
 * weight × proration × target pay; gates and eligibility zero lines; each line is rounded half-even
 * to the cent, then summed; an optional budget cap scales lines down (largest remainder, to the cent).
 * Pure and deterministic: the same input gives byte-identical output and hash.
 */
export function computeIncentiveRun(input: IncentiveRunInput): IncentiveRunResult {
  const { plan, participants } = input;
  ensure(
    plan.components.length > 0,
    DomainErrorCode.INVALID_RUN_INPUT,
    'a plan needs at least one component',
  );
  unique(
    plan.components.map((c) => c.id),
    'component',
  );
  unique(
    participants.map((p) => p.id),
    'participant',
  );
  assertWeightsSumTo100(plan.components.map((c) => ({ id: c.id, weightPercent: c.weightPercent })));
  const periodDays = inclusiveDays(plan.period);
  const minimumEligibleDays = plan.minimumEligibleDays ?? 1;
  const gates = plan.gates ?? [];
  unique(
    gates.map((g) => g.id),
    'gate',
  );
  for (const gate of gates) {
    validateGate(gate);
    ensure(
      gate.effect !== GateEffect.ZERO_COMPONENT || plan.components.some((c) => c.id === gate.componentId),
      DomainErrorCode.INVALID_RUN_INPUT,
      `gate ${gate.id} refers to unknown component ${String(gate.componentId)}`,
    );
  }
  const curves = new Map(plan.components.map((c) => [c.id, compilePayoutCurve(c.curve)]));
  const budget = plan.budget === undefined || plan.budget === null ? null : toMoney(plan.budget, 'budget');

  const pending: PendingLine[] = [];
  for (const participant of participants) {
    const targetPay = toMoney(participant.targetPay, `target pay of ${participant.id}`);
    const proration = prorate({
      fte: participant.fte,
      period: plan.period,
      employmentStart: participant.employmentStart ?? null,
      employmentEnd: participant.employmentEnd ?? null,
      minimumEligibleDays,
    });
    const metric = (key: string): Decimal | null => {
      const raw = Object.prototype.hasOwnProperty.call(participant.metrics, key)
        ? participant.metrics[key]
        : null;
      return raw === null || raw === undefined ? null : toDecimal(raw, `${participant.id}.${key}`);
    };
    const failed = gates
      .map((gate) => ({ gate, value: metric(gate.metricKey) }))
      .filter(({ gate, value }) => !evaluateGate(gate, value).passed);
    for (const component of plan.components) {
      const curve = curves.get(component.id) as PayoutCurve;
      const weight = toDecimal(component.weightPercent, `weight of ${component.id}`);
      const value = metric(component.metricKey);
      const failedHere = failed.filter(
        ({ gate }) => gate.effect === GateEffect.ZERO_PAYOUT || gate.componentId === component.id,
      );
      let status: LineStatus;
      let percent = new Dec(0);
      if (!proration.eligible) status = LineStatus.NOT_ELIGIBLE;
      else if (failedHere.length > 0) status = LineStatus.GATED;
      else if (value === null) status = LineStatus.NO_DATA;
      else {
        percent = payoutPercent(curve, value);
        status = value.lt(curve.threshold) ? LineStatus.BELOW_THRESHOLD : LineStatus.PAID;
      }
      const exact =
        status === LineStatus.PAID
          ? targetPay.times(percent).times(weight).times(proration.factor).dividedBy(10_000)
          : new Dec(0);
      pending.push({
        participant,
        component,
        curve,
        status,
        metricValue: value,
        percent,
        weight,
        factor: proration.factor,
        fte: proration.fte,
        eligibleDays: proration.eligibleDays,
        periodDays,
        targetPay,
        failedGates: failedHere,
        exact,
      });
    }
  }

  const keyed = pending.map((l) => ({ key: `${l.participant.id}\u0000${l.component.id}`, amount: l.exact }));
  const rounded = roundLines(keyed);
  const capped =
    budget === null
      ? { lines: rounded.lines, total: rounded.total, applied: false }
      : applyBudgetCap(
          keyed.map((k, i) => ({ key: k.key, amount: rounded.lines[i] as Decimal })),
          budget,
        );

  const lines: IncentiveLine[] = pending.map((l, i) => {
    const amountBeforeCap = rounded.lines[i] as Decimal;
    const amount = capped.lines[i] as Decimal;
    const failedGates: FailedGateFacts[] = l.failedGates.map(({ gate, value }) => ({
      label: gate.label,
      operatorSymbol: gateOperatorSymbol(gate.operator),
      threshold: toDecimal(gate.threshold, 'threshold'),
      value,
    }));
    const facts = {
      status: l.status,
      componentLabel: l.component.label,
      currency: plan.currency,
      metricValue: l.metricValue,
      threshold: l.curve.threshold,
      target: l.curve.target,
      cap: l.curve.cap,
      payoutPercent: l.percent,
      weightPercent: l.weight,
      fte: l.fte,
      eligibleDays: l.eligibleDays,
      periodDays: l.periodDays,
      minimumEligibleDays,
      targetPay: l.targetPay,
      failedGates,
      amountBeforeCap,
      amount,
    };
    return {
      participantId: l.participant.id,
      componentId: l.component.id,
      status: l.status,
      metricValue: l.metricValue === null ? null : decimalText(l.metricValue),
      payoutPercent: decimalText(l.percent, 6),
      weightPercent: decimalText(l.weight),
      prorationFactor: decimalText(l.factor, 6),
      eligibleDays: l.eligibleDays,
      periodDays: l.periodDays,
      failedGateIds: l.failedGates.map(({ gate }) => gate.id),
      amountBeforeCap: moneyString(amountBeforeCap),
      amount: moneyString(amount),
      explanation: { en: explainLine(facts, 'en'), fr: explainLine(facts, 'fr') },
    };
  });

  const participantTotals = participants.map((p) => ({
    participantId: p.id,
    total: moneyString(
      pending.reduce(
        (s, l, i) => (l.participant.id === p.id ? s.plus(capped.lines[i] as Decimal) : s),
        new Dec(0),
      ),
    ),
  }));
  const output = {
    planId: plan.id,
    currency: plan.currency,
    lines,
    participantTotals,
    totalBeforeCap: moneyString(rounded.total),
    total: moneyString(capped.total),
    budget: budget === null ? null : moneyString(budget),
    budgetApplied: capped.applied,
  };
  return { ...output, hash: canonicalHash({ input, output }) };
}
