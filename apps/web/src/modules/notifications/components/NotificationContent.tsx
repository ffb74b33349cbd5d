import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { toLocale } from '../../../platform/i18n/locale';
import type { AppNotification } from '../hooks/useNotifications';
import { notificationText } from '../utils/notification-text';

/** A notification's title, text and time, in the reader's language (the bell, the notifications page). */
export function NotificationContent({ notification }: { notification: AppNotification }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const unread = !notification.readAt;
  const { title, body } = notificationText(notification, toLocale(i18n.language) ?? 'en', format.dateTime);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={unread ? 700 : 500}>
        {title}
      </Text>
      {body && (
        <Text size="xs" c="dimmed">
          {body}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {format.dateTime(notification.createdAt)}
        {unread && ` · ${t('notifications.unread')}`}
      </Text>
    </Stack>
  );
}
