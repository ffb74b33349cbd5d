import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { LogoutDocument } from '../../../gql/graphql';
import { endSession } from '../../../platform/auth/session';

/** Revokes the refresh token on the API, then forgets the session here whatever the answer. */
export function useLogout() {
  const [mutate, { loading }] = useMutation(LogoutDocument);
  const navigate = useNavigate();
  const logout = useCallback(async () => {
    try {
      await mutate();
    } catch {
      // Already signed out on the server, or unreachable: the local session ends anyway.
    }
    endSession('logged-out');
    await navigate('/login', { replace: true });
  }, [mutate, navigate]);
  return { logout, loggingOut: loading };
}
