import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { Dec, DecimalInput, toDecimal } from './money';

/** A weighted item (an incentive component): weight in percent. */
export interface Weighted {
  readonly id: string;
  readonly weightPercent: DecimalInput;
}

/** Throws WEIGHTS_NOT_100 unless the weights are ≥ 0 and sum to exactly 100 (decimal arithmetic). */
export function assertWeightsSumTo100(items: readonly Weighted[]): void {
  ensure(items.length > 0, DomainErrorCode.WEIGHTS_NOT_100, 'no component: weights cannot sum to 100');
  let sum: Decimal = new Dec(0);
  for (const item of items) {
    const w = toDecimal(item.weightPercent, `weight of ${item.id}`);
    ensure(w.gte(0), DomainErrorCode.WEIGHTS_NOT_100, `weight of ${item.id} is negative`, { id: item.id });
    sum = sum.plus(w);
  }
  ensure(
    sum.eq(100),
    DomainErrorCode.WEIGHTS_NOT_100,
    `component weights sum to ${sum.toString()}, not 100`,
    {
      sum: sum.toString(),
    },
  );
}
