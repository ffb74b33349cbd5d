/** Machine-readable codes carried by every {@link SurveyRuleError}. */
export type SurveyRuleErrorCode =
  | 'INVALID_QUESTION'
  | 'DUPLICATE_QUESTION_ID'
  | 'INVALID_DISTRIBUTION'
  | 'INVALID_ARGUMENT'
  | 'ILLEGAL_TRANSITION'
  | 'INVALID_RECURRENCE'
  | 'INVALID_WAVE'
  | 'INVALID_THRESHOLD'
  | 'INVALID_DATE'
  | 'INVALID_CELL'
  | 'INVALID_SLICE'
  | 'INVALID_STATISTICS'
  | 'INVALID_TEMPLATE';

/** Thrown when a caller breaks a survey-engine rule (bad input, illegal state change); `code` is stable for APIs. */
export class SurveyRuleError extends Error {
  override readonly name = 'SurveyRuleError';

  constructor(
    readonly code: SurveyRuleErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** True when `value` is a SurveyRuleError, optionally with the given code. */
export function isSurveyRuleError(value: unknown, code?: SurveyRuleErrorCode): value is SurveyRuleError {
  return value instanceof SurveyRuleError && (code === undefined || value.code === code);
}
