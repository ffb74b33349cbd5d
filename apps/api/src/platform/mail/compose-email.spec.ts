import { wordNotification } from '@symmetry/domain';
import { composeEmail, type OutboxMessage } from './mailer.service';

const LINK = 'https://symmetry.example/requests/1';
const stored = wordNotification({
  kind: 'REQUEST_AT_RISK',
  number: 42,
  commitment: 'resolution',
  dueAt: '2026-03-09T17:00:00.000Z',
  subject: 'Badge: broken',
});
const queued = (over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  subject: stored.title,
  body: `${stored.body}\n\n${LINK}`,
  kind: stored.kind,
  link: LINK,
  locale: 'fr',
  time_zone: 'Europe/Paris',
  ...over,
});

describe('composeEmail', () => {
  it("words a copy in its reader's language, the instant in the organisation's time zone, the link kept", () => {
    expect(composeEmail(queued())).toEqual({
      subject: 'REQ-42 en risque',
      text: `Résolution attendue le lundi 9 mars 2026 à 18:00 UTC+1\u00a0: Badge: broken\n\n${LINK}`,
    });
    expect(composeEmail(queued({ locale: 'en', time_zone: 'America/New_York' }))).toEqual({
      subject: 'REQ-42 at risk',
      text: `Resolution due Monday, March 9, 2026 at 01:00 PM EDT: Badge: broken\n\n${LINK}`,
    });
  });

  it('sends as queued what it cannot word: an unknown kind or language, text not in the words, a bad time zone', () => {
    const asQueued = { subject: stored.title, text: `${stored.body}\n\n${LINK}` };
    expect(composeEmail(queued({ kind: 'SOMETHING_NEW' }))).toEqual(asQueued);
    expect(composeEmail(queued({ kind: null }))).toEqual(asQueued);
    expect(composeEmail(queued({ locale: 'de' }))).toEqual(asQueued);
    expect(composeEmail(queued({ locale: null }))).toEqual(asQueued);
    expect(composeEmail(queued({ link: 'https://elsewhere.example/x' }))).toEqual(asQueued);
    expect(composeEmail(queued({ subject: 'Heads up' }))).toEqual({
      subject: 'Heads up',
      text: asQueued.text,
    });
    expect(composeEmail(queued({ time_zone: 'Not/AZone' })).text).toContain('à 17:00 UTC');
  });

  it('words a copy without a link', () => {
    const s = wordNotification({ kind: 'DECISION_REVIEWED', confirmed: false, note: 'Too costly' });
    expect(
      composeEmail({
        subject: s.title,
        body: s.body,
        kind: s.kind,
        link: null,
        locale: 'fr',
        time_zone: 'UTC',
      }),
    ).toEqual({ subject: 'Votre décision n’a pas été confirmée', text: 'Too costly' });
  });
});
