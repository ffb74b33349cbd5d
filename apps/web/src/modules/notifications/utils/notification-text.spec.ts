import { NOTIFICATION_KINDS, wordNotification, type NotificationFacts } from '@symmetry/domain/notifications';
import { internalPath, notificationText } from './notification-text';

const at = (iso: string) => `<${iso}>`;

/** One notification of each kind, as the API words it. */
const EXAMPLES: NotificationFacts[] = [
  { kind: 'SURVEY_INVITATION', survey: 'Pulse: Q1', closesAt: '2026-03-09T17:00:00.000Z' },
  { kind: 'SURVEY_REMINDER', survey: 'Pulse: Q1', closesAt: '2026-03-09T17:00:00.000Z' },
  {
    kind: 'REQUEST_AT_RISK',
    number: 42,
    commitment: 'first_response',
    dueAt: '2026-03-09T17:00:00.000Z',
    subject: 'Badge: broken',
  },
  {
    kind: 'REQUEST_AT_RISK',
    number: 43,
    commitment: 'resolution',
    dueAt: '2026-03-10T08:30:00.000Z',
    subject: 'Chair',
  },
  { kind: 'REQUEST_RESOLVED', number: 5, subject: 'Laptop' },
  { kind: 'REQUEST_UPDATED', number: 7, state: 'IN_PROGRESS', subject: 'Laptop' },
  { kind: 'REQUEST_ASSIGNED', number: 8, subject: 'Laptop' },
  { kind: 'REQUEST_REPLY', number: 9, text: 'Done?' },
  { kind: 'REQUEST_DUE_CHANGED', number: 10, reason: 'Supplier late' },
  { kind: 'DECISION_ESCALATED', decisionType: 'Refund', summary: '120 EUR' },
  { kind: 'DECISION_TO_REVIEW', decisionType: 'Refund', summary: '120 EUR' },
  { kind: 'DECISION_REVIEWED', confirmed: true, note: 'Right call' },
  { kind: 'DECISION_REVIEWED', confirmed: false, note: '' },
  { kind: 'TRAINING_FEEDBACK', course: 'First aid' },
];

describe('notification text', () => {
  it('words every kind the API writes in French, from the facts, with the people’s own words kept', () => {
    expect(new Set(EXAMPLES.map((e) => e.kind))).toEqual(new Set(NOTIFICATION_KINDS));
    for (const facts of EXAMPLES) {
      const stored = wordNotification(facts);
      const french = notificationText(stored, 'fr', at);
      expect(french.title).not.toBe(stored.title);
    }
    const fr = (f: NotificationFacts) => notificationText(wordNotification(f), 'fr', at);
    expect(fr(EXAMPLES[0])).toEqual({
      title: 'Nouveau questionnaire : Pulse: Q1',
      body: 'Ouvert jusqu’au <2026-03-09T17:00:00.000Z>. Vos réponses sont les bienvenues.',
    });
    expect(fr(EXAMPLES[2])).toEqual({
      title: 'REQ-42 en risque',
      body: 'Première réponse attendue le <2026-03-09T17:00:00.000Z> : Badge: broken',
    });
    expect(fr(EXAMPLES[3]).body).toBe('Résolution attendue le <2026-03-10T08:30:00.000Z> : Chair');
    expect(fr(EXAMPLES[5]).title).toBe('REQ-7 : En cours');
    expect(fr(EXAMPLES[7])).toEqual({ title: 'REQ-9 : nouvelle réponse', body: 'Done?' });
    expect(fr(EXAMPLES[12]).title).toBe('Votre décision n’a pas été confirmée');
  });

  it('words them in English with the time in the reader’s format, and the survey’s title once', () => {
    const english = (f: NotificationFacts) => notificationText(wordNotification(f), 'en', at);
    expect(english(EXAMPLES[0]).title).toBe('New survey: Pulse: Q1');
    expect(english(EXAMPLES[2]).body).toBe('First response due <2026-03-09T17:00:00.000Z>: Badge: broken');
    expect(english(EXAMPLES[5]).title).toBe('REQ-7: In progress');
    const waiting = {
      kind: 'REQUEST_UPDATED',
      number: 7,
      state: 'WAITING_ON_REQUESTER',
      subject: 's',
    } as const;
    expect(english(waiting).title).toBe('REQ-7: Waiting for you');
    expect(english(EXAMPLES[13])).toEqual({
      title: 'First aid: how was it?',
      body: 'Rate the training in a minute: it helps the training office improve it.',
    });
  });

  it('shows a kind it does not know, or text not in the API’s words, as stored', () => {
    const other = { kind: 'SOMETHING_NEW', title: 'REQ-1 at risk', body: 'x' };
    expect(notificationText(other, 'fr', at)).toEqual({ title: 'REQ-1 at risk', body: 'x' });
    const hand = { kind: 'REQUEST_AT_RISK', title: 'Heads up', body: 'soon' };
    expect(notificationText(hand, 'fr', at)).toEqual({ title: 'Heads up', body: 'soon' });
  });

  it('follows only links inside the app', () => {
    expect(internalPath('/surveys/mine')).toBe('/surveys/mine');
    expect(internalPath('//evil.example/x')).toBeNull();
    expect(internalPath('https://evil.example')).toBeNull();
    expect(internalPath(null)).toBeNull();
  });
});
