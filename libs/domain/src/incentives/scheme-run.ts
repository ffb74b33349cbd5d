import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { applyBudgetCap } from './budget-cap';
import { canonicalJson } from './canonical-json';
import { assertWeightsSumTo100 } from './component-weights';
import { GateOperator } from './gates';
import { allocateLargestRemainder } from './largest-remainder';
import {
  centsText,
  Dec,
  decimalText,
  LocalisedText,
  moneyString,
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

/** The statuses in a fixed order: a line keeps the index of its status (one byte per line). */
const STATUSES: readonly SchemeLineStatus[] = [
  'PAID',
  'BELOW_THRESHOLD',
  'GATED',
  'NOT_ELIGIBLE',
  'NO_DATA',
  'FALLBACK_TARGET',
  'FALLBACK_ZERO',
];
const ST = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<SchemeLineStatus, number>;
const NO_GATES: readonly string[] = Object.freeze([]);

/** A distinct value with its text, computed once (percentages, targets, pool weights). */
interface Entry {
  readonly dec: Decimal;
  readonly text: string;
}

/**
 * An integer-valued Decimal as a safe JS integer (cents of any real payout are far below 2^53).
 * Integer cents are held in a Float64Array only as exact integers: every amount is computed with
 * Decimal, and sums of cents are taken in BigInt, never in floating point.
 */
function safeCents(d: Decimal): number {
  const n = d.toNumber();
  ensure(
    Number.isSafeInteger(n),
    DomainErrorCode.INVALID_MONEY,
    `amount out of range: ${d.toString()} cents`,
  );
  return n;
}

/**
 * A computed run held compactly: one byte of status and a few indexes per line, the amounts as
 * integer cents in typed arrays; `line(i)` builds line i (participant ⌊i / k⌋, component i mod k)
 * on demand. A run of 600,000 lines is stored, hashed or summarised without 600,000 objects alive.
 */
export interface CompactSchemeRun {
  /** Participants sorted by id, as the lines are. */
  readonly participants: readonly SchemeParticipant[];
  readonly components: readonly SchemeComponent[];
  /** Number of lines (participants × components). */
  readonly size: number;
  line(i: number): SchemeLine;
  /** Final amount of line i in integer cents. */
  cents(i: number): number;
  readonly total: string;
  readonly totalBeforeCap: string;
  readonly budgetApplied: boolean;
  readonly missing: readonly { readonly participantId: string; readonly componentId: string }[];
  readonly hash: string;
}

/** Computes a payout run. See the module comment for the rounding rule. */
export function computeSchemeRun(input: SchemeRunInput, options: { hash?: boolean } = {}): SchemeRunResult {
  const run = computeSchemeRunCompact(input, options);
  const lines = new Array<SchemeLine>(run.size);
  for (let i = 0; i < run.size; i += 1) lines[i] = run.line(i);
  return {
    lines,
    total: run.total,
    totalBeforeCap: run.totalBeforeCap,
    budgetApplied: run.budgetApplied,
    missing: run.missing,
    hash: run.hash,
  };
}

/** Computes a payout run into the compact form (see computeSchemeRun for the plain one). */
export function computeSchemeRunCompact(
  input: SchemeRunInput,
  options: { hash?: boolean } = {},
): CompactSchemeRun {
  /** A simulation stores nothing: it skips the hash (empty string). */
  const hashing = options.hash ?? true;
  const { scheme } = input;
  const curves = validateScheme(scheme);
  const components = scheme.components;
  const k = components.length;
  const participants = [...input.participants];
  // Inputs read from the database usually come sorted by id already: check before sorting.
  if (participants.some((p, i) => i > 0 && participants[i - 1]!.id > p.id))
    participants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < participants.length; i += 1)
    ensure(
      participants[i]!.id !== participants[i - 1]!.id,
      DomainErrorCode.INVALID_RUN_INPUT,
      `participant ${participants[i]!.id} appears twice`,
    );
  const size = participants.length * k;
  const weights = components.map((c) => toDecimal(c.weightPercent, 'weight'));
  const thresholds = new Map(scheme.gates.map((g) => [g.id, toDecimal(g.threshold, 'threshold')]));

  // Distinct values, each parsed, computed and printed once: most participants share a target
  // pay, a proration, a measure value.
  const percents: Entry[] = [
    { dec: ZERO, text: decimalText(ZERO, 6) },
    { dec: HUNDRED, text: decimalText(HUNDRED, 6) },
  ];
  const percentByValue = components.map(() => new Map<string, { index: number; below: boolean }>());
  const percentOf = (ci: number, v: string): { index: number; below: boolean } => {
    const cache = percentByValue[ci]!;
    let hit = cache.get(v);
    if (!hit) {
      const curve = curves.get(components[ci]!.id)!;
      const pct = payoutPercent(curve, v);
      percents.push({ dec: pct, text: decimalText(pct, 6) });
      hit = { index: percents.length - 1, below: new Dec(v).lt(curve.threshold) };
      cache.set(v, hit);
    }
    return hit;
  };
  const decimals = new Map<string, Decimal>();
  const decimalOf = (v: string): Decimal => {
    let d = decimals.get(v);
    if (!d) decimals.set(v, (d = new Dec(v)));
    return d;
  };
  const pays = new Map<string, number>();
  /** targets[pay × k + component]: the target pay × the component's weight. */
  const targets: Entry[] = [];
  const payIndex = (targetPay: string, id: string): number => {
    let i = pays.get(targetPay);
    if (i === undefined) {
      const pay = toMoney(targetPay, `target pay of ${id}`);
      i = pays.size;
      pays.set(targetPay, i);
      for (let c = 0; c < k; c += 1) {
        const amount = pay.times(weights[c]!).dividedBy(HUNDRED);
        targets.push({ dec: amount, text: moneyString(amount) });
      }
    }
    return i;
  };
  /** A proration with fte × eligible days, the factor's numerator (its denominator: the period's days). */
  type Prorated = ReturnType<typeof prorate> & { text: string; index: number; numerator: Decimal };
  const prorations = new Map<string, Prorated>();
  const prorationList: Prorated[] = [];
  /**
   * products[target entry][payout % entry]: target × payout % (the exact line is this × the
   * proration) and the line's cents by proration index.
   */
  let products: { tp: Decimal; cents: number[] }[][] = [];
  const poolWeights: Entry[] = [];
  const poolWeightIndex = new Map<string, number>();
  const poolWeightOf = (key: string, make: () => Decimal): number => {
    let i = poolWeightIndex.get(key);
    if (i === undefined) {
      const dec = make();
      poolWeights.push({ dec, text: decimalText(dec) });
      poolWeightIndex.set(key, (i = poolWeights.length - 1));
    }
    return i;
  };
  poolWeightOf('0', () => ZERO);

  const status = new Uint8Array(size);
  const percentIndex = new Int32Array(size);
  /** Index in `targets`, or -1 when the target pay is unknown (target 0.00). */
  const targetIndex = new Int32Array(size);
  /** Index in `poolWeights`, or -1 for a line outside a pool. */
  const poolIndex = new Int32Array(size).fill(-1);
  const centsBefore = new Float64Array(size);
  const measureValues = new Array<string | null>(size);
  const failedGates = new Array<readonly string[]>(size);
  const prorationOf = new Int32Array(participants.length);
  const missing: { participantId: string; componentId: string }[] = [];
  /** Pools by component and team: member lines and the exact pool (members' target × payout). */
  const pools = components.map(() => new Map<string | null, { lines: number[]; sum: Decimal }>());

  const valueOf = (
    p: SchemeParticipant,
    key: string,
    scope: 'TEAM' | 'INDIVIDUAL',
  ): MeasureValue | undefined =>
    scope === 'TEAM' ? (p.teamId === null ? undefined : input.teams[p.teamId]?.[key]) : p.values[key];

  for (let pi = 0; pi < participants.length; pi += 1) {
    const p = participants[pi]!;
    const pay = p.targetPay === null ? -1 : payIndex(p.targetPay, p.id);
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
      pr = {
        ...computed,
        text: decimalText(computed.factor, 6),
        index: prorationList.length,
        numerator: computed.fte.times(computed.eligibleDays),
      };
      prorations.set(prKey, pr);
      prorationList.push(pr);
    }
    prorationOf[pi] = pr.index;
    let failedAll: readonly string[] = NO_GATES;
    let failedByComponent: Map<string, string[]> | null = null;
    for (const g of scheme.gates) {
      const mv = valueOf(p, g.measureKey, g.scope);
      const ok =
        mv !== undefined &&
        mv.value !== null &&
        !mv.suppressed &&
        gatePasses(g.operator, decimalOf(mv.value), thresholds.get(g.id)!);
      if (ok) continue;
      if (g.componentId === null) failedAll = [...failedAll, g.id];
      else {
        failedByComponent ??= new Map();
        failedByComponent.set(g.componentId, [...(failedByComponent.get(g.componentId) ?? []), g.id]);
      }
    }
    for (let ci = 0; ci < k; ci += 1) {
      const c = components[ci]!;
      const i = pi * k + ci;
      const scope = c.kind === 'COLLECTIVE' ? 'TEAM' : 'INDIVIDUAL';
      const mv = valueOf(p, c.measureKey, scope);
      const value = mv?.value ?? null;
      const own = failedByComponent?.get(c.id);
      const failed = own ? [...failedAll, ...own] : failedAll;
      const target = pay < 0 ? -1 : pay * k + ci;
      let st: number;
      let pct = 0;
      if (!pr.eligible) st = ST.NOT_ELIGIBLE;
      else if (pay < 0) st = ST.NO_DATA;
      else if (failed.length > 0) st = ST.GATED;
      else if (mv?.suppressed) {
        st = scheme.fallback === 'TARGET' ? ST.FALLBACK_TARGET : ST.FALLBACK_ZERO;
        pct = scheme.fallback === 'TARGET' ? 1 : 0;
      } else if (value === null) st = ST.NO_DATA;
      else {
        const hit = percentOf(ci, value);
        pct = hit.index;
        st = hit.below ? ST.BELOW_THRESHOLD : ST.PAID;
      }
      if (st === ST.NO_DATA) missing.push({ participantId: p.id, componentId: c.id });
      status[i] = st;
      percentIndex[i] = pct;
      targetIndex[i] = target;
      measureValues[i] = value;
      failedGates[i] = failed;
      const percent = percents[pct]!.dec;
      const pool = c.kind === 'COLLECTIVE' && c.split !== undefined && c.split !== 'TEAM';
      // The line: target × payout % × fte × eligible days / period days / 100, the one division
      // last, so that a line worth exactly half a cent is one (a factor like 47/92 rounded first
      // could tip it); its cents, half-even, are round(target × payout % × fte × days / period days).
      // Pools sum target × payout % × fte × days over their members, and divide once.
      let tpn: Decimal | null = null;
      if (!percent.isZero()) {
        const byPercent = (products[target] ??= []);
        const product = (byPercent[pct] ??= { tp: targets[target]!.dec.times(percent), cents: [] });
        let cents = product.cents[pr.index];
        if (cents === undefined || pool) {
          tpn = product.tp.times(pr.numerator);
          if (cents === undefined)
            product.cents[pr.index] = cents = safeCents(
              tpn.dividedBy(pr.periodDays).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN),
            );
        }
        if (!pool) centsBefore[i] = cents;
      }
      if (pool) {
        const eligible = st !== ST.NOT_ELIGIBLE && st !== ST.GATED && st !== ST.NO_DATA;
        const w = !eligible
          ? 0
          : c.split === 'POOL_EQUAL'
            ? poolWeightOf('=1', () => new Dec(1))
            : c.split === 'POOL_FTE'
              ? poolWeightOf(`f${p.fte}`, () => toDecimal(p.fte, 'fte'))
              : p.baseSalary === null
                ? 0
                : poolWeightOf(`s${p.baseSalary}`, () => toMoney(p.baseSalary!, `base salary of ${p.id}`));
        poolIndex[i] = w;
        let entry = pools[ci]!.get(p.teamId);
        if (!entry) pools[ci]!.set(p.teamId, (entry = { lines: [], sum: ZERO }));
        entry.lines.push(i);
        if (tpn !== null && poolWeights[w]!.dec.gt(0)) entry.sum = entry.sum.plus(tpn);
      }
    }
  }

  // Pools: the exact pool rounded to the cent, then split by largest remainder on the weights.
  const periodDays = inclusiveDays(scheme.period);
  for (const { lines: members, sum } of pools.flatMap((m) => [...m.values()])) {
    const poolCents = sum.dividedBy(periodDays).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    const withWeight = members.filter((i) => poolWeights[poolIndex[i]!]!.dec.gt(0));
    if (poolCents.isZero() || withWeight.length === 0) continue;
    const shares = allocateLargestRemainder(
      poolCents,
      withWeight.map((i) => ({
        key: participants[Math.floor(i / k)]!.id,
        weight: poolWeights[poolIndex[i]!]!.dec,
      })),
    );
    withWeight.forEach((i, n) => (centsBefore[i] = safeCents(shares[n]!)));
  }
  products = [];

  let centsFinal: Float64Array = centsBefore;
  let applied = false;
  if (scheme.budget !== null) {
    const budgetCents = toCents(toMoney(scheme.budget, 'budget'));
    let sum = 0n;
    for (let i = 0; i < size; i += 1) sum += BigInt(centsBefore[i]!);
    if (new Dec(sum.toString()).gt(budgetCents)) {
      // Scale down: the budget re-allocated to the cent by largest remainder (applyBudgetCap's rule).
      const capped = applyBudgetCap(
        Array.from(centsBefore, (cents, i) => ({
          key: `${participants[Math.floor(i / k)]!.id}\u0000${components[i % k]!.id}`,
          amount: new Dec(cents).dividedBy(100),
        })),
        scheme.budget,
      );
      centsFinal = Float64Array.from(capped.lines, (d) => safeCents(toCents(d)));
      applied = capped.applied;
    }
  }

  const line = (i: number): SchemeLine => {
    const pi = Math.floor(i / k);
    const p = participants[pi]!;
    const pr = prorationList[prorationOf[pi]!]!;
    const t = targetIndex[i]!;
    const w = poolIndex[i]!;
    const before = centsText(centsBefore[i]!);
    return {
      participantId: p.id,
      teamId: p.teamId,
      componentId: components[i % k]!.id,
      status: STATUSES[status[i]!]!,
      measureValue: measureValues[i]!,
      payoutPercent: percents[percentIndex[i]!]!.text,
      prorationFactor: pr.text,
      eligibleDays: pr.eligibleDays,
      targetAmount: t < 0 ? '0.00' : targets[t]!.text,
      failedGateIds: failedGates[i]!,
      poolWeight: w < 0 ? null : poolWeights[w]!.text,
      amountBeforeCap: before,
      amount: applied ? centsText(centsFinal[i]!) : before,
    };
  };

  let totalCents = 0n;
  for (let i = 0; i < size; i += 1) totalCents += BigInt(centsFinal[i]!);
  const total = centsText(totalCents);
  let totalBeforeCap = total;
  if (applied) {
    let before = 0n;
    for (let i = 0; i < size; i += 1) before += BigInt(centsBefore[i]!);
    totalBeforeCap = centsText(before);
  }

  let hashText = '';
  if (hashing) {
    const hash = new RunHash(input.scheme, input.teams, participants);
    for (let i = 0; i < size; i += 1) hash.line(line(i));
    hashText = hash.finish(total, totalBeforeCap, applied);
  }
  return {
    participants,
    components,
    size,
    line,
    cents: (i) => centsFinal[i]!,
    total,
    totalBeforeCap,
    budgetApplied: applied,
    missing,
    hash: hashText,
  };
}

/**
 * The run's hash (SHA-256), fed in a fixed order and field order (no per-object key sorting: the
 * order is the schema): the scheme and team inputs as canonical JSON, every participant (sorted by
 * id), every line in order, the totals. Built at construction up to the participants, so the lines
 * can be fed while they are written elsewhere (a run's store hashes as it streams its rows).
 */
export class RunHash {
  private readonly hash = createHash('sha256');
  private chunk = '';

  constructor(
    scheme: SchemeDefinition,
    teams: SchemeRunInput['teams'],
    participants: readonly SchemeParticipant[],
  ) {
    this.hash.update(canonicalJson({ scheme, teams }));
    for (const p of participants) {
      const keys = Object.keys(p.values).sort();
      let values = '';
      for (const key of keys) {
        const v = p.values[key];
        if (v !== undefined) values += `${key}=${field(v.value)}/${v.suppressed ? 1 : 0}/${v.n ?? '~'};`;
      }
      this.feed(
        `P|${p.id}|${field(p.teamId)}|${field(p.targetPay)}|${field(p.baseSalary)}|${p.fte}|${field(p.employmentStart)}|${field(p.employmentEnd)}|${values}\n`,
      );
    }
  }

  /** Feeds the next line (lines in the run's order). */
  line(l: SchemeLine): void {
    this.feed(
      `L|${l.participantId}|${l.componentId}|${l.status}|${field(l.measureValue)}|${l.payoutPercent}|${l.prorationFactor}|${l.eligibleDays}|${l.targetAmount}|${l.failedGateIds.join(',')}|${field(l.poolWeight)}|${l.amountBeforeCap}|${l.amount}\n`,
    );
  }

  finish(total: string, totalBeforeCap: string, applied: boolean): string {
    this.hash.update(this.chunk);
    this.hash.update(`T|${total}|${totalBeforeCap}|${applied ? 1 : 0}`);
    return this.hash.digest('hex');
  }

  private feed(text: string): void {
    this.chunk += text;
    if (this.chunk.length > 65536) {
      this.hash.update(this.chunk);
      this.chunk = '';
    }
  }
}
