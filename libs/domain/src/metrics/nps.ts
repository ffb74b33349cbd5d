import { DomainErrorCode, ensure } from '../errors/domain-rule-error';
import { assertCount, assertIntegerScores } from './validation';

/** Breakdown of a Net Promoter Score computation. `nps` is in [-100, 100], unrounded. */
export interface NpsResult {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly total: number;
  readonly nps: number;
}

/**
 * Count distribution of 0-10 answers: key = score (0..10), value = number of respondents.
 * A plain array of length ≤ 11 (index = score) also fits.
 */
export type NpsDistribution = Readonly<Record<number, number>>;

function fromCounts(promoters: number, passives: number, detractors: number): NpsResult {
  const total = promoters + passives + detractors;
  ensure(total > 0, DomainErrorCode.EMPTY_INPUT, 'NPS: no respondents');
  return { promoters, passives, detractors, total, nps: ((promoters - detractors) / total) * 100 };
}

/** NPS from individual 0-10 answers: % promoters (9-10) minus % detractors (0-6). Same formula for eNPS. */
export function npsFromScores(scores: readonly number[]): NpsResult {
  assertIntegerScores(scores, 0, 10, 'NPS');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (score >= 9) promoters += 1;
    else if (score >= 7) passives += 1;
    else detractors += 1;
  }
  return fromCounts(promoters, passives, detractors);
}

/** NPS from a count distribution (score → count); missing scores count as 0. */
export function npsFromDistribution(distribution: NpsDistribution): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [key, count] of Object.entries(distribution)) {
    const score = Number(key);
    ensure(
      Number.isInteger(score) && score >= 0 && score <= 10,
      DomainErrorCode.SCORE_OUT_OF_RANGE,
      `NPS: score key ${key} is not an integer in [0, 10]`,
      { value: key },
    );
    assertCount(count, `count for score ${key}`);
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  }
  return fromCounts(promoters, passives, detractors);
}
