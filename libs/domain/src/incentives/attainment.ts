import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { MetricDirection } from '../metrics/normalisation';
import { DecimalInput, toDecimal } from './money';

/**
 * Attainment in % of target: actual / target × 100 when higher is better, target / actual × 100
 * when lower is better (e.g. resolution time). Gives a higher-is-better axis for payout curves.
 */
export function attainmentPercent(
  actual: DecimalInput,
  target: DecimalInput,
  direction: MetricDirection,
): Decimal {
  const a = toDecimal(actual, 'actual');
  const t = toDecimal(target, 'target');
  ensure(t.gt(0), DomainErrorCode.INVALID_ARGUMENT, `target must be > 0, got ${t.toString()}`);
  if (direction === MetricDirection.HIGHER_IS_BETTER) {
    ensure(a.gte(0), DomainErrorCode.INVALID_ARGUMENT, `actual must be ≥ 0, got ${a.toString()}`);
    return a.dividedBy(t).times(100);
  }
  ensure(
    direction === MetricDirection.LOWER_IS_BETTER,
    DomainErrorCode.INVALID_SCALE,
    `unknown direction ${String(direction)}`,
  );
  ensure(
    a.gt(0),
    DomainErrorCode.INVALID_ARGUMENT,
    `actual must be > 0 when lower is better, got ${a.toString()}`,
  );
  return t.dividedBy(a).times(100);
}
