import { Card, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamQuery } from '../../../gql/graphql';
import { PeopleTable } from '../../people/components/PeopleTable';
import { usePeople } from '../../people/hooks/usePeople';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';

/** The team's members, a page at a time, from `people(teamId:)`. */
export function TeamMembersCard({ team }: { team: TeamQuery['team'] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { people, loading, error, refetch, pageSize } = usePeople({ teamId: team.id, page });
  return (
    <Card withBorder padding={0}>
      <Title order={2} size="h4" p="lg" pb="xs">
        {t('team.membersTitle')}
      </Title>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!people && loading && <PageLoader />}
      {people && (
        <>
          <PeopleTable
            people={people.items}
            caption={t('team.membersCaption', { team: team.name })}
            hideTeam
            busy={loading}
          />
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <PaginationBar
              page={page}
              pageSize={pageSize}
              totalCount={people.totalCount}
              onPageChange={setPage}
              label={t('team.membersTitle')}
            />
          </div>
        </>
      )}
    </Card>
  );
}
