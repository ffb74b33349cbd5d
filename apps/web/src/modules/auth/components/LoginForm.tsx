import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../hooks/useLogin';
import { problemField, type LoginProblem } from '../utils/login-errors';

function useProblemMessage(): (problem: LoginProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.kind) {
      case 'emailMissing':
        return t('login.errors.emailMissing');
      case 'emailInvalid':
        return t('login.errors.emailInvalid');
      case 'passwordMissing':
        return t('login.errors.passwordMissing');
      case 'wrongCredentials':
        return t('login.errors.wrongCredentials');
      case 'throttled':
        return problem.retryAfterMinutes
          ? t('login.errors.throttledFor', { count: problem.retryAfterMinutes })
          : t('login.errors.throttled');
      case 'locked':
        return t('login.errors.locked');
      case 'network':
        return t('login.errors.network');
      case 'unknown':
        return t('login.errors.unknown');
    }
  };
}

export function LoginForm() {
  const { t } = useTranslation();
  const { login, submitting, problem, clearProblem } = useLogin();
  const describe = useProblemMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const field = problemField(problem);
  const message = problem ? describe(problem) : null;

  // Put the keyboard where the fix is needed.
  useEffect(() => {
    if (!problem) return;
    if (field === 'email') emailRef.current?.focus();
    else passwordRef.current?.focus();
  }, [problem, field]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await login(email, password);
    if (!ok) setPassword('');
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={t('login.title')}>
      <Stack gap="md">
        {message && field === null && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            data-testid="login-error"
          >
            {message}
          </Alert>
        )}
        <TextInput
          ref={emailRef}
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            if (field === 'email') clearProblem();
          }}
          error={field === 'email' ? message : undefined}
          data-testid="login-email"
        />
        <PasswordInput
          ref={passwordRef}
          label={t('login.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (field === 'password') clearProblem();
          }}
          error={field === 'password' ? message : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          data-testid="login-password"
        />
        <Button type="submit" fullWidth loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
