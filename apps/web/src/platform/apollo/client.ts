import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { from as fromPromise, switchMap, throwError } from 'rxjs';
import {
  endSession,
  getAccessToken,
  hasFreshAccessToken,
  isSignedIn,
  onSessionEnd,
  refreshSession,
} from '../auth/session';
import { GRAPHQL_ENDPOINT } from './endpoint';
import { toApiError } from './errors';

declare module '@apollo/client' {
  interface DefaultContext {
    /** Set once an operation has been retried after refreshing the session. */
    authRetried?: boolean;
    headers?: Record<string, string>;
  }
}

/** Operations that deal with the session themselves: an UNAUTHENTICATED answer is final for them. */
const SESSION_OPERATIONS: ReadonlySet<string> = new Set(['Login', 'RefreshSession', 'Logout']);
/** Operations sent without a token at all (Logout does get a fresh one, to be sure it is accepted). */
const ANONYMOUS_OPERATIONS: ReadonlySet<string> = new Set(['Login', 'RefreshSession']);

function isSessionOperation(operation: ApolloLink.Operation): boolean {
  return SESSION_OPERATIONS.has(operation.operationName ?? '');
}

function isAnonymousOperation(operation: ApolloLink.Operation): boolean {
  return ANONYMOUS_OPERATIONS.has(operation.operationName ?? '');
}

/** Adds `Authorization: Bearer …`, refreshing first when the token is known to have expired. */
const authLink = new ApolloLink((operation, forward) => {
  const send = () => {
    const token = isAnonymousOperation(operation) ? null : getAccessToken();
    if (token) {
      operation.setContext(({ headers }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    }
    return forward(operation);
  };
  if (isAnonymousOperation(operation) || !isSignedIn() || hasFreshAccessToken()) return send();
  return fromPromise(refreshSession()).pipe(
    switchMap((refreshed) => {
      // A failed refresh ends the session; the request still goes out and its error surfaces as usual.
      if (!refreshed) operation.setContext({ authRetried: true });
      return send();
    }),
  );
});

/** On UNAUTHENTICATED: refresh the session once and replay the operation; otherwise sign out. */
const refreshOnUnauthenticatedLink = new ErrorLink(({ error, operation, forward }) => {
  if (isSessionOperation(operation) || toApiError(error).code !== 'UNAUTHENTICATED') return;
  if (operation.getContext().authRetried) {
    if (isSignedIn()) endSession('expired');
    return;
  }
  operation.setContext({ authRetried: true });
  return fromPromise(refreshSession()).pipe(
    switchMap((refreshed) => (refreshed ? forward(operation) : throwError(() => error))),
  );
});

const httpLink = new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'include' });

export function createApolloClient(): ApolloClient {
  const client = new ApolloClient({
    link: ApolloLink.from([refreshOnUnauthenticatedLink, authLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        // Pages of results have no identity: keep them under the field that returned them.
        PersonPage: { keyFields: false },
        AuditEventPage: { keyFields: false },
        ImportRowError: { keyFields: false },
        PeopleImportResult: { keyFields: false },
        Pay: { keyFields: false },
        // Survey questions, options and result groups have ids only within their survey or wave ("enps",
        // "org", "team:<id>"): normalising them would mix surveys and waves up.
        SurveyQuestion: { keyFields: false },
        ChoiceOption: { keyFields: false },
        ResultSlice: { keyFields: false },
      },
    }),
  });
  // Nothing of a previous person must survive their session.
  onSessionEnd(() => {
    void client.clearStore();
  });
  return client;
}
