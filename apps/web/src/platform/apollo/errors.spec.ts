import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { toApiError } from './errors';

describe('toApiError', () => {
  it('reads extensions.code and extensions.field of GraphQL errors', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Bad email', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }],
    });
    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      retryAfterSeconds: null,
      message: 'Bad email',
    });
  });

  it('reads a retry delay when throttled', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'Slow down', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 120 } }],
    });
    expect(toApiError(error).retryAfterSeconds).toBe(120);
  });

  it('treats unknown codes and failed fetches apart', () => {
    const internal = new CombinedGraphQLErrors({
      errors: [{ message: 'Boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(toApiError(internal).code).toBe('UNKNOWN');
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });
});
