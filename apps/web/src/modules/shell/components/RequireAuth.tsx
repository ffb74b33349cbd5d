import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../../platform/auth/useSession';
import { AppLayout } from './AppLayout';
import { PageLoader } from './PageLoader';

/** Signed-in area: waits for the session to be restored, else sends to the login page. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <PageLoader fullScreen />;
  if (session.status === 'anonymous' || !session.person) {
    // After an explicit logout, start afresh; otherwise come back here after signing in.
    const state = session.signOutReason === 'logged-out' ? undefined : { from: location };
    return <Navigate to="/login" replace state={state} />;
  }
  return <AppLayout person={session.person} />;
}
