import { Alert, Button, Card, Group, Skeleton, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { QueryError } from '../../shell/components/QueryError';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import { hasAnyRole } from '../../shell/utils/access';
import { usePersonLeaving } from '../hooks/usePerson';

/** Who may set or clear a leaving date (the API's rule for `setPersonLeaving`). */
const LEAVING_EDITORS = ['HR', 'ADMIN'] as const;

/**
 * The leaving date, for those allowed to see it (the same rule as pay: the person, their line
 * managers, HR and admins); HR and admins set or clear it here.
 */
export function LeavingCard({ personId, hireDate }: { personId: string; hireDate: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const describeError = useApiErrorMessage();
  const { person: viewer } = useSession();
  const canEdit = hasAnyRole(viewer?.roles, LEAVING_EDITORS);
  const { leftOn, loading, error, refetch, save, saving } = usePersonLeaving(personId, true);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const value = draft ?? leftOn ?? '';
  const tooEarly = value !== '' && value < hireDate;
  const submit = async (next: string | null) => {
    setSaveError(null);
    try {
      await save(next);
      setDraft(null);
    } catch (caught) {
      setSaveError(caught);
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="leaving-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('leaving.title')}
        </Title>
        <IconLock size={16} aria-label={t('leaving.confidential')} color="var(--mantine-color-dimmed)" />
      </Group>
      {loading && leftOn === null && !error && <Skeleton height={24} width={160} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!loading && !error && (
        <Text fw={500} data-testid="leaving-date">
          {leftOn
            ? t(leftOn <= new Date().toISOString().slice(0, 10) ? 'leaving.left' : 'leaving.leaving', {
                date: format.date(leftOn),
              })
            : t('leaving.none')}
        </Text>
      )}
      {canEdit && !error && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (value && !tooEarly) void submit(value);
          }}
        >
          <Group align="flex-end" gap="sm" mt="md">
            <TextInput
              type="date"
              label={t('leaving.date')}
              value={value}
              min={hireDate}
              onChange={(event) => setDraft(event.currentTarget.value)}
              error={tooEarly ? t('leaving.beforeHire') : undefined}
              style={{ flex: '1 1 180px' }}
              data-testid="leaving-input"
            />
            <Button type="submit" loading={saving} disabled={!value || tooEarly || value === leftOn}>
              {t('leaving.save')}
            </Button>
            {leftOn && (
              <Button variant="default" onClick={() => void submit(null)} disabled={saving}>
                {t('leaving.clear')}
              </Button>
            )}
          </Group>
        </form>
      )}
      {saveError !== null && (
        <Alert color="red" mt="sm" role="alert">
          {describeError(saveError)}
        </Alert>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('leaving.notice')}
      </Text>
    </Card>
  );
}
