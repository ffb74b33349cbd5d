/* eslint-disable no-loss-of-precision -- AS 241 coefficients are published with more digits than a double holds; they are kept verbatim to match the paper. */
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';

/**
 * Inverse of the standard normal CDF (quantile), Wichura's algorithm AS 241 (PPND16),
 * accurate to about 1e-16 relative; p must be in (0, 1).
 */
export function normalQuantile(p: number): number {
  ensure(
    Number.isFinite(p) && p > 0 && p < 1,
    DomainErrorCode.INVALID_ARGUMENT,
    `p must be in (0, 1), got ${p}`,
  );
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** A two-sided confidence interval for a correlation coefficient. */
export interface CorrelationInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * Fisher z confidence interval for a correlation r from n pairs (n ≥ 4):
 * tanh(atanh(r) ± z(1 − α/2) / √(n − 3)). |r| = 1 gives the degenerate interval [r, r].
 */
export function fisherConfidenceInterval(r: number, n: number, level = 0.95): CorrelationInterval {
  ensure(
    Number.isFinite(r) && r >= -1 && r <= 1,
    DomainErrorCode.INVALID_ARGUMENT,
    `r must be in [-1, 1], got ${r}`,
  );
  ensure(Number.isInteger(n), DomainErrorCode.INVALID_ARGUMENT, `n must be an integer, got ${n}`);
  ensure(n >= 4, DomainErrorCode.INSUFFICIENT_DATA, `a Fisher interval needs n ≥ 4, got ${n}`, { n });
  ensure(level > 0 && level < 1, DomainErrorCode.INVALID_ARGUMENT, `level must be in (0, 1), got ${level}`);
  if (Math.abs(r) === 1) return { lower: r, upper: r, level };
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n - 3);
  return { lower: Math.tanh(z - half), upper: Math.tanh(z + half), level };
}
