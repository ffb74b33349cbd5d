import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { LoginDocument } from '../../../gql/graphql';
import { toApiError } from '../../../platform/apollo/errors';
import { startSession } from '../../../platform/auth/session';
import { checkLoginInput, loginProblemFromApi, type LoginProblem } from '../utils/login-errors';

export interface UseLogin {
  login(email: string, password: string): Promise<boolean>;
  submitting: boolean;
  problem: LoginProblem | null;
  clearProblem(): void;
}

/** Signs in; on success the session starts and the guards take the person in. */
export function useLogin(): UseLogin {
  const [mutate, { loading }] = useMutation(LoginDocument);
  const [problem, setProblem] = useState<LoginProblem | null>(null);

  const login = useCallback(
    async (email: string, password: string) => {
      const inputProblem = checkLoginInput(email, password);
      setProblem(inputProblem);
      if (inputProblem) return false;
      try {
        const { data } = await mutate({ variables: { email: email.trim(), password } });
        const payload = data?.login;
        if (!payload) {
          setProblem({ kind: 'unknown' });
          return false;
        }
        startSession(payload);
        return true;
      } catch (error) {
        setProblem(loginProblemFromApi(toApiError(error)));
        return false;
      }
    },
    [mutate],
  );

  const clearProblem = useCallback(() => setProblem(null), []);
  return { login, submitting: loading, problem, clearProblem };
}
