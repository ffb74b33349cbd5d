import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { allocateLargestRemainder } from './largest-remainder';
import { Dec, fromCents, MoneyInput, roundToCent, toCents, toMoney } from './money';

/** An exact (unrounded) line amount with a unique key. */
export interface ExactLine {
  readonly key: string;
  readonly amount: Decimal;
}

/** Rounds each line half-even to the cent; the total is the sum of the rounded lines. */
export function roundLines(lines: readonly ExactLine[]): { lines: Decimal[]; total: Decimal } {
  const rounded = lines.map((l) => {
    ensure(new Dec(l.amount).gte(0), DomainErrorCode.INVALID_MONEY, `line ${l.key} is negative`, {
      key: l.key,
    });
    return roundToCent(l.amount);
  });
  return { lines: rounded, total: rounded.reduce((s, v) => s.plus(v), new Dec(0)) };
}

/** Result of applying a budget cap to rounded lines. */
export interface BudgetCapResult {
  readonly lines: Decimal[];
  readonly total: Decimal;
  /** True when the lines were scaled down. */
  readonly applied: boolean;
  /** budget / total before the cap (1 when not applied). */
  readonly scaleFactor: Decimal;
}

/**
 * Budget cap. If the sum of the (already rounded) lines is within the budget, nothing changes.
 * Otherwise every line is scaled by budget / total and the budget is re-allocated to the cent by
 * largest remainder: each line gets the floor (to the cent) of its scaled amount, the leftover cents
 * go one by one to the largest remainders (ties: smallest key). The lines then sum to exactly the
 * budget (hence ≤ budget), no line grows, zero lines stay zero.
 */
export function applyBudgetCap(
  lines: readonly { readonly key: string; readonly amount: Decimal }[],
  budget: MoneyInput,
): BudgetCapResult {
  const cap = toMoney(budget, 'budget');
  lines.forEach((l) =>
    ensure(
      new Dec(l.amount).gte(0) && new Dec(l.amount).decimalPlaces() <= 2,
      DomainErrorCode.INVALID_MONEY,
      `line ${l.key} must be a rounded, non-negative amount`,
    ),
  );
  const amounts = lines.map((l) => new Dec(l.amount));
  const total = amounts.reduce((s, v) => s.plus(v), new Dec(0));
  if (total.lte(cap)) return { lines: amounts, total, applied: false, scaleFactor: new Dec(1) };
  const cents = allocateLargestRemainder(
    toCents(cap),
    lines.map((l, i) => ({ key: l.key, weight: toCents(amounts[i] as Decimal) })),
  );
  const scaled = cents.map(fromCents);
  return {
    lines: scaled,
    total: scaled.reduce((s, v) => s.plus(v), new Dec(0)),
    applied: true,
    scaleFactor: cap.dividedBy(total),
  };
}
