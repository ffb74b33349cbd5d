import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from './app-error';

const logger = new Logger('Errors');

function fromHttp(e: HttpException): GraphQLError {
  const status = e.getStatus();
  const code =
    status === 401
      ? ErrorCode.UNAUTHENTICATED
      : status === 403
        ? ErrorCode.FORBIDDEN
        : status === 404
          ? ErrorCode.NOT_FOUND
          : status === 409
            ? ErrorCode.CONFLICT
            : status === 429
              ? ErrorCode.TOO_MANY_REQUESTS
              : status < 500
                ? ErrorCode.BAD_USER_INPUT
                : 'INTERNAL_SERVER_ERROR';
  return new GraphQLError(status < 500 ? e.message : 'Internal server error', { extensions: { code } });
}

/** Maps any thrown value to a client-safe GraphQL error. Unknown errors are logged, never shown. */
export function toGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  if (err instanceof AppError) {
    return new GraphQLError(err.message, {
      extensions: { code: err.code, ...(err.field ? { field: err.field } : {}), ...(err.details ?? {}) },
    });
  }
  if (err instanceof HttpException) return fromHttp(err);
  if (err instanceof QueryFailedError) {
    const pgCode = (err as unknown as { code?: string }).code;
    if (pgCode === '23505')
      return new GraphQLError('This already exists', { extensions: { code: ErrorCode.CONFLICT } });
    if (pgCode === '40001' || pgCode === '40P01') {
      return new GraphQLError('Concurrent change, try again', { extensions: { code: ErrorCode.CONFLICT } });
    }
  }
  logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** The one global filter: every resolver error goes through here. */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') throw exception;
    return toGraphQLError(exception);
  }
}

/** Last line of defence in Apollo: strip anything that is not a known, client-safe error. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError;
  const code = formatted.extensions?.code as string | undefined;
  if (original && !(original instanceof GraphQLError) && !(original instanceof AppError)) {
    const mapped = toGraphQLError(original);
    return {
      message: mapped.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: mapped.extensions,
    };
  }
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  delete extensions.exception;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
    // Invalid documents (unknown field, wrong argument type, too deep, too many aliases) are bad
    // input too: one set of codes for clients, the GraphQL reason kept beside it.
    return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT', reason: code } };
  }
  if (code === 'BAD_USER_INPUT') {
    // A variable that does not coerce ('Variable "$i" got invalid value "x" at "i.budget"; ...'):
    // name the field, as for every other bad input.
    const at = /^Variable "\$\w+" got invalid value .*? at "\w+\.([^"]+)"/.exec(formatted.message);
    if (at && !extensions.field) extensions.field = at[1];
    return { ...formatted, extensions };
  }
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions };
}
