import { useMutation, useQuery } from '@apollo/client/react';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  NotificationsDocument,
  type NotificationFieldsFragment,
} from '../../../gql/graphql';

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
  // The count comes back with the list: read again after a change.
  const refetchQueries = [{ query: NotificationsDocument, variables: { limit: NOTIFICATIONS_SHOWN } }];
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries });
  const [markAllRead, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument, {
    refetchQueries,
  });
  return {
    items: data?.notifications.items ?? [],
    unreadCount: data?.notifications.unreadCount ?? 0,
    loading,
    error,
    markRead: (id: string) => markRead({ variables: { id } }),
    markAllRead: () => markAllRead(),
    markingAll,
  };
}
