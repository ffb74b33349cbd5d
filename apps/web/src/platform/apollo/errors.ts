import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** Error codes the API puts in `extensions.code`, plus the client's own for transport failures. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'NETWORK'
  | 'UNKNOWN';

export interface ApiError {
  code: ApiErrorCode;
  /** The input field at fault, for BAD_USER_INPUT. */
  field: string | null;
  /** Seconds before trying again, when the API says so (TOO_MANY_REQUESTS). */
  retryAfterSeconds: number | null;
  /** The server's own (untranslated) message, for logs and details. */
  message: string;
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function isKnownCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code);
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

function fromFormattedError(error: FormattedError, fallback: ApiErrorCode = 'UNKNOWN'): ApiError {
  const extensions = error.extensions ?? {};
  const code = extensions['code'];
  const field = extensions['field'];
  return {
    code: isKnownCode(code) ? code : fallback,
    field: typeof field === 'string' ? field : null,
    retryAfterSeconds: numberOrNull(extensions['retryAfterSeconds'] ?? extensions['retryAfter']),
    message: typeof error.message === 'string' ? error.message : '',
  };
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 502:
    case 503:
    case 504:
      // A proxy or load balancer answering for an API that is down or restarting.
      return 'NETWORK';
    default:
      return 'UNKNOWN';
  }
}

function firstErrorOfBody(bodyText: string): FormattedError | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body !== 'object' || body === null) return null;
    const errors = (body as { errors?: unknown }).errors;
    if (!Array.isArray(errors) || errors.length === 0) return null;
    const first: unknown = errors[0];
    return typeof first === 'object' && first !== null ? (first as FormattedError) : null;
  } catch {
    return null;
  }
}

/** Reads any error Apollo hands back (GraphQL errors, HTTP errors, network failures) as one shape. */
export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return first ? fromFormattedError(first) : { ...emptyError(), message: error.message };
  }
  if (ServerError.is(error)) {
    const fallback = codeForStatus(error.statusCode);
    const first = firstErrorOfBody(error.bodyText);
    const retryAfter = numberOrNull(error.response.headers.get('retry-after'));
    const parsed = first ? fromFormattedError(first, fallback) : { ...emptyError(), code: fallback };
    return { ...parsed, retryAfterSeconds: parsed.retryAfterSeconds ?? retryAfter };
  }
  if (ServerParseError.is(error)) return { ...emptyError(), code: codeForStatus(error.statusCode) };
  if (error instanceof TypeError) return { ...emptyError(), code: 'NETWORK', message: error.message };
  return { ...emptyError(), message: error instanceof Error ? error.message : '' };
}

function emptyError(): ApiError {
  return { code: 'UNKNOWN', field: null, retryAfterSeconds: null, message: '' };
}
