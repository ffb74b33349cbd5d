import { Anchor, Card, EmptyState, Group, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { QueryError } from '../../shell/components/QueryError';
import { useMyTeam } from '../hooks/useMyTeam';
import { ReportsTable } from './ReportsTable';

/** A manager's direct reports, with the line beneath each of them. */
export default function MyTeamPage() {
  const { t } = useTranslation();
  const { me, loading, error, refetch } = useMyTeam();
  return (
    <>
      <PageHeader title={t('myTeam.title')} description={t('myTeam.description')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !me && <PageLoader />}
      {me && (
        <>
          {me.manager && (
            <Group gap={6} mb="md">
              <Text c="dimmed">{t('myTeam.yourManager')}</Text>
              <Anchor component={Link} to={`/people/${me.manager.id}`} fw={500}>
                {me.manager.displayName}
              </Anchor>
            </Group>
          )}
          <Card withBorder padding={0}>
            {me.directReports.length === 0 ? (
              <EmptyState
                py="xl"
                icon={<IconUsers aria-hidden />}
                title={t('myTeam.emptyTitle')}
                description={t('myTeam.emptyBody')}
              />
            ) : (
              <ReportsTable reports={me.directReports} />
            )}
          </Card>
        </>
      )}
    </>
  );
}
