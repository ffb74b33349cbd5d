import type { ApiError } from '../../../platform/apollo/errors';
import { checkLoginInput, loginProblemFromApi, problemField } from './login-errors';

const apiError = (code: ApiError['code'], extra: Partial<ApiError> = {}): ApiError => ({
  code,
  field: null,
  retryAfterSeconds: null,
  message: '',
  ...extra,
});

describe('login problems', () => {
  it('checks the form before asking the API', () => {
    expect(checkLoginInput('', 'x')).toEqual({ kind: 'emailMissing' });
    expect(checkLoginInput('not-an-email', 'x')).toEqual({ kind: 'emailInvalid' });
    expect(checkLoginInput('hr@meridian.example', '')).toEqual({ kind: 'passwordMissing' });
    expect(checkLoginInput(' hr@meridian.example ', 'x')).toBeNull();
  });

  it('reads the API answer', () => {
    expect(loginProblemFromApi(apiError('UNAUTHENTICATED'))).toEqual({ kind: 'wrongCredentials' });
    expect(loginProblemFromApi(apiError('BAD_USER_INPUT', { field: 'email' }))).toEqual({
      kind: 'emailInvalid',
    });
    expect(loginProblemFromApi(apiError('TOO_MANY_REQUESTS', { retryAfterSeconds: 61 }))).toEqual({
      kind: 'throttled',
      retryAfterMinutes: 2,
    });
    expect(loginProblemFromApi(apiError('TOO_MANY_REQUESTS'))).toEqual({
      kind: 'throttled',
      retryAfterMinutes: null,
    });
    expect(loginProblemFromApi(apiError('FORBIDDEN'))).toEqual({ kind: 'locked' });
    expect(loginProblemFromApi(apiError('NETWORK'))).toEqual({ kind: 'network' });
  });

  it('shows field problems under the field', () => {
    expect(problemField({ kind: 'emailInvalid' })).toBe('email');
    expect(problemField({ kind: 'passwordMissing' })).toBe('password');
    expect(problemField({ kind: 'wrongCredentials' })).toBeNull();
  });
});
