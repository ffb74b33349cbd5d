import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { assertIntegerScores } from './validation';

/** CSAT %: share of 4 and 5 answers on a 1-5 scale, in [0, 100]. Same formula for internal CSAT. */
export function csatPercent(scores: readonly number[]): number {
  assertIntegerScores(scores, 1, 5, 'CSAT');
  return (scores.filter((s) => s >= 4).length / scores.length) * 100;
}

/** CES: arithmetic mean of 1-7 Customer Effort Score answers (direction is set by the survey wording). */
export function cesMean(scores: readonly number[]): number {
  assertIntegerScores(scores, 1, 7, 'CES');
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

/** Options of a Likert favourability computation; defaults describe a 1-5 scale with 4-5 favourable. */
export interface FavourabilityOptions {
  readonly min?: number;
  readonly max?: number;
  /** Lowest favourable answer (default 4 on 1-5). */
  readonly favourableFrom?: number;
  /** Highest unfavourable answer (default: mirror of favourableFrom, i.e. min + max - favourableFrom). */
  readonly unfavourableTo?: number;
}

/** Shares (each in [0, 100], summing to 100) of favourable, neutral and unfavourable Likert answers. */
export interface FavourabilityResult {
  readonly n: number;
  readonly favourablePercent: number;
  readonly neutralPercent: number;
  readonly unfavourablePercent: number;
}

/** Favourability of Likert answers: favourable / neutral / unfavourable shares. */
export function favourability(
  scores: readonly number[],
  options: FavourabilityOptions = {},
): FavourabilityResult {
  const min = options.min ?? 1;
  const max = options.max ?? 5;
  const favourableFrom = options.favourableFrom ?? max - 1;
  const unfavourableTo = options.unfavourableTo ?? min + max - favourableFrom;
  ensure(
    Number.isInteger(min) && Number.isInteger(max) && min < max,
    DomainErrorCode.INVALID_SCALE,
    `favourability: invalid scale [${min}, ${max}]`,
  );
  ensure(
    unfavourableTo >= min && unfavourableTo < favourableFrom && favourableFrom <= max,
    DomainErrorCode.INVALID_SCALE,
    `favourability: need min ≤ unfavourableTo (${unfavourableTo}) < favourableFrom (${favourableFrom}) ≤ max`,
  );
  assertIntegerScores(scores, min, max, 'favourability');
  const n = scores.length;
  const favourable = scores.filter((s) => s >= favourableFrom).length;
  const unfavourable = scores.filter((s) => s <= unfavourableTo).length;
  return {
    n,
    favourablePercent: (favourable / n) * 100,
    neutralPercent: ((n - favourable - unfavourable) / n) * 100,
    unfavourablePercent: (unfavourable / n) * 100,
  };
}
