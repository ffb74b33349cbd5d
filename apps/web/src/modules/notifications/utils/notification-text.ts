import type { TFunction } from 'i18next';
import { readNotification } from '@symmetry/domain/notifications';

/** The stored notification: English words (written by the API from the same module) and its kind. */
export interface StoredNotification {
  kind: string;
  title: string;
  body: string;
}

/**
 * A notification in the reader's language: the facts are read back from the stored English
 * (`readNotification`, the module the API words them with) and worded again here. People's own
 * words (a subject, a reply, a reason) stay as they were written. A kind or a text the module
 * does not know is shown as stored.
 */
export function notificationText(
  n: StoredNotification,
  t: TFunction,
  dateTime: (iso: string) => string,
): { title: string; body: string } {
  const f = readNotification(n.kind, n.title, n.body);
  if (!f) return { title: n.title, body: n.body };
  switch (f.kind) {
    case 'SURVEY_INVITATION':
      return {
        title: t('notifications.kinds.SURVEY_INVITATION.title', { title: f.survey }),
        body: t('notifications.kinds.SURVEY_INVITATION.body', { date: dateTime(f.closesAt) }),
      };
    case 'SURVEY_REMINDER':
      return {
        title: t('notifications.kinds.SURVEY_REMINDER.title', { title: f.survey }),
        body: t('notifications.kinds.SURVEY_REMINDER.body', { date: dateTime(f.closesAt) }),
      };
    case 'REQUEST_AT_RISK':
      return {
        title: t('notifications.kinds.REQUEST_AT_RISK.title', { number: f.number }),
        body:
          f.commitment === 'first_response'
            ? t('notifications.kinds.REQUEST_AT_RISK.firstResponse', {
                date: dateTime(f.dueAt),
                subject: f.subject,
              })
            : t('notifications.kinds.REQUEST_AT_RISK.resolution', {
                date: dateTime(f.dueAt),
                subject: f.subject,
              }),
      };
    case 'REQUEST_RESOLVED':
      return {
        title: t('notifications.kinds.REQUEST_RESOLVED.title', { number: f.number }),
        body: f.subject,
      };
    case 'REQUEST_UPDATED':
      return {
        title: t('notifications.kinds.REQUEST_UPDATED.title', {
          number: f.number,
          // Sent to the requester: their wording of a state where there is one ("Waiting for you").
          state: t(`desk.state.${f.state}`, { context: 'requester', defaultValue: f.state }),
        }),
        body: f.subject,
      };
    case 'REQUEST_ASSIGNED':
      return {
        title: t('notifications.kinds.REQUEST_ASSIGNED.title', { number: f.number }),
        body: f.subject,
      };
    case 'REQUEST_REPLY':
      return { title: t('notifications.kinds.REQUEST_REPLY.title', { number: f.number }), body: f.text };
    case 'REQUEST_DUE_CHANGED':
      return {
        title: t('notifications.kinds.REQUEST_DUE_CHANGED.title', { number: f.number }),
        body: f.reason,
      };
    case 'DECISION_ESCALATED':
      return {
        title: t('notifications.kinds.DECISION_ESCALATED.title', { type: f.decisionType }),
        body: f.summary,
      };
    case 'DECISION_TO_REVIEW':
      return {
        title: t('notifications.kinds.DECISION_TO_REVIEW.title', { type: f.decisionType }),
        body: f.summary,
      };
    case 'DECISION_REVIEWED':
      return {
        title: f.confirmed
          ? t('notifications.kinds.DECISION_REVIEWED.confirmed')
          : t('notifications.kinds.DECISION_REVIEWED.notConfirmed'),
        body: f.note,
      };
    case 'TRAINING_FEEDBACK':
      return {
        title: t('notifications.kinds.TRAINING_FEEDBACK.title', { course: f.course }),
        body: t('notifications.kinds.TRAINING_FEEDBACK.body'),
      };
  }
}

/** Only links inside the app are followed (a notification never sends the person elsewhere). */
export function internalPath(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}
