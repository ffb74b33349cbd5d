import { Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { QueryError } from '../../shell/components/QueryError';
import { usePersonPay } from '../hooks/usePerson';

/** Rendered only for people allowed to see this person's pay (`canViewPay`). */
export function PayCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { pay, loading, error, refetch } = usePersonPay(personId, true);
  return (
    <Card withBorder padding="lg" data-testid="pay-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('person.pay.title')}
        </Title>
        <IconLock size={16} aria-label={t('person.pay.confidential')} color="var(--mantine-color-dimmed)" />
      </Group>
      {loading && !pay && <Skeleton height={28} width={160} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {pay && (
        <>
          <Text size="xs" c="dimmed">
            {t('person.pay.baseSalary')}
          </Text>
          <Text fz={28} fw={700}>
            {format.money(pay.baseSalary, pay.currency)}
          </Text>
        </>
      )}
      {!loading && !error && !pay && <Text c="dimmed">{t('person.pay.none')}</Text>}
      <Text size="xs" c="dimmed" mt="sm">
        {t('person.pay.notice')}
      </Text>
    </Card>
  );
}
