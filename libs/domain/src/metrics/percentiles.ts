import { DomainErrorCode, ensure, ensureFinite } from '../errors/domain-rule-error';

/**
 * Percentile `p` (0-100) of an ascending-sorted array by linear interpolation between closest ranks
 * (rank h = (n − 1) × p / 100; "type 7" of Hyndman & Fan, as Excel PERCENTILE.INC and numpy default).
 */
export function percentile(sorted: readonly number[], p: number): number {
  ensure(sorted.length > 0, DomainErrorCode.EMPTY_INPUT, 'percentile of an empty array');
  ensure(
    Number.isFinite(p) && p >= 0 && p <= 100,
    DomainErrorCode.INVALID_ARGUMENT,
    `percentile must be in [0, 100], got ${p}`,
  );
  sorted.forEach((v, i) => {
    ensureFinite(v, `sorted[${i}]`);
    ensure(
      i === 0 || (sorted[i - 1] as number) <= v,
      DomainErrorCode.UNSORTED_INPUT,
      `array is not sorted ascending at index ${i}`,
      { index: i },
    );
  });
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Median (50th percentile) of an ascending-sorted array. */
export function median(sorted: readonly number[]): number {
  return percentile(sorted, 50);
}

/** 90th percentile of an ascending-sorted array. */
export function p90(sorted: readonly number[]): number {
  return percentile(sorted, 90);
}
