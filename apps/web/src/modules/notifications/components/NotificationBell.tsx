import { ActionIcon, Button, Group, Indicator, Menu, ScrollArea, Text } from '@mantine/core';
import { IconBell, IconChecks, IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifications } from '../hooks/useNotifications';
import { NotificationContent } from './NotificationContent';

/** The bell in the header: unread count, latest notifications; opening one marks it read and follows it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, unreadCount, open, markAllRead, markingAll } = useNotifications();

  return (
    <Menu position="bottom-end" width={380} withinPortal>
      <Menu.Target>
        <Indicator
          label={unreadCount > 99 ? '99+' : unreadCount}
          size={18}
          offset={6}
          disabled={unreadCount === 0}
          color="red"
          data-testid="notification-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={t('notifications.open', { count: unreadCount })}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown maw="calc(100vw - 16px)">
        <Group justify="space-between" px="sm" py={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('notifications.title')}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={unreadCount === 0}
            loading={markingAll}
            onClick={() => void markAllRead().catch(() => undefined)}
            data-testid="notification-mark-all"
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        <Menu.Divider />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="md" ta="center">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            {items.map((notification) => (
              <Menu.Item
                key={notification.id}
                onClick={() => open(notification)}
                data-testid="notification-item"
                data-unread={notification.readAt ? undefined : true}
                leftSection={
                  <IconPointFilled
                    size={12}
                    aria-hidden
                    color={notification.readAt ? 'transparent' : 'var(--mantine-color-blue-6)'}
                  />
                }
              >
                <NotificationContent notification={notification} />
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => void navigate('/notifications')} data-testid="notification-see-all">
          <Text size="sm" ta="center" c="blue">
            {t('notifications.seeAll')}
          </Text>
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
