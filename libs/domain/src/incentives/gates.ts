import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { DecimalInput, LocalisedText, toDecimal } from './money';

/** Comparison of a gate: the metric value must be (≥, >, ≤, <) the threshold to pass. */
export enum GateOperator {
  GTE = 'GTE',
  GT = 'GT',
  LTE = 'LTE',
  LT = 'LT',
}

/** What a failed gate zeroes: one component, or the whole payout of the participant. */
export enum GateEffect {
  ZERO_COMPONENT = 'ZERO_COMPONENT',
  ZERO_PAYOUT = 'ZERO_PAYOUT',
}

/** A condition on a metric value that must hold for pay to flow. */
export interface Gate {
  readonly id: string;
  readonly label: LocalisedText;
  readonly metricKey: string;
  readonly operator: GateOperator;
  readonly threshold: DecimalInput;
  readonly effect: GateEffect;
  /** Required when effect is ZERO_COMPONENT: the component zeroed. */
  readonly componentId?: string;
}

/** Outcome of one gate for one participant. */
export interface GateOutcome {
  readonly gateId: string;
  readonly passed: boolean;
  /** The value tested, as a decimal string, or null when missing. */
  readonly value: string | null;
}

/** Throws INVALID_ARGUMENT if a ZERO_COMPONENT gate names no component. */
export function validateGate(gate: Gate): void {
  ensure(
    gate.effect !== GateEffect.ZERO_COMPONENT || (gate.componentId !== undefined && gate.componentId !== ''),
    DomainErrorCode.INVALID_ARGUMENT,
    `gate ${gate.id} zeroes a component but names none`,
    { gateId: gate.id },
  );
  toDecimal(gate.threshold, `threshold of gate ${gate.id}`);
}

/** Evaluates a gate on a metric value; a missing value (null/undefined) fails the gate (no data, no pay). */
export function evaluateGate(gate: Gate, value: DecimalInput | null | undefined): GateOutcome {
  validateGate(gate);
  if (value === null || value === undefined) return { gateId: gate.id, passed: false, value: null };
  const v = toDecimal(value, `value of ${gate.metricKey}`);
  const t = toDecimal(gate.threshold, 'threshold');
  const passed =
    gate.operator === GateOperator.GTE
      ? v.gte(t)
      : gate.operator === GateOperator.GT
        ? v.gt(t)
        : gate.operator === GateOperator.LTE
          ? v.lte(t)
          : v.lt(t);
  return { gateId: gate.id, passed, value: v.toString() };
}

/** The operator as a symbol, for explanations. */
export function gateOperatorSymbol(operator: GateOperator): string {
  return { GTE: '≥', GT: '>', LTE: '≤', LT: '<' }[operator];
}
