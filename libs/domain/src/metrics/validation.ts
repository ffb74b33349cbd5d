import { DomainErrorCode, ensure } from '../errors/domain-rule-error';

/** Throws unless every score is an integer within [min, max] and the list is non-empty. */
export function assertIntegerScores(scores: readonly number[], min: number, max: number, what: string): void {
  ensure(scores.length > 0, DomainErrorCode.EMPTY_INPUT, `${what}: no scores`);
  scores.forEach((score, index) => {
    ensure(
      Number.isInteger(score) && score >= min && score <= max,
      DomainErrorCode.SCORE_OUT_OF_RANGE,
      `${what}: score ${score} at index ${index} is not an integer in [${min}, ${max}]`,
      { index, value: String(score), min, max },
    );
  });
}

/** Throws unless `count` is a non-negative integer. */
export function assertCount(count: number, name: string): void {
  ensure(
    Number.isInteger(count) && count >= 0,
    DomainErrorCode.INVALID_ARGUMENT,
    `${name} must be a non-negative integer, got ${count}`,
    { name, value: String(count) },
  );
}
