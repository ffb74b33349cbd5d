import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  NotificationsDocument,
  NotificationsPageDocument,
  type NotificationFieldsFragment,
} from '../../../gql/graphql';
import { internalPath } from '../utils/notification-text';

export type AppNotification = NotificationFieldsFragment;

export const NOTIFICATIONS_SHOWN = 20;
/** New invitations and reminders arrive without the person doing anything: look again now and then. */
const POLL_MS = 60_000;

/** The viewer's latest notifications and unread count, kept fresh while the app is open. */
export function useNotifications() {
  const { data, loading, error } = useQuery(NotificationsDocument, {
    variables: { limit: NOTIFICATIONS_SHOWN },
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const { open, markAllRead, markingAll } = useMarkNotifications();
  return {
    items: data?.notifications.items ?? [],
    unreadCount: data?.notifications.unreadCount ?? 0,
    loading,
    error,
    open,
    markAllRead,
    markingAll,
  };
}

/**
 * Marking read, for the bell and the notifications page: the counts come back with the lists, so
 * both are read again after a change (whichever is shown).
 */
function useMarkNotifications() {
  const refetchQueries = ['Notifications', 'NotificationsPage'];
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries });
  const [markAllRead, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument, {
    refetchQueries,
  });
  const navigate = useNavigate();
  return {
    markAllRead: () => markAllRead(),
    markingAll,
    /** Opening a notification marks it read and follows its link (inside the app only). */
    open: (notification: AppNotification) => {
      if (!notification.readAt) void markRead({ variables: { id: notification.id } }).catch(() => undefined);
      const path = internalPath(notification.link);
      if (path) void navigate(path);
    },
  };
}

/** One page of the viewer's notifications (all, or unread only), latest first. */
export function useNotificationsPage(page: number, pageSize: number, unreadOnly: boolean) {
  const { data, loading, error, refetch } = useQuery(NotificationsPageDocument, {
    variables: { offset: (page - 1) * pageSize, limit: pageSize, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  return { feed: data?.notifications ?? null, loading, error, refetch, ...useMarkNotifications() };
}
