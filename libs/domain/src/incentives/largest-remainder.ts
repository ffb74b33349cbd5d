import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { Dec } from './money';

/** One claimant of an allocation: a non-negative weight and a unique key used to break ties. */
export interface AllocationClaim {
  readonly key: string;
  readonly weight: Decimal;
}

/**
 * Splits `totalCents` (a non-negative integer) in proportion to the weights, in whole cents, so the
 * parts sum exactly to the total (largest-remainder / Hamilton method): each part gets the floor of
 * its exact share, then the leftover cents go one each to the largest remainders; equal remainders
 * go to the smallest key (plain code-unit order). All arithmetic is exact (integer quotient and
 * modulo), so the result never depends on rounding noise. Returns cents in the claims' order.
 */
export function allocateLargestRemainder(totalCents: Decimal, claims: readonly AllocationClaim[]): Decimal[] {
  const total = new Dec(totalCents);
  ensure(
    total.isInteger() && total.gte(0),
    DomainErrorCode.INVALID_ARGUMENT,
    'total cents must be an integer ≥ 0',
  );
  ensure(claims.length > 0, DomainErrorCode.EMPTY_INPUT, 'nothing to allocate to');
  ensure(
    new Set(claims.map((c) => c.key)).size === claims.length,
    DomainErrorCode.INVALID_ARGUMENT,
    'keys must be unique',
  );
  const weights = claims.map((c) => new Dec(c.weight));
  weights.forEach((w, i) =>
    ensure(
      w.isFinite() && w.gte(0),
      DomainErrorCode.INVALID_ARGUMENT,
      `weight of ${claims[i]?.key} must be ≥ 0`,
    ),
  );
  const sum = weights.reduce((s, w) => s.plus(w), new Dec(0));
  ensure(sum.gt(0), DomainErrorCode.INVALID_POOL, 'the weights sum to zero');
  const products = weights.map((w) => total.times(w));
  const remainders = products.map((p) => p.mod(sum));
  const parts = products.map((p, i) =>
    p
      .minus(remainders[i] as Decimal)
      .dividedBy(sum)
      .round(),
  );
  let leftover: Decimal = total.minus(parts.reduce((s, p) => s.plus(p), new Dec(0)));
  const order = claims
    .map((c, i) => i)
    .sort((a, b) => {
      const byRemainder = (remainders[b] as Decimal).comparedTo(remainders[a] as Decimal);
      if (byRemainder !== 0) return byRemainder;
      const ka = (claims[a] as AllocationClaim).key;
      const kb = (claims[b] as AllocationClaim).key;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  for (const i of order) {
    if (leftover.lte(0)) break;
    parts[i] = (parts[i] as Decimal).plus(1);
    leftover = leftover.minus(1);
  }
  return parts;
}
