import { isSurveyRuleError, SurveyRuleError } from './errors';

describe('SurveyRuleError', () => {
  it('carries a stable code, a message and details', () => {
    const error = new SurveyRuleError('INVALID_THRESHOLD', 'too low', { value: 2 });
    expect(error.code).toBe('INVALID_THRESHOLD');
    expect(error.message).toBe('too low');
    expect(error.details).toEqual({ value: 2 });
    expect(error.name).toBe('SurveyRuleError');
  });

  it('is a real Error and survives instanceof checks', () => {
    const error = new SurveyRuleError('INVALID_DATE', 'bad');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SurveyRuleError);
    expect(error.stack).toContain('SurveyRuleError');
  });

  it('defaults details to an empty object', () => {
    expect(new SurveyRuleError('INVALID_DATE', 'bad').details).toEqual({});
  });

  it('isSurveyRuleError checks the class and optionally the code', () => {
    const error = new SurveyRuleError('INVALID_CELL', 'bad');
    expect(isSurveyRuleError(error)).toBe(true);
    expect(isSurveyRuleError(error, 'INVALID_CELL')).toBe(true);
    expect(isSurveyRuleError(error, 'INVALID_SLICE')).toBe(false);
    expect(isSurveyRuleError(new Error('x'))).toBe(false);
    expect(isSurveyRuleError({ code: 'INVALID_CELL' })).toBe(false);
  });
});
