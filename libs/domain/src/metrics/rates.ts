import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { assertCount } from './validation';

/** Events per 100 members of a population (e.g. incidents per 100 employees). */
export function ratePer100(events: number, population: number): number {
  assertCount(events, 'events');
  ensure(
    Number.isFinite(population) && population > 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `population must be > 0, got ${population}`,
  );
  return (events / population) * 100;
}

/** Input of a retention computation over one period. */
export interface RetentionInput {
  /** People present at the start of the period. */
  readonly headcountStart: number;
  /** How many of those people left during the period (joiners who left are not counted). */
  readonly leavers: number;
}

/** Retention % over a period: share of the starting headcount still present at the end, in [0, 100]. */
export function retentionRate({ headcountStart, leavers }: RetentionInput): number {
  assertCount(headcountStart, 'headcountStart');
  assertCount(leavers, 'leavers');
  ensure(headcountStart > 0, DomainErrorCode.EMPTY_INPUT, 'retention: starting headcount is 0');
  ensure(
    leavers <= headcountStart,
    DomainErrorCode.INVALID_ARGUMENT,
    `retention: leavers (${leavers}) exceed starting headcount (${headcountStart})`,
  );
  return ((headcountStart - leavers) / headcountStart) * 100;
}
