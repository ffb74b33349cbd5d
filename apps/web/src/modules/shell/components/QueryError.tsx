import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiErrorMessage } from '../hooks/useApiErrorMessage';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, explained in the current language, with a way to try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const describe = useApiErrorMessage();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.title')}
      role="alert"
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <span>{describe(error)}</span>
        {onRetry && (
          <Button variant="white" color="red" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
