import { Decimal } from 'decimal.js';
import { DomainErrorCode, DomainRuleError, ensure } from '../errors/domain-rule-error';
import { allocateLargestRemainder } from './largest-remainder';
import { Dec, DecimalInput, fromCents, MoneyInput, moneyString, toCents, toDecimal, toMoney } from './money';

/** How a collective pool is shared. */
export enum PoolSplitMethod {
  EQUAL = 'EQUAL',
  BY_FTE = 'BY_FTE',
  BY_BASE_SALARY = 'BY_BASE_SALARY',
}

/** A member of a collective pool. `fte` is required for BY_FTE, `baseSalary` for BY_BASE_SALARY. */
export interface PoolMember {
  readonly id: string;
  readonly fte?: DecimalInput;
  readonly baseSalary?: MoneyInput;
}

/** One member's share of a pool. */
export interface PoolShare {
  readonly memberId: string;
  /** The weight used (1, the FTE or the base salary), as a decimal string. */
  readonly weight: string;
  /** The amount with two decimals, e.g. "333.34". */
  readonly amount: string;
}

/**
 * Splits a collective pool among members equally, by FTE or by base salary. Largest-remainder
 * allocation to the cent: shares sum exactly to the pool; leftover cents go to the largest
 * remainders, ties to the smallest member id. Shares are returned in the members' order.
 */
export function splitPool(
  pool: MoneyInput,
  members: readonly PoolMember[],
  method: PoolSplitMethod,
): PoolShare[] {
  const amount = toMoney(pool, 'pool');
  ensure(members.length > 0, DomainErrorCode.INVALID_POOL, 'a pool needs at least one member');
  ensure(
    new Set(members.map((m) => m.id)).size === members.length,
    DomainErrorCode.INVALID_POOL,
    'pool member ids must be unique',
  );
  const weights = members.map((m): Decimal => {
    switch (method) {
      case PoolSplitMethod.EQUAL:
        return new Dec(1);
      case PoolSplitMethod.BY_FTE: {
        ensure(m.fte !== undefined, DomainErrorCode.INVALID_POOL, `member ${m.id} has no FTE`, { id: m.id });
        const fte = toDecimal(m.fte, `FTE of ${m.id}`);
        ensure(fte.gte(0) && fte.lte(1), DomainErrorCode.INVALID_FTE, `FTE of ${m.id} must be in [0, 1]`);
        return fte;
      }
      case PoolSplitMethod.BY_BASE_SALARY:
        ensure(
          m.baseSalary !== undefined,
          DomainErrorCode.INVALID_POOL,
          `member ${m.id} has no base salary`,
          {
            id: m.id,
          },
        );
        return toMoney(m.baseSalary, `base salary of ${m.id}`);
      default:
        throw new DomainRuleError(DomainErrorCode.INVALID_POOL, `unknown split method ${String(method)}`);
    }
  });
  ensure(
    weights.some((w) => w.gt(0)),
    DomainErrorCode.INVALID_POOL,
    'every member has a zero weight: the pool cannot be split',
  );
  const cents = allocateLargestRemainder(
    toCents(amount),
    members.map((m, i) => ({ key: m.id, weight: weights[i] as Decimal })),
  );
  return members.map((m, i) => ({
    memberId: m.id,
    weight: (weights[i] as Decimal).toString(),
    amount: moneyString(fromCents(cents[i] as Decimal)),
  }));
}
