import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { assertPairedSeries } from './correlation';

/** Least-squares line y = slope × x + intercept. */
export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  readonly n: number;
}

/** Ordinary least-squares fit of y on x (for scatter-plot trend lines); n ≥ 2 and x not constant. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LineFit {
  assertPairedSeries(xs, ys, 2);
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx * dx;
  }
  ensure(sxx > 0, DomainErrorCode.ZERO_VARIANCE, 'x is constant: the slope is undefined');
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, n };
}
