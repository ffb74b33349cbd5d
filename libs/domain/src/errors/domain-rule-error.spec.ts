import { DomainErrorCode, DomainRuleError, ensure, ensureFinite } from './domain-rule-error';

describe('DomainRuleError', () => {
  it('carries a code, a message and details, and is an Error', () => {
    const error = new DomainRuleError(DomainErrorCode.EMPTY_INPUT, 'nothing', { field: 'scores' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toBe('nothing');
    expect(error.name).toBe('DomainRuleError');
    expect(error.details).toEqual({ field: 'scores' });
  });

  it('defaults details to an empty object', () => {
    expect(new DomainRuleError(DomainErrorCode.INVALID_ARGUMENT, 'x').details).toEqual({});
  });

  it('ensure throws only when the condition is false', () => {
    expect(() => ensure(true, DomainErrorCode.INVALID_ARGUMENT, 'ok')).not.toThrow();
    expect(() => ensure(false, DomainErrorCode.INVALID_ARGUMENT, 'bad')).toThrow(DomainRuleError);
  });

  it('ensureFinite rejects NaN and infinities', () => {
    expect(() => ensureFinite(1.5, 'x')).not.toThrow();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => ensureFinite(bad, 'x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});
