import type { ApiError } from '../../../platform/apollo/errors';

/** What went wrong when signing in, as the form shows it. */
export type LoginProblem =
  | { kind: 'emailMissing' }
  | { kind: 'emailInvalid' }
  | { kind: 'passwordMissing' }
  | { kind: 'wrongCredentials' }
  | { kind: 'throttled'; retryAfterMinutes: number | null }
  | { kind: 'locked' }
  | { kind: 'network' }
  | { kind: 'unknown' };

/** A light check: the API has the final word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkLoginInput(email: string, password: string): LoginProblem | null {
  if (email.trim() === '') return { kind: 'emailMissing' };
  if (!EMAIL_SHAPE.test(email.trim())) return { kind: 'emailInvalid' };
  if (password === '') return { kind: 'passwordMissing' };
  return null;
}

export function loginProblemFromApi(error: ApiError): LoginProblem {
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return error.field === 'password' ? { kind: 'passwordMissing' } : { kind: 'emailInvalid' };
    case 'UNAUTHENTICATED':
    case 'NOT_FOUND':
      return { kind: 'wrongCredentials' };
    case 'TOO_MANY_REQUESTS':
      return {
        kind: 'throttled',
        retryAfterMinutes: error.retryAfterSeconds
          ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
          : null,
      };
    case 'FORBIDDEN':
      return { kind: 'locked' };
    case 'NETWORK':
      return { kind: 'network' };
    default:
      return { kind: 'unknown' };
  }
}

/** Problems shown under a field rather than in the banner. */
export function problemField(problem: LoginProblem | null): 'email' | 'password' | null {
  if (!problem) return null;
  if (problem.kind === 'emailMissing' || problem.kind === 'emailInvalid') return 'email';
  if (problem.kind === 'passwordMissing') return 'password';
  return null;
}
