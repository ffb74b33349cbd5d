import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../platform/apollo/errors';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';

interface ActionErrorProps {
  error: unknown;
  /** Reads the request again (and forgets the error). */
  onReload(): void;
}

/** A refused change: CONFLICT asks to reload (someone else moved the request), others explain why. */
export function ActionError({ error, onReload }: ActionErrorProps) {
  const { t } = useTranslation();
  const describe = useApiErrorMessage();
  if (!error) return null;
  const apiError = toApiError(error);
  if (apiError.code === 'CONFLICT') {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconRefresh aria-hidden />}
        title={t('desk.conflict.title')}
        role="alert"
        data-testid="desk-conflict"
      >
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm">{t('desk.conflict.body')}</Text>
          <Button size="xs" color="orange" onClick={onReload} data-testid="desk-conflict-reload">
            {t('desk.conflict.reload')}
          </Button>
        </Group>
      </Alert>
    );
  }
  const message =
    apiError.code === 'BAD_USER_INPUT' && apiError.field === 'input.to'
      ? t('desk.errors.illegalMove')
      : apiError.code === 'BAD_USER_INPUT' && apiError.message
        ? `${describe(error)} (${apiError.message})`
        : describe(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.title')}
      role="alert"
      data-testid="desk-action-error"
    >
      {message}
    </Alert>
  );
}
