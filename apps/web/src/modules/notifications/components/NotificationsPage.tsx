import { Button, Card, EmptyState, Group, SegmentedControl, Stack, UnstyledButton } from '@mantine/core';
import { IconBell, IconChecks, IconPointFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shell/components/PageHeader';
import { PageLoader } from '../../shell/components/PageLoader';
import { PaginationBar } from '../../shell/components/PaginationBar';
import { QueryError } from '../../shell/components/QueryError';
import { useNotificationsPage } from '../hooks/useNotifications';
import { NotificationContent } from './NotificationContent';

const PAGE_SIZE = 25;

/** Every notification of the viewer, latest first, paged; the bell shows only the latest. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const { feed, loading, error, refetch, open, markAllRead, markingAll } = useNotificationsPage(
    page,
    PAGE_SIZE,
    filter === 'unread',
  );

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={t('notifications.page.title')}
        description={t('notifications.page.description')}
        aside={
          <Button
            variant="default"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={!feed || feed.unreadCount === 0}
            loading={markingAll}
            onClick={() => void markAllRead().catch(() => undefined)}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Group>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value === 'unread' ? 'unread' : 'all');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('notifications.page.all') },
            {
              value: 'unread',
              label: t('notifications.page.unreadCount', { count: feed?.unreadCount ?? 0 }),
            },
          ]}
          aria-label={t('notifications.page.filter')}
          data-testid="notifications-filter"
        />
      </Group>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {loading && !feed && <PageLoader />}
      {feed && feed.items.length === 0 && (
        <Card withBorder>
          <EmptyState
            py="xl"
            icon={<IconBell aria-hidden />}
            title={filter === 'unread' ? t('notifications.page.emptyUnread') : t('notifications.empty')}
          />
        </Card>
      )}
      {feed && feed.items.length > 0 && (
        <div>
          <Stack
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label={t('notifications.page.title')}
          >
            {feed.items.map((notification) => (
              <li key={notification.id}>
                <Card withBorder padding="sm">
                  <UnstyledButton
                    onClick={() => open(notification)}
                    w="100%"
                    data-testid="notifications-row"
                    data-unread={notification.readAt ? undefined : true}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <IconPointFilled
                        size={12}
                        aria-hidden
                        style={{ marginTop: 4, flexShrink: 0 }}
                        color={notification.readAt ? 'transparent' : 'var(--mantine-color-blue-6)'}
                      />
                      <NotificationContent notification={notification} />
                    </Group>
                  </UnstyledButton>
                </Card>
              </li>
            ))}
          </Stack>
          <PaginationBar
            page={page}
            pageSize={PAGE_SIZE}
            totalCount={feed.totalCount}
            onPageChange={setPage}
            label={t('notifications.page.title')}
          />
        </div>
      )}
    </Stack>
  );
}
