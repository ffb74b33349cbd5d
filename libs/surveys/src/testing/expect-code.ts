import { isSurveyRuleError, type SurveyRuleErrorCode } from '../errors';

/** Asserts that `action` throws a SurveyRuleError with `code` (test helper, not exported). */
export function expectCode(action: () => unknown, code: SurveyRuleErrorCode): void {
  try {
    action();
  } catch (error) {
    expect(isSurveyRuleError(error, code)).toBe(true);
    return;
  }
  throw new Error(`expected SurveyRuleError ${code}`);
}
