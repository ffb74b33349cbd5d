import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { applyBudgetCap } from './budget-cap';
import { canonicalJson } from './canonical-json';
import { assertWeightsSumTo100 } from './component-weights';
import { GateOperator } from './gates';
import { allocateLargestRemainder } from './largest-remainder';
import {
  Dec,
  decimalText,
  LocalisedText,
  moneyString,
  roundToCent,
  toCents,
  toDecimal,
  toMoney,
} from './money';
import { compilePayoutCurve, PayoutCurve, PayoutCurveSpec, payoutPercent } from './payout-curve';
import { DateRange, inclusiveDays, prorate } from './proration';

/**
 * A payout run of an incentive scheme: individual and collective components, team pools split by
 * FTE, base salary or equally, gates, the survey guardrail's fallback, proration and a budget cap.
 *
 * Rounding rule (documented in docs/design/incentives.md and tested):
 * - an individual or team line is computed exactly, then rounded half-even to the cent;
 * - a team pool is computed exactly, rounded half-even to the cent, then split to the cent by
 *   largest remainder among its members (shares sum exactly to the pool);
 * - the run's total is the sum of the rounded lines; a budget cap re-allocates the budget by
 *   largest remainder, so the lines still sum exactly to the total.
 * Pure and deterministic: the same input gives byte-identical lines and the same hash.
 */

/** INDIVIDUAL: the person's own measure. COLLECTIVE: the team's measure (paid per person or as a pool). */
export type ComponentKind = 'INDIVIDUAL' | 'COLLECTIVE';
/** How a collective component pays: each member on the team's value, or a team pool split. */
export type CollectiveSplit = 'TEAM' | 'POOL_EQUAL' | 'POOL_FTE' | 'POOL_BASE_SALARY';
/** What a survey measure under the anonymity or minimum-answer threshold pays instead. */
export type SchemeFallback = 'TARGET' | 'ZERO';

export type SchemeLineStatus =
  'PAID' | 'BELOW_THRESHOLD' | 'GATED' | 'NOT_ELIGIBLE' | 'NO_DATA' | 'FALLBACK_TARGET' | 'FALLBACK_ZERO';

export interface SchemeComponent {
  readonly id: string;
  readonly label: LocalisedText;
  readonly kind: ComponentKind;
  /** Collective components only (default TEAM). */
  readonly split?: CollectiveSplit;
  readonly weightPercent: string;
  /** Key of the measure: looked up in the team's values (COLLECTIVE) or the participant's (INDIVIDUAL). */
  readonly measureKey: string;
  readonly curve: PayoutCurveSpec;
}

export interface SchemeGate {
  readonly id: string;
  readonly label: LocalisedText;
  readonly measureKey: string;
  /** TEAM: the team's value; INDIVIDUAL: the participant's. */
  readonly scope: 'TEAM' | 'INDIVIDUAL';
  readonly operator: GateOperator;
  readonly threshold: string;
  /** null: the whole payout; otherwise the component zeroed. */
  readonly componentId: string | null;
}

/** A measure's value; `suppressed`: a survey figure under the thresholds (the fallback applies). */
export interface MeasureValue {
  readonly value: string | null;
  readonly suppressed?: boolean;
  /** Number of answers or observations behind the value, when known. */
  readonly n?: number | null;
}

export interface SchemeDefinition {
  readonly id: string;
  readonly currency: string;
  readonly period: DateRange;
  readonly minimumEligibleDays: number;
  /** Prorate by FTE (besides days employed). */
  readonly prorateByFte: boolean;
  readonly budget: string | null;
  readonly fallback: SchemeFallback;
  readonly components: readonly SchemeComponent[];
  readonly gates: readonly SchemeGate[];
}

export interface SchemeParticipant {
  readonly id: string;
  readonly teamId: string | null;
  /** Target bonus for the period at 100% on every component, full time, full period; null: unknown. */
  readonly targetPay: string | null;
  readonly baseSalary: string | null;
  readonly fte: string;
  readonly employmentStart: string | null;
  readonly employmentEnd: string | null;
  readonly values: Readonly<Record<string, MeasureValue | undefined>>;
}

export interface SchemeRunInput {
  readonly scheme: SchemeDefinition;
  /** Participants; the run sorts them by id. */
  readonly participants: readonly SchemeParticipant[];
  /** Team values by team id, then measure key. */
  readonly teams: Readonly<Record<string, Readonly<Record<string, MeasureValue | undefined>>>>;
}

/** One participant × component line. Amounts in cents (integers as strings avoid float drift). */
export interface SchemeLine {
  readonly participantId: string;
  readonly teamId: string | null;
  readonly componentId: string;
  readonly status: SchemeLineStatus;
  readonly measureValue: string | null;
  readonly payoutPercent: string;
  readonly prorationFactor: string;
  readonly eligibleDays: number;
  /** Target pay × weight of this line, before curve and proration. */
  readonly targetAmount: string;
  readonly failedGateIds: readonly string[];
  /** Share weight in the pool (pool lines only). */
  readonly poolWeight: string | null;
  readonly amountBeforeCap: string;
  readonly amount: string;
}

export interface SchemeRunResult {
  readonly lines: SchemeLine[];
  readonly total: string;
  readonly totalBeforeCap: string;
  readonly budgetApplied: boolean;
  /** Participants × measures with no value (reported, never silently zero). */
  readonly missing: readonly { readonly participantId: string; readonly componentId: string }[];
  readonly hash: string;
}

const HUNDRED = new Dec(100);
const ZERO = new Dec(0);
const ZERO_TARGET = { amount: ZERO, text: '0.00' };

/** An integer number of cents as money text ("-1234.5" never occurs: cents are integers ≥ 0). */
function centsText(cents: Decimal): string {
  const digits = cents.toString().padStart(3, '0'); // an integer: never in exponent form (Dec's toExpPos is 60)
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const field = (v: string | null): string => (v === null ? '~' : v);

/** Checks a scheme's design: weights, curves, gates, split kinds. Throws DomainRuleError. */
export function validateScheme(scheme: SchemeDefinition): Map<string, PayoutCurve> {
  ensure(scheme.components.length > 0, DomainErrorCode.INVALID_RUN_INPUT, 'a scheme needs a component');
  ensure(
    new Set(scheme.components.map((c) => c.id)).size === scheme.components.length,
    DomainErrorCode.INVALID_RUN_INPUT,
    'component ids must be unique',
  );
  assertWeightsSumTo100(scheme.components.map((c) => ({ id: c.id, weightPercent: c.weightPercent })));
  inclusiveDays(scheme.period);
  if (scheme.budget !== null) toMoney(scheme.budget, 'budget');
  const curves = new Map<string, PayoutCurve>();
  for (const c of scheme.components) {
    ensure(
      c.kind === 'COLLECTIVE' || c.split === undefined || c.split === 'TEAM',
      DomainErrorCode.INVALID_RUN_INPUT,
      `component ${c.id}: only a collective component can be a pool`,
    );
    curves.set(c.id, compilePayoutCurve(c.curve));
  }
  for (const g of scheme.gates) {
    toDecimal(g.threshold, `threshold of gate ${g.id}`);
    ensure(
      g.componentId === null || curves.has(g.componentId),
      DomainErrorCode.INVALID_RUN_INPUT,
      `gate ${g.id} names an unknown component`,
    );
  }
  return curves;
}

function gatePasses(op: GateOperator, v: Decimal, t: Decimal): boolean {
  switch (op) {
    case GateOperator.GTE:
      return v.gte(t);
    case GateOperator.GT:
      return v.gt(t);
    case GateOperator.LTE:
      return v.lte(t);
    default:
      return v.lt(t);
  }
}

interface Working {
  p: SchemeParticipant;
  c: SchemeComponent;
  status: SchemeLineStatus;
  value: string | null;
  percent: Decimal;
  factor: Decimal;
  eligibleDays: number;
  targetAmount: Decimal;
  targetText: string;
  factorText: string;
  failed: string[];
  poolWeight: Decimal | null;
  exact: Decimal | null; // null for pool lines (filled by the split)
  cents: Decimal;
}

/** Computes a payout run. See the module comment for the rounding rule. */
export function computeSchemeRun(input: SchemeRunInput, options: { hash?: boolean } = {}): SchemeRunResult {
  /** A simulation stores nothing: it skips the hash (empty string). */
  const hashing = options.hash ?? true;
  const { scheme } = input;
  const curves = validateScheme(scheme);
  const participants = [...input.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < participants.length; i += 1)
    ensure(
      participants[i]!.id !== participants[i - 1]!.id,
      DomainErrorCode.INVALID_RUN_INPUT,
      `participant ${participants[i]!.id} appears twice`,
    );
  const weights = new Map(scheme.components.map((c) => [c.id, toDecimal(c.weightPercent, 'weight')]));
  const thresholds = new Map(scheme.gates.map((g) => [g.id, toDecimal(g.threshold, 'threshold')]));
  const percentCache = new Map<string, Map<string, { pct: Decimal; below: boolean }>>(
    scheme.components.map((c) => [c.id, new Map()]),
  );
  const percentTexts = new Map<Decimal, string>();
  const percentText = (d: Decimal): string => {
    let t = percentTexts.get(d);
    if (t === undefined) percentTexts.set(d, (t = decimalText(d, 6)));
    return t;
  };
  const percentOf = (c: SchemeComponent, v: string): { pct: Decimal; below: boolean } => {
    const cache = percentCache.get(c.id)!;
    let hit = cache.get(v);
    if (!hit) {
      const curve = curves.get(c.id)!;
      hit = { pct: payoutPercent(curve, v), below: new Dec(v).lt(curve.threshold) };
      cache.set(v, hit);
    }
    return hit;
  };
  const valueOf = (
    p: SchemeParticipant,
    key: string,
    scope: 'TEAM' | 'INDIVIDUAL',
  ): MeasureValue | undefined =>
    scope === 'TEAM' ? (p.teamId === null ? undefined : input.teams[p.teamId]?.[key]) : p.values[key];

  // Caches: most participants share a target pay, a proration and a measure value, so each
  // distinct value is parsed, computed and printed once (a run of 100,000 people stays in seconds).
  const pays = new Map<string, Decimal>();
  const prorations = new Map<string, ReturnType<typeof prorate> & { text: string }>();
  const targets = new Map<string, { amount: Decimal; text: string }>();
  const work: Working[] = [];
  const missing: { participantId: string; componentId: string }[] = [];
  for (const p of participants) {
    let pay: Decimal | null = null;
    if (p.targetPay !== null) {
      pay = pays.get(p.targetPay) ?? null;
      if (!pay) pays.set(p.targetPay, (pay = toMoney(p.targetPay, `target pay of ${p.id}`)));
    }
    const fte = scheme.prorateByFte ? p.fte : '1';
    const prKey = `${fte}|${p.employmentStart ?? ''}|${p.employmentEnd ?? ''}`;
    let pr = prorations.get(prKey);
    if (!pr) {
      const computed = prorate({
        fte,
        period: scheme.period,
        employmentStart: p.employmentStart,
        employmentEnd: p.employmentEnd,
        minimumEligibleDays: scheme.minimumEligibleDays,
      });
      prorations.set(prKey, (pr = { ...computed, text: decimalText(computed.factor, 6) }));
    }
    const failedAll: string[] = [];
    const failedByComponent = new Map<string, string[]>();
    for (const g of scheme.gates) {
      const mv = valueOf(p, g.measureKey, g.scope);
      const ok =
        mv !== undefined &&
        mv.value !== null &&
        !mv.suppressed &&
        gatePasses(g.operator, new Dec(mv.value), thresholds.get(g.id)!);
      if (ok) continue;
      if (g.componentId === null) failedAll.push(g.id);
      else failedByComponent.set(g.componentId, [...(failedByComponent.get(g.componentId) ?? []), g.id]);
    }
    for (const c of scheme.components) {
      const scope = c.kind === 'COLLECTIVE' ? 'TEAM' : 'INDIVIDUAL';
      const mv = valueOf(p, c.measureKey, scope);
      const value = mv?.value ?? null;
      const own = failedByComponent.get(c.id);
      const failed = own ? [...failedAll, ...own] : failedAll;
      let target = ZERO_TARGET;
      if (pay !== null) {
        const tKey = `${c.id}|${p.targetPay!}`;
        let t = targets.get(tKey);
        if (!t) {
          const amount = pay.times(weights.get(c.id)!).dividedBy(HUNDRED);
          targets.set(tKey, (t = { amount, text: moneyString(amount) }));
        }
        target = t;
      }
      const targetAmount = target.amount;
      let status: SchemeLineStatus;
      let percent = ZERO;
      if (!pr.eligible) status = 'NOT_ELIGIBLE';
      else if (pay === null) status = 'NO_DATA';
      else if (failed.length > 0) status = 'GATED';
      else if (mv?.suppressed) {
        status = scheme.fallback === 'TARGET' ? 'FALLBACK_TARGET' : 'FALLBACK_ZERO';
        percent = scheme.fallback === 'TARGET' ? HUNDRED : ZERO;
      } else if (value === null) status = 'NO_DATA';
      else {
        const hit = percentOf(c, value);
        percent = hit.pct;
        status = hit.below ? 'BELOW_THRESHOLD' : 'PAID';
      }
      if (status === 'NO_DATA') missing.push({ participantId: p.id, componentId: c.id });
      const pool = c.kind === 'COLLECTIVE' && c.split !== undefined && c.split !== 'TEAM';
      let poolWeight: Decimal | null = null;
      if (pool) {
        const eligible = status !== 'NOT_ELIGIBLE' && status !== 'GATED' && status !== 'NO_DATA';
        poolWeight = !eligible
          ? ZERO
          : c.split === 'POOL_EQUAL'
            ? new Dec(1)
            : c.split === 'POOL_FTE'
              ? toDecimal(p.fte, 'fte')
              : p.baseSalary === null
                ? ZERO
                : toMoney(p.baseSalary, `base salary of ${p.id}`);
      }
      work.push({
        p,
        c,
        status,
        value,
        percent,
        factor: pr.factor,
        eligibleDays: pr.eligibleDays,
        targetAmount,
        targetText: target.text,
        factorText: pr.text,
        failed,
        poolWeight,
        exact: pool
          ? null
          : percent.isZero()
            ? ZERO
            : targetAmount.times(percent).times(pr.factor).dividedBy(HUNDRED),
        cents: ZERO,
      });
    }
  }

  // Individual and team lines: half-even to the cent.
  for (const w of work)
    if (w.exact !== null) w.cents = w.exact.isZero() ? ZERO : toCents(roundToCent(w.exact));
  // Pools: per component and team, the exact pool (each member's prorated target × the team's
  // payout), rounded to the cent, then split by largest remainder on the members' weights.
  const pools = new Map<string, Working[]>();
  for (const w of work)
    if (w.exact === null) {
      const key = `${w.c.id}\u0000${w.p.teamId ?? ''}`;
      const list = pools.get(key);
      if (list) list.push(w);
      else pools.set(key, [w]);
    }
  for (const members of pools.values()) {
    const poolExact = members.reduce(
      (s, w) =>
        w.poolWeight!.gt(0) ? s.plus(w.targetAmount.times(w.percent).times(w.factor).dividedBy(HUNDRED)) : s,
      ZERO,
    );
    const poolCents = toCents(roundToCent(poolExact));
    const withWeight = members.filter((w) => w.poolWeight!.gt(0));
    if (poolCents.isZero() || withWeight.length === 0) continue;
    const shares = allocateLargestRemainder(
      poolCents,
      withWeight.map((w) => ({ key: w.p.id, weight: w.poolWeight! })),
    );
    withWeight.forEach((w, i) => (w.cents = shares[i]!));
  }
  pools.clear();

  let finalCents: Decimal[] | null = null;
  let applied = false;
  if (scheme.budget !== null) {
    const budgetCents = toCents(toMoney(scheme.budget, 'budget'));
    const sum = work.reduce((s, w) => s.plus(w.cents), ZERO);
    if (sum.gt(budgetCents)) {
      // Scale down: the budget re-allocated to the cent by largest remainder (applyBudgetCap's rule).
      const capped = applyBudgetCap(
        work.map((w) => ({ key: `${w.p.id}\u0000${w.c.id}`, amount: w.cents.dividedBy(100) })),
        scheme.budget,
      );
      finalCents = capped.lines.map((d) => toCents(d));
      applied = capped.applied;
    }
  }
  const hash = createHash('sha256');
  if (hashing) hash.update(canonicalJson({ scheme, teams: input.teams }));
  // Participants and lines in a fixed field order (no per-object key sorting: the order is the
  // schema), so the hash stays canonical and cheap.
  let chunk = '';
  const feed = (text: string) => {
    if (!hashing) return;
    chunk += text;
    if (chunk.length > 65536) {
      hash.update(chunk);
      chunk = '';
    }
  };
  for (const p of hashing ? participants : []) {
    const keys = Object.keys(p.values).sort();
    let values = '';
    for (const k of keys) {
      const v = p.values[k];
      if (v !== undefined) values += `${k}=${field(v.value)}/${v.suppressed ? 1 : 0}/${v.n ?? '~'};`;
    }
    feed(
      `P|${p.id}|${field(p.teamId)}|${field(p.targetPay)}|${field(p.baseSalary)}|${p.fte}|${field(p.employmentStart)}|${field(p.employmentEnd)}|${values}\n`,
    );
  }
  let totalCents = ZERO;
  let totalBeforeCapCents = ZERO;
  // Each working line is dropped once its output line exists (a run of 600,000 lines would
  // otherwise hold both at their peak).
  const lines: SchemeLine[] = new Array<SchemeLine>(work.length);
  for (let i = 0; i < work.length; i += 1) {
    const w = work[i]!;
    work[i] = undefined as unknown as Working;
    const fc = finalCents ? finalCents[i]! : w.cents;
    if (!fc.isZero()) totalCents = totalCents.plus(fc);
    if (finalCents && !w.cents.isZero()) totalBeforeCapCents = totalBeforeCapCents.plus(w.cents);
    const before = centsText(w.cents);
    const line: SchemeLine = {
      participantId: w.p.id,
      teamId: w.p.teamId,
      componentId: w.c.id,
      status: w.status,
      measureValue: w.value,
      payoutPercent: percentText(w.percent),
      prorationFactor: w.factorText,
      eligibleDays: w.eligibleDays,
      targetAmount: w.targetText,
      failedGateIds: w.failed,
      poolWeight: w.poolWeight === null ? null : decimalText(w.poolWeight),
      amountBeforeCap: before,
      amount: finalCents ? centsText(fc) : before,
    };
    if (hashing)
      feed(
        `L|${line.participantId}|${line.componentId}|${line.status}|${field(line.measureValue)}|${line.payoutPercent}|${line.prorationFactor}|${line.eligibleDays}|${line.targetAmount}|${line.failedGateIds.join(',')}|${field(line.poolWeight)}|${line.amountBeforeCap}|${line.amount}\n`,
      );
    lines[i] = line;
  }
  const total = centsText(totalCents);
  const totalBeforeCap = finalCents ? centsText(totalBeforeCapCents) : total;
  hash.update(chunk);
  hash.update(`T|${total}|${totalBeforeCap}|${applied ? 1 : 0}`);
  return {
    lines,
    total,
    totalBeforeCap,
    budgetApplied: applied,
    missing,
    hash: hashing ? hash.digest('hex') : '',
  };
}
