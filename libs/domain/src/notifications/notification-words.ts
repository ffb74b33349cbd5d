/**
 * The words of in-app notifications. The API stores each notification's title and body in English
 * (they are also the e-mail copy's subject and text); the web app words the kinds below in the
 * reader's language from the facts `readNotification` takes back out of them. Both sides use this
 * one module, so a format changed here is changed for both, and the round trip is tested.
 *
 * Facts that are people's own words (a request's subject, a reply, a reason, a survey's or a
 * course's title) are carried as they are; instants are written to the minute in UTC.
 */

/** What a notification says, per kind: the facts the words are made of. */
export type NotificationFacts =
  | { kind: 'SURVEY_INVITATION'; survey: string; closesAt: string }
  | { kind: 'SURVEY_REMINDER'; survey: string; closesAt: string }
  | {
      kind: 'REQUEST_AT_RISK';
      number: number;
      commitment: 'first_response' | 'resolution';
      dueAt: string;
      subject: string;
    }
  | { kind: 'REQUEST_RESOLVED'; number: number; subject: string }
  | { kind: 'REQUEST_UPDATED'; number: number; state: string; subject: string }
  | { kind: 'REQUEST_ASSIGNED'; number: number; subject: string }
  | { kind: 'REQUEST_REPLY'; number: number; text: string }
  | { kind: 'REQUEST_DUE_CHANGED'; number: number; reason: string }
  | { kind: 'DECISION_ESCALATED'; decisionType: string; summary: string }
  | { kind: 'DECISION_TO_REVIEW'; decisionType: string; summary: string }
  | { kind: 'DECISION_REVIEWED'; confirmed: boolean; note: string }
  | { kind: 'TRAINING_FEEDBACK'; course: string };

export type NotificationKind = NotificationFacts['kind'];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'SURVEY_INVITATION',
  'SURVEY_REMINDER',
  'REQUEST_AT_RISK',
  'REQUEST_RESOLVED',
  'REQUEST_UPDATED',
  'REQUEST_ASSIGNED',
  'REQUEST_REPLY',
  'REQUEST_DUE_CHANGED',
  'DECISION_ESCALATED',
  'DECISION_TO_REVIEW',
  'DECISION_REVIEWED',
  'TRAINING_FEEDBACK',
];

/** Longest body kept of a reply (the whole reply is on the request page). */
export const REPLY_EXCERPT = 200;

const TRAINING_FEEDBACK_BODY = 'Rate the training in a minute: it helps the training office improve it.';
const COMMITMENT_LABEL = { first_response: 'First response', resolution: 'Resolution' } as const;

/** An instant to the minute in UTC, as the notifications write it: "2026-03-09 17:00". */
export function utcMinute(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-03-09 17:00" (UTC) back to an ISO instant. */
function instant(minute: string): string {
  return `${minute.replace(' ', 'T')}:00.000Z`;
}

/** The English title and body a notification is stored with (and read back from). */
export function wordNotification(f: NotificationFacts): {
  kind: NotificationKind;
  title: string;
  body: string;
} {
  const [title, body] = storedWords(f);
  return { kind: f.kind, title, body };
}

function storedWords(f: NotificationFacts): [string, string] {
  switch (f.kind) {
    case 'SURVEY_INVITATION':
      return [
        `Survey: ${f.survey}`,
        `You are invited to answer "${f.survey}". Open until ${utcMinute(f.closesAt)} UTC.`,
      ];
    case 'SURVEY_REMINDER':
      return [
        `Reminder: ${f.survey}`,
        `"${f.survey}" closes ${utcMinute(f.closesAt)} UTC. Your answer counts.`,
      ];
    case 'REQUEST_AT_RISK':
      return [
        `REQ-${f.number} at risk`,
        `${COMMITMENT_LABEL[f.commitment]} due ${utcMinute(f.dueAt)} UTC: ${f.subject}`,
      ];
    case 'REQUEST_RESOLVED':
      return [`REQ-${f.number} resolved: how did it go?`, f.subject];
    case 'REQUEST_UPDATED':
      return [`REQ-${f.number}: ${f.state.toLowerCase().replace(/_/g, ' ')}`, f.subject];
    case 'REQUEST_ASSIGNED':
      return [`REQ-${f.number} assigned to you`, f.subject];
    case 'REQUEST_REPLY':
      return [`REQ-${f.number}: new reply`, f.text.slice(0, REPLY_EXCERPT)];
    case 'REQUEST_DUE_CHANGED':
      return [`REQ-${f.number}: new expected date`, f.reason];
    case 'DECISION_ESCALATED':
      return [`A decision is waiting for you: ${f.decisionType}`, f.summary];
    case 'DECISION_TO_REVIEW':
      return [`Decision beyond rights to review: ${f.decisionType}`, f.summary];
    case 'DECISION_REVIEWED':
      return [f.confirmed ? 'Your decision was confirmed' : 'Your decision was not confirmed', f.note];
    case 'TRAINING_FEEDBACK':
      return [`${f.course}: how was it?`, TRAINING_FEEDBACK_BODY];
  }
}

/** Languages notifications are worded in for their readers (the bell, e-mail copies). */
export type NotificationLocale = 'en' | 'fr';
export const NOTIFICATION_LOCALES: readonly NotificationLocale[] = ['en', 'fr'];

/** A request's state as its requester reads it (the only reader of REQUEST_UPDATED). */
const REQUESTER_STATE: Record<NotificationLocale, Record<string, string>> = {
  en: {
    NEW: 'New',
    ACKNOWLEDGED: 'Acknowledged',
    IN_PROGRESS: 'In progress',
    WAITING_ON_REQUESTER: 'Waiting for you',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
  },
  fr: {
    NEW: 'Nouvelle',
    ACKNOWLEDGED: 'Prise en compte',
    IN_PROGRESS: 'En cours',
    WAITING_ON_REQUESTER: 'En attente de votre réponse',
    RESOLVED: 'Résolue',
    CLOSED: 'Clôturée',
  },
};

type Words = (f: NotificationFacts, at: (iso: string) => string) => [string, string];

/** French typography: a no-break space before the high punctuation marks. */
const NB = '\u00a0';

const READER_WORDS: Record<NotificationLocale, Words> = {
  en: (f, at) => {
    switch (f.kind) {
      case 'SURVEY_INVITATION':
        return [`New survey: ${f.survey}`, `Open until ${at(f.closesAt)}. Your answers are welcome.`];
      case 'SURVEY_REMINDER':
        return [`Reminder: ${f.survey}`, `Closes ${at(f.closesAt)}. There is still time to answer.`];
      case 'REQUEST_AT_RISK':
        return [
          `REQ-${f.number} at risk`,
          `${COMMITMENT_LABEL[f.commitment]} due ${at(f.dueAt)}: ${f.subject}`,
        ];
      case 'REQUEST_UPDATED':
        return [`REQ-${f.number}: ${REQUESTER_STATE.en[f.state] ?? f.state}`, f.subject];
      default:
        return storedWords(f);
    }
  },
  fr: (f, at) => {
    switch (f.kind) {
      case 'SURVEY_INVITATION':
        return [
          `Nouveau questionnaire${NB}: ${f.survey}`,
          `Ouvert jusqu’au ${at(f.closesAt)}. Vos réponses sont les bienvenues.`,
        ];
      case 'SURVEY_REMINDER':
        return [`Rappel${NB}: ${f.survey}`, `Clôture le ${at(f.closesAt)}. Il est encore temps de répondre.`];
      case 'REQUEST_AT_RISK':
        return [
          `REQ-${f.number} en risque`,
          `${f.commitment === 'first_response' ? 'Première réponse' : 'Résolution'} attendue le ${at(f.dueAt)}${NB}: ${f.subject}`,
        ];
      case 'REQUEST_RESOLVED':
        return [`REQ-${f.number} résolue${NB}: qu’en avez-vous pensé${NB}?`, f.subject];
      case 'REQUEST_UPDATED':
        return [`REQ-${f.number}${NB}: ${REQUESTER_STATE.fr[f.state] ?? f.state}`, f.subject];
      case 'REQUEST_ASSIGNED':
        return [`REQ-${f.number} vous est confiée`, f.subject];
      case 'REQUEST_REPLY':
        return [`REQ-${f.number}${NB}: nouvelle réponse`, f.text];
      case 'REQUEST_DUE_CHANGED':
        return [`REQ-${f.number}${NB}: nouvelle date prévue`, f.reason];
      case 'DECISION_ESCALATED':
        return [`Une décision vous attend${NB}: ${f.decisionType}`, f.summary];
      case 'DECISION_TO_REVIEW':
        return [`Décision hors délégation à examiner${NB}: ${f.decisionType}`, f.summary];
      case 'DECISION_REVIEWED':
        return [
          f.confirmed ? 'Votre décision a été confirmée' : 'Votre décision n’a pas été confirmée',
          f.note,
        ];
      case 'TRAINING_FEEDBACK':
        return [
          `${f.course}${NB}: qu’en avez-vous pensé${NB}?`,
          `Notez la formation en une minute${NB}: cela aide le service formation à l’améliorer.`,
        ];
    }
  },
};

/**
 * A notification as its reader reads it, in their language (the bell, an e-mail copy): instants
 * written by `at` (the reader's format and time zone), people's own words as they wrote them.
 */
export function notificationForReader(
  f: NotificationFacts,
  locale: NotificationLocale,
  at: (iso: string) => string,
): { title: string; body: string } {
  const [title, body] = READER_WORDS[locale](f, at);
  return { title, body };
}

const MINUTE = '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})';
const REQ = '^REQ-(\\d+)';

/**
 * The facts back from a stored title and body; null for a kind this module does not word, or text
 * that is not in its words (written before, or by hand): the reader then sees the stored text.
 */
export function readNotification(kind: string, title: string, body: string): NotificationFacts | null {
  const m = (re: string, text: string) => new RegExp(re, 's').exec(text);
  const num = (s: string) => Number(s);
  switch (kind) {
    case 'SURVEY_INVITATION': {
      const t = m('^Survey: (.*)$', title);
      const b = m(`Open until ${MINUTE} UTC\\.$`, body);
      return t && b ? { kind, survey: t[1], closesAt: instant(b[1]) } : null;
    }
    case 'SURVEY_REMINDER': {
      const t = m('^Reminder: (.*)$', title);
      const b = m(`closes ${MINUTE} UTC\\. Your answer counts\\.$`, body);
      return t && b ? { kind, survey: t[1], closesAt: instant(b[1]) } : null;
    }
    case 'REQUEST_AT_RISK': {
      const t = m(`${REQ} at risk$`, title);
      const b = m(`^(First response|Resolution) due ${MINUTE} UTC: (.*)$`, body);
      if (!t || !b) return null;
      const commitment = b[1] === 'First response' ? 'first_response' : 'resolution';
      return { kind, number: num(t[1]), commitment, dueAt: instant(b[2]), subject: b[3] };
    }
    case 'REQUEST_RESOLVED': {
      const t = m(`${REQ} resolved: how did it go\\?$`, title);
      return t ? { kind, number: num(t[1]), subject: body } : null;
    }
    case 'REQUEST_UPDATED': {
      const t = m(`${REQ}: ([a-z]+(?: [a-z]+)*)$`, title);
      return t
        ? { kind, number: num(t[1]), state: t[2].toUpperCase().replace(/ /g, '_'), subject: body }
        : null;
    }
    case 'REQUEST_ASSIGNED': {
      const t = m(`${REQ} assigned to you$`, title);
      return t ? { kind, number: num(t[1]), subject: body } : null;
    }
    case 'REQUEST_REPLY': {
      const t = m(`${REQ}: new reply$`, title);
      return t ? { kind, number: num(t[1]), text: body } : null;
    }
    case 'REQUEST_DUE_CHANGED': {
      const t = m(`${REQ}: new expected date$`, title);
      return t ? { kind, number: num(t[1]), reason: body } : null;
    }
    case 'DECISION_ESCALATED': {
      const t = m('^A decision is waiting for you: (.*)$', title);
      return t ? { kind, decisionType: t[1], summary: body } : null;
    }
    case 'DECISION_TO_REVIEW': {
      const t = m('^Decision beyond rights to review: (.*)$', title);
      return t ? { kind, decisionType: t[1], summary: body } : null;
    }
    case 'DECISION_REVIEWED':
      if (title === 'Your decision was confirmed') return { kind, confirmed: true, note: body };
      if (title === 'Your decision was not confirmed') return { kind, confirmed: false, note: body };
      return null;
    case 'TRAINING_FEEDBACK': {
      const t = m('^(.*): how was it\\?$', title);
      return t && body === TRAINING_FEEDBACK_BODY ? { kind, course: t[1] } : null;
    }
    default:
      return null;
  }
}
