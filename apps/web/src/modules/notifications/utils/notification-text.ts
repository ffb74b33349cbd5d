import {
  notificationForReader,
  readNotification,
  type NotificationLocale,
} from '@symmetry/domain/notifications';

/** The stored notification: English words (written by the API from the same module) and its kind. */
export interface StoredNotification {
  kind: string;
  title: string;
  body: string;
}

/**
 * A notification in the reader's language: the facts are read back from the stored English
 * (`readNotification`) and worded for the reader (`notificationForReader`, the words e-mail
 * copies use too), instants in the reader's format. People's own words (a subject, a reply, a
 * reason) stay as they were written. A kind or a text the module does not know is shown as stored.
 */
export function notificationText(
  n: StoredNotification,
  locale: NotificationLocale,
  dateTime: (iso: string) => string,
): { title: string; body: string } {
  const facts = readNotification(n.kind, n.title, n.body);
  return facts ? notificationForReader(facts, locale, dateTime) : { title: n.title, body: n.body };
}

/** Only links inside the app are followed (a notification never sends the person elsewhere). */
export function internalPath(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}
