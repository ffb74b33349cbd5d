import { Card, CloseButton, EmptyState, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { hasAnyRole } from '../../shell/utils/access';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';
import { useDirectoryParams } from '../hooks/useDirectoryParams';
import { usePeople } from '../hooks/usePeople';
import { useSearchInput } from '../hooks/useSearchInput';
import { useTeamOptions } from '../hooks/useTeamOptions';
import { PeopleTable } from './PeopleTable';

/** Who may list former staff (the API's rule for `people(includeFormer: true)`). */
const FORMER_STAFF_READERS = ['HR', 'ADMIN'] as const;

export default function PeopleDirectoryPage() {
  const { t } = useTranslation();
  const { person: viewer } = useSession();
  const canListFormer = hasAnyRole(viewer?.roles, FORMER_STAFF_READERS);
  const { search, teamId, former, page, update } = useDirectoryParams();
  const includeFormer = former && canListFormer;
  const commitSearch = useCallback((value: string) => update({ search: value }), [update]);
  const [searchInput, setSearchInput] = useSearchInput(search, commitSearch);
  const { groups, loading: teamsLoading } = useTeamOptions();
  const { people, loading, error, refetch, pageSize } = usePeople({ search, teamId, includeFormer, page });

  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.description')} />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={searchInput}
            onChange={(event) => setSearchInput(event.currentTarget.value)}
            rightSection={
              searchInput ? (
                <CloseButton
                  size="sm"
                  aria-label={t('people.clearSearch')}
                  onClick={() => setSearchInput('')}
                />
              ) : null
            }
            type="search"
            style={{ flex: '1 1 280px' }}
            data-testid="people-search"
          />
          <Select
            label={t('people.teamFilter')}
            placeholder={t('people.allTeams')}
            data={groups}
            value={teamId}
            onChange={(value) => update({ teamId: value })}
            searchable
            clearable
            nothingFoundMessage={t('common.noMatch')}
            disabled={teamsLoading && groups.length === 0}
            style={{ flex: '0 1 280px' }}
            data-testid="people-team-filter"
            comboboxProps={{ withinPortal: true }}
          />
          {canListFormer && (
            <Switch
              label={t('leaving.includeFormer')}
              checked={includeFormer}
              onChange={(event) => update({ former: event.currentTarget.checked })}
              mb={8}
              data-testid="people-include-former"
            />
          )}
        </Group>
      </Card>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!people && loading && <PageLoader />}
      {people && (
        <Card withBorder padding={0}>
          {people.items.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconUserSearch aria-hidden />}
              title={t('people.emptyTitle')}
              description={t('people.emptyBody')}
            />
          ) : (
            <PeopleTable
              people={people.items}
              leavingDates={includeFormer ? leavingDates(people.items) : undefined}
              caption={t('people.caption')}
              busy={loading}
            />
          )}
          <div style={{ padding: 'var(--mantine-spacing-md)', paddingTop: 0 }}>
            <PaginationBar
              page={page}
              pageSize={pageSize}
              totalCount={people.totalCount}
              onPageChange={(next) => update({ page: next })}
              label={t('people.title')}
            />
          </div>
        </Card>
      )}
    </>
  );
}

function leavingDates(items: readonly { id: string; leftOn?: string | null }[]): Map<string, string> {
  return new Map(items.flatMap((p) => (p.leftOn ? [[p.id, p.leftOn] as [string, string]] : [])));
}
