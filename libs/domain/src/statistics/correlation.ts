import { DomainErrorCode, ensure, ensureFinite } from '../errors/domain-rule-error';

function assertPaired(xs: readonly number[], ys: readonly number[], minimum: number): void {
  ensure(xs.length === ys.length, DomainErrorCode.LENGTH_MISMATCH, `paired series differ in length`, {
    xs: xs.length,
    ys: ys.length,
  });
  ensure(xs.length >= minimum, DomainErrorCode.INSUFFICIENT_DATA, `need at least ${minimum} pairs`, {
    n: xs.length,
  });
  xs.forEach((v, i) => ensureFinite(v, `xs[${i}]`));
  ys.forEach((v, i) => ensureFinite(v, `ys[${i}]`));
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Pearson r, or null when either series is constant. Assumes validated, equal-length input. */
export function pearsonOrNull(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  // Clamp rounding noise so that |r| never exceeds 1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Pearson product-moment correlation r of paired values (n ≥ 2); ZERO_VARIANCE if a series is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  assertPaired(xs, ys, 2);
  const r = pearsonOrNull(xs, ys);
  ensure(r !== null, DomainErrorCode.ZERO_VARIANCE, 'correlation is undefined for a constant series');
  return r;
}

/** 1-based ranks; tied values share the average of the ranks they span (fractional ranking). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (
      end + 1 < order.length &&
      (order[end + 1] as { v: number }).v === (order[start] as { v: number }).v
    ) {
      end += 1;
    }
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[(order[k] as { i: number }).i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Spearman rank correlation ρ: Pearson r of the average ranks (ties handled); n ≥ 2. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  assertPaired(xs, ys, 2);
  const r = pearsonOrNull(averageRanks(xs), averageRanks(ys));
  ensure(r !== null, DomainErrorCode.ZERO_VARIANCE, 'correlation is undefined for a constant series');
  return r;
}

/** Validates paired input (equal lengths, finite values, at least `minimum` pairs). */
export function assertPairedSeries(xs: readonly number[], ys: readonly number[], minimum: number): void {
  assertPaired(xs, ys, minimum);
}
