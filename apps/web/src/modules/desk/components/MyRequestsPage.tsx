import { Button, Card, EmptyState, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconLifebuoy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';
import { useMyRequests } from '../hooks/useRequests';
import { RequestRow } from './RequestRow';

const PAGE_SIZE = 20;

/** The viewer's requests to support services, each with where it stands in plain words. */
export default function MyRequestsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const {
    page: requests,
    loading,
    error,
    refetch,
  } = useMyRequests(page, PAGE_SIZE, filter === 'open' ? true : null);
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={t('desk.mine.title')}
        description={t('desk.mine.description')}
        aside={
          <Button
            component={Link}
            to="/requests/new"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="new-request"
          >
            {t('desk.mine.new')}
          </Button>
        }
      />
      <Group>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value === 'all' ? 'all' : 'open');
            setPage(1);
          }}
          data={[
            { value: 'open', label: t('desk.mine.filterOpen') },
            { value: 'all', label: t('desk.mine.filterAll') },
          ]}
          aria-label={t('desk.mine.filterLabel')}
          data-testid="my-requests-filter"
        />
      </Group>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !requests && <PageLoader />}
      {requests && requests.items.length === 0 && (
        <Card withBorder>
          <EmptyState
            py="xl"
            icon={<IconLifebuoy aria-hidden />}
            title={filter === 'open' ? t('desk.mine.emptyOpen') : t('desk.mine.empty')}
            description={t('desk.mine.emptyBody')}
          />
        </Card>
      )}
      {requests && requests.items.length > 0 && (
        <div>
          <Stack
            gap="sm"
            component="ul"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label={t('desk.mine.title')}
          >
            {requests.items.map((request) => (
              <li key={request.id}>
                <RequestRow request={request} audience="requester" />
              </li>
            ))}
          </Stack>
          <PaginationBar
            page={page}
            pageSize={PAGE_SIZE}
            totalCount={requests.totalCount}
            onPageChange={setPage}
            label={t('desk.mine.title')}
          />
        </div>
      )}
    </Stack>
  );
}
