import { DomainErrorCode, ensure, ensureFinite } from '../errors/domain-rule-error';
import { CorrelationInterval, fisherConfidenceInterval } from './confidence-interval';
import { averageRanks, pearsonOrNull } from './correlation';

/** One period of one team: the internal value (e.g. internal CSAT) and the customer value (e.g. CSAT). */
export interface PeriodObservation {
  /** Integer period index (e.g. month number); consecutive periods differ by 1. */
  readonly period: number;
  readonly internal: number | null;
  readonly customer: number | null;
}

/** The observations of one team. */
export interface TeamSeries {
  readonly teamId: string;
  readonly observations: readonly PeriodObservation[];
}

/** Correlation method. */
export type CorrelationMethod = 'PEARSON' | 'SPEARMAN';

/** Options of `laggedCorrelation`. */
export interface LaggedCorrelationOptions {
  /** Largest lag L tried (default 3): lags 0..maxLag. */
  readonly maxLag?: number;
  readonly method?: CorrelationMethod;
  /** Confidence level of the Fisher interval (default 0.95). */
  readonly level?: number;
}

/** Pooled correlation at one lag: internal at period t against customer at period t + lag. */
export interface LagCorrelation {
  readonly lag: number;
  /** Number of pooled (team, period) pairs. */
  readonly n: number;
  /** Null when n < 3 or a series is constant. */
  readonly r: number | null;
  /** Null when r is null or n < 4. */
  readonly ci: CorrelationInterval | null;
}

/**
 * Correlation between internal values and later customer values across teams: for each lag L in
 * 0..maxLag, pairs (internal[team, t], customer[team, t + L]) are pooled over all teams and periods
 * where both exist. Pooling mixes between-team and within-team variation.
 */
export function laggedCorrelation(
  series: readonly TeamSeries[],
  options: LaggedCorrelationOptions = {},
): LagCorrelation[] {
  const maxLag = options.maxLag ?? 3;
  const method = options.method ?? 'PEARSON';
  const level = options.level ?? 0.95;
  ensure(
    Number.isInteger(maxLag) && maxLag >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `maxLag must be an integer ≥ 0, got ${maxLag}`,
  );
  const byTeam = series.map((team) => {
    const map = new Map<number, PeriodObservation>();
    for (const o of team.observations) {
      ensure(
        Number.isInteger(o.period),
        DomainErrorCode.INVALID_ARGUMENT,
        `period ${o.period} is not an integer`,
      );
      ensure(
        !map.has(o.period),
        DomainErrorCode.INVALID_ARGUMENT,
        `team ${team.teamId}: period ${o.period} twice`,
        {
          teamId: team.teamId,
          period: o.period,
        },
      );
      if (o.internal !== null) ensureFinite(o.internal, `internal value of ${team.teamId}/${o.period}`);
      if (o.customer !== null) ensureFinite(o.customer, `customer value of ${team.teamId}/${o.period}`);
      map.set(o.period, o);
    }
    return map;
  });
  const results: LagCorrelation[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const map of byTeam) {
      const periods = [...map.keys()].sort((a, b) => a - b);
      for (const t of periods) {
        const internal = map.get(t)?.internal ?? null;
        const customer = map.get(t + lag)?.customer ?? null;
        if (internal !== null && customer !== null) {
          xs.push(internal);
          ys.push(customer);
        }
      }
    }
    const n = xs.length;
    let r: number | null = null;
    if (n >= 3)
      r = method === 'PEARSON' ? pearsonOrNull(xs, ys) : pearsonOrNull(averageRanks(xs), averageRanks(ys));
    const ci = r !== null && n >= 4 ? fisherConfidenceInterval(r, n, level) : null;
    results.push({ lag, n, r, ci });
  }
  return results;
}
