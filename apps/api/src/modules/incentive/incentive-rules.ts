import { Decimal } from 'decimal.js';
import {
  compilePayoutCurve,
  Dec,
  DomainRuleError,
  GateOperator,
  moneyString,
  roundToCent,
  validateScheme,
  type SchemeComponent,
  type SchemeDefinition,
  type SchemeGate,
} from '@symmetry/domain';
import { badInput } from '../../platform/graphql/app-error';
import type {
  IncentiveSchemeInput,
  Measure,
  SchemeComponentGql,
  SchemeGateGql,
  TargetBonus,
} from './dto/incentive.types';

/** A stored scheme row (snake_case columns, jsonb parsed). */
export interface SchemeRow {
  id: string;
  organization_id: string;
  lineage_id: string;
  version: number;
  previous_id: string | null;
  name: string;
  description: string;
  period_kind: string;
  period_start: string;
  period_end: string;
  currency: string;
  population: { teamIds: string[]; positionIds: string[]; personIds: string[] };
  minimum_eligible_days: number;
  prorate_by_fte: boolean;
  target_bonus: TargetBonus;
  budget: string | null;
  fallback: 'TARGET' | 'ZERO';
  minimum_answers: number;
  components: SchemeComponentGql[];
  gates: SchemeGateGql[];
  status: string;
  designed_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  review_comment: string | null;
  row_version: number;
  updated_at: Date;
}

/**
 * SQL condition: person alias `p` belongs to the population `population` (a jsonb expression: the
 * scheme's column, or a `$n::jsonb` parameter) — in one of its teams, positions, or named.
 */
export function inPopulation(p: string, population: string): string {
  const ids = (key: string) => `(SELECT jsonb_array_elements_text(${population}->'${key}')::uuid)`;
  return `(${p}.team_id IN ${ids('teamIds')} OR ${p}.position_id IN ${ids('positionIds')} OR ${p}.id IN ${ids('personIds')})`;
}

/** The key under which a measure's value is looked up. */
export function measureKey(m: Measure): string {
  switch (m.type) {
    case 'TEAM_METRIC':
      return `team:${m.metricKey ?? ''}`;
    case 'OBJECTIVE':
      return 'objective';
    case 'TRAINING_HOURS':
      return 'training_hours';
    default:
      return `upload:${m.uploadKey ?? ''}`;
  }
}

const MONTHS: Record<string, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

/** Last day of a period of `kind` starting on `start` (YYYY-MM-DD). */
export function periodEnd(kind: string, start: string): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m - 1 + MONTHS[kind]!, 0));
  return end.toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Money: a decimal with at most two decimals, ≥ 0. */
export function money(value: string, field: string): Decimal {
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(value))
    throw badInput(field, `${field} must be an amount with at most two decimals, e.g. "1250.00"`);
  return new Dec(value);
}

function decimal(value: string, field: string): Decimal {
  if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(value)) throw badInput(field, `${field} must be a decimal number`);
  return new Dec(value);
}

function targetValue(mode: string, value: string, field: string): void {
  if (mode === 'FIXED') money(value, field);
  else {
    const v = decimal(value, field);
    if (v.lt(0) || v.gt(100))
      throw badInput(field, `${field}: a percentage of base salary between 0 and 100`);
  }
}

/** Translates a domain rule failure into BAD_USER_INPUT on `field`. */
function domain<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainRuleError) throw badInput(field, e.message);
    throw e;
  }
}

/**
 * Checks a scheme design beyond the DTO's shape: period alignment, money, target bonus, measures,
 * weights summing to 100, increasing curves with the cap at or above target, gates naming real
 * components. `metricKeys`: the organisation's metric keys.
 */
export function validateSchemeInput(input: IncentiveSchemeInput, metricKeys: Set<string>): void {
  if (!isDate(input.periodStart)) throw badInput('periodStart', 'periodStart is not a date');
  const [, m, d] = input.periodStart.split('-').map(Number) as [number, number, number];
  const aligned =
    d === 1 &&
    (input.periodKind === 'MONTH' ||
      (input.periodKind === 'QUARTER' && (m - 1) % 3 === 0) ||
      (input.periodKind === 'HALF_YEAR' && (m - 1) % 6 === 0) ||
      (input.periodKind === 'YEAR' && m === 1));
  if (!aligned)
    throw badInput('periodStart', `a ${input.periodKind.toLowerCase()} period must start on its first day`);
  const pop = input.population;
  if (pop.teamIds.length + pop.positionIds.length + pop.personIds.length === 0)
    throw badInput('population', 'choose at least one team, position or person');
  if (input.budget !== null && input.budget !== undefined) money(input.budget, 'budget');
  targetValue(input.targetBonus.mode, input.targetBonus.value, 'targetBonus.value');
  input.targetBonus.byPosition.forEach((p, i) =>
    targetValue(p.mode, p.value, `targetBonus.byPosition[${i}].value`),
  );
  if (input.components.length === 0) throw badInput('components', 'a scheme needs at least one component');
  const ids = new Set<string>();
  input.components.forEach((c, i) => {
    const f = `components[${i}]`;
    if (ids.has(c.id)) throw badInput(`${f}.id`, `component id "${c.id}" is used twice`);
    ids.add(c.id);
    decimal(c.weightPercent, `${f}.weightPercent`);
    validateMeasure(c.measure, `${f}.measure`, metricKeys);
    if (c.kind === 'COLLECTIVE' && c.measure.type !== 'TEAM_METRIC')
      throw badInput(`${f}.measure`, 'a collective component is measured on a team metric');
    if (c.kind === 'INDIVIDUAL' && c.split && c.split !== 'TEAM')
      throw badInput(`${f}.split`, 'only a collective component can be a team pool');
    for (const p of [c.curve.threshold, c.curve.cap, ...c.curve.intermediatePoints]) {
      decimal(p.x, `${f}.curve`);
      decimal(p.payoutPercent, `${f}.curve`);
    }
    decimal(c.curve.target, `${f}.curve.target`);
    domain(`${f}.curve`, () => compilePayoutCurve(c.curve));
  });
  input.gates.forEach((g, i) => {
    const f = `gates[${i}]`;
    validateMeasure(g.measure, `${f}.measure`, metricKeys);
    decimal(g.threshold, `${f}.threshold`);
    if (g.componentId && !ids.has(g.componentId))
      throw badInput(`${f}.componentId`, `gate ${g.id} names an unknown component "${g.componentId}"`);
  });
  if (new Set(input.gates.map((g) => g.id)).size !== input.gates.length)
    throw badInput('gates', 'gate ids must be unique');
  domain('components.weightPercent', () => validateScheme(toDefinition('check', input, input.periodStart)));
}

function validateMeasure(m: Measure, field: string, metricKeys: Set<string>): void {
  if (m.type === 'TEAM_METRIC' && (!m.metricKey || !metricKeys.has(m.metricKey)))
    throw badInput(`${field}.metricKey`, `unknown metric "${m.metricKey ?? ''}"`);
  if (m.type === 'UPLOAD' && !m.uploadKey)
    throw badInput(`${field}.uploadKey`, 'an uploaded measure needs a name');
}

/** The domain's scheme definition (what a run computes with) for a period. */
export function toDefinition(
  id: string,
  s: Pick<
    IncentiveSchemeInput,
    | 'periodKind'
    | 'currency'
    | 'minimumEligibleDays'
    | 'prorateByFte'
    | 'budget'
    | 'fallback'
    | 'components'
    | 'gates'
  >,
  start: string,
): SchemeDefinition {
  return {
    id,
    currency: s.currency,
    period: { start, end: periodEnd(s.periodKind, start) },
    minimumEligibleDays: s.minimumEligibleDays,
    prorateByFte: s.prorateByFte,
    budget: s.budget ?? null,
    fallback: s.fallback,
    components: s.components.map((c): SchemeComponent => ({
      id: c.id,
      label: { en: c.labelEn, fr: c.labelFr },
      kind: c.kind,
      split: c.kind === 'COLLECTIVE' ? (c.split ?? 'TEAM') : undefined,
      weightPercent: c.weightPercent,
      measureKey: measureKey(c.measure),
      curve: {
        threshold: c.curve.threshold,
        target: c.curve.target,
        cap: c.curve.cap,
        intermediatePoints: c.curve.intermediatePoints,
      },
    })),
    gates: s.gates.map((g): SchemeGate => ({
      id: g.id,
      label: { en: g.labelEn, fr: g.labelFr },
      measureKey: measureKey(g.measure),
      scope: g.measure.type === 'TEAM_METRIC' ? 'TEAM' : 'INDIVIDUAL',
      operator: g.operator as unknown as GateOperator,
      threshold: g.threshold,
      componentId: g.componentId ?? null,
    })),
  };
}

/** Row → the input shape (what the designer edits). */
export function rowToInput(r: SchemeRow): IncentiveSchemeInput {
  return {
    name: r.name,
    description: r.description,
    periodKind: r.period_kind as IncentiveSchemeInput['periodKind'],
    periodStart: r.period_start,
    currency: r.currency,
    population: r.population,
    minimumEligibleDays: r.minimum_eligible_days,
    prorateByFte: r.prorate_by_fte,
    targetBonus: r.target_bonus,
    budget: r.budget,
    fallback: r.fallback as IncentiveSchemeInput['fallback'],
    minimumAnswers: r.minimum_answers,
    components: r.components,
    gates: r.gates,
  };
}

/** Target bonus of a person for the period: the position's rule or the default; null when unknown. */
export function targetPayOf(
  bonus: TargetBonus,
  positionId: string | null,
  baseSalary: string | null,
): string | null {
  const rule = bonus.byPosition.find((p) => p.positionId === positionId) ?? bonus;
  if (rule.mode === 'FIXED') return moneyString(new Dec(rule.value));
  if (baseSalary === null) return null;
  return moneyString(roundToCent(new Dec(baseSalary).times(rule.value).dividedBy(100)));
}

/** Ten equal bins from 0 to the largest total (all in one bin when every total is 0). */
export function histogram(totals: Decimal[]): { from: string; to: string; count: number }[] {
  if (totals.length === 0) return [];
  const max = totals.reduce((a, b) => (b.gt(a) ? b : a), new Dec(0));
  if (max.isZero()) return [{ from: '0.00', to: '0.00', count: totals.length }];
  const width = max.dividedBy(10);
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: moneyString(roundToCent(width.times(i))),
    to: moneyString(roundToCent(width.times(i + 1))),
    count: 0,
  }));
  for (const t of totals) {
    const i = Math.min(9, t.dividedBy(width).floor().toNumber());
    bins[i]!.count += 1;
  }
  return bins;
}
