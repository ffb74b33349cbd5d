import { print } from 'graphql';
import { RefreshSessionDocument, type SessionPersonFragment } from '../../gql/graphql';
import { GRAPHQL_ENDPOINT } from '../apollo/endpoint';

/**
 * The client-side session.
 *
 * The access token (a short-lived JWT) lives in this module's memory only: never in localStorage or
 * sessionStorage, so a script injected into the page cannot read it from storage and it disappears with
 * the tab. After a reload the session is restored by `refreshSession`, which the API answers from its
 * rotating httpOnly refresh-token cookie.
 */

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

/** Why the person was signed out, so the login page can say it. */
export type SignOutReason = 'logged-out' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  person: SessionPersonFragment | null;
  signOutReason: SignOutReason | null;
}

export interface AuthPayload {
  accessToken: string;
  expiresIn: number;
  person: SessionPersonFragment;
}

/** A token this close to its expiry (or a quarter of its lifetime, if shorter) is refreshed first. */
const EXPIRY_MARGIN_MS = 10_000;

let accessToken: string | null = null;
let expiresAt = 0;
let snapshot: SessionSnapshot = { status: 'restoring', person: null, signOutReason: null };
let refreshInFlight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();
const endListeners = new Set<() => void>();

/** Other tabs of the same app: a logout in one signs the others out too. */
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('symmetry-session');
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.data === 'logged-out' && snapshot.status === 'authenticated') clearSession('logged-out');
});

function setSnapshot(next: SessionSnapshot): void {
  snapshot = next;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): SessionSnapshot {
    return snapshot;
  },
};

/** Called whenever a session ends (logout, expiry): used to empty the Apollo cache. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** True when a token is held and is not about to expire. */
export function hasFreshAccessToken(): boolean {
  return accessToken !== null && Date.now() < expiresAt;
}

export function isSignedIn(): boolean {
  return snapshot.status === 'authenticated';
}

/** Stores a token and person returned by `login` or `refreshSession`. */
export function startSession(payload: AuthPayload): void {
  accessToken = payload.accessToken;
  const lifetimeMs = payload.expiresIn * 1000;
  expiresAt = Date.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 4);
  setSnapshot({ status: 'authenticated', person: payload.person, signOutReason: null });
}

function clearSession(reason: SignOutReason | null): void {
  const wasSignedIn = snapshot.status === 'authenticated';
  accessToken = null;
  expiresAt = 0;
  setSnapshot({ status: 'anonymous', person: null, signOutReason: wasSignedIn ? reason : null });
  if (wasSignedIn) endListeners.forEach((listener) => listener());
}

/** Forgets the session locally (the caller has already told the API, or could not). */
export function endSession(reason: SignOutReason): void {
  clearSession(reason);
  if (reason === 'logged-out') channel?.postMessage('logged-out');
}

function isAuthPayload(value: unknown): value is AuthPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['accessToken'] === 'string' &&
    typeof candidate['expiresIn'] === 'number' &&
    typeof candidate['person'] === 'object' &&
    candidate['person'] !== null
  );
}

/** What the API said to a refresh: a new session, a refusal, or nothing (unreachable). */
type RefreshOutcome =
  { kind: 'renewed'; payload: AuthPayload } | { kind: 'refused' } | { kind: 'unreachable' };

async function requestRefresh(): Promise<RefreshOutcome> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'include',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionDocument) }),
    });
    body = await response.json();
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status >= 500) return { kind: 'unreachable' };
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : null;
  const payload =
    typeof data === 'object' && data !== null ? (data as { refreshSession?: unknown }).refreshSession : null;
  return isAuthPayload(payload) ? { kind: 'renewed', payload } : { kind: 'refused' };
}

/**
 * Other tabs share the refresh cookie: refreshes are serialised across tabs with a Web Lock, so a tab
 * never presents a refresh token another tab has just rotated (which the API could treat as reuse).
 */
function requestRefreshExclusively(): Promise<RefreshOutcome> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return requestRefresh();
  return new Promise((resolve) => {
    navigator.locks
      .request('symmetry-refresh-session', async () => resolve(await requestRefresh()))
      // No lock manager here after all (e.g. an opaque origin): refresh without it.
      .catch(() => resolve(requestRefresh()));
  });
}

/**
 * Asks the API for a new access token with the refresh cookie. Concurrent callers share one request:
 * the refresh token rotates, so two parallel refreshes would race each other.
 * Resolves to true when the session was renewed; when the API refuses, the session ends.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= requestRefreshExclusively()
    .then((outcome) => {
      if (outcome.kind === 'renewed') {
        startSession(outcome.payload);
        return true;
      }
      // Refused: the session is over. Unreachable: keep a session in progress (requests will report the
      // network problem and can be retried), but a page being loaded goes to the login page.
      if (outcome.kind === 'refused' || snapshot.status === 'restoring') clearSession('expired');
      return false;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

/** On app load: restores the session from the refresh cookie, or lands on the login page. */
export async function restoreSession(): Promise<void> {
  if (snapshot.status !== 'restoring') return;
  await refreshSession();
}
