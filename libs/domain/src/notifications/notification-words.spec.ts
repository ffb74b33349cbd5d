import fc from 'fast-check';
import {
  NOTIFICATION_KINDS,
  notificationForReader,
  REPLY_EXCERPT,
  readNotification,
  wordNotification,
  type NotificationFacts,
} from './notification-words';

/** Any text people write: colons, quotes, new lines, words of the formats themselves. */
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    'Laptop: screen broken',
    'a\nb: c',
    '"quoted"',
    'REQ-12 at risk',
    'Resolution due 2026-01-01 10:00 UTC: x',
    ': how was it?',
    '',
  ),
);
const minute = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 60000) * 60000).toISOString());
const num = fc.integer({ min: 1, max: 10_000_000 });
const state = fc.constantFrom('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_REQUESTER', 'CLOSED');

const facts: fc.Arbitrary<NotificationFacts> = fc.oneof(
  fc.record({ kind: fc.constant('SURVEY_INVITATION' as const), survey: text, closesAt: minute }),
  fc.record({ kind: fc.constant('SURVEY_REMINDER' as const), survey: text, closesAt: minute }),
  fc.record({
    kind: fc.constant('REQUEST_AT_RISK' as const),
    number: num,
    commitment: fc.constantFrom('first_response' as const, 'resolution' as const),
    dueAt: minute,
    subject: text,
  }),
  fc.record({ kind: fc.constant('REQUEST_RESOLVED' as const), number: num, subject: text }),
  fc.record({ kind: fc.constant('REQUEST_UPDATED' as const), number: num, state, subject: text }),
  fc.record({ kind: fc.constant('REQUEST_ASSIGNED' as const), number: num, subject: text }),
  fc.record({ kind: fc.constant('REQUEST_REPLY' as const), number: num, text }),
  fc.record({ kind: fc.constant('REQUEST_DUE_CHANGED' as const), number: num, reason: text }),
  fc.record({ kind: fc.constant('DECISION_ESCALATED' as const), decisionType: text, summary: text }),
  fc.record({ kind: fc.constant('DECISION_TO_REVIEW' as const), decisionType: text, summary: text }),
  fc.record({ kind: fc.constant('DECISION_REVIEWED' as const), confirmed: fc.boolean(), note: text }),
  fc.record({ kind: fc.constant('TRAINING_FEEDBACK' as const), course: text }),
);

describe('notification words', () => {
  it('reads back the facts it wrote, for every kind and any text', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const w = wordNotification(f);
        expect(w.kind).toBe(f.kind);
        expect(readNotification(w.kind, w.title, w.body)).toEqual(f);
      }),
      { numRuns: 2000 },
    );
    // Every kind is generated above.
    const seen = new Set(fc.sample(facts, 3000).map((f) => f.kind));
    expect([...seen].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('writes the English the e-mails and the API have always carried', () => {
    expect(
      wordNotification({
        kind: 'REQUEST_AT_RISK',
        number: 42,
        commitment: 'first_response',
        dueAt: '2026-03-09T17:00:00.000Z',
        subject: 'Badge',
      }),
    ).toEqual({
      kind: 'REQUEST_AT_RISK',
      title: 'REQ-42 at risk',
      body: 'First response due 2026-03-09 17:00 UTC: Badge',
    });
    expect(
      wordNotification({ kind: 'SURVEY_INVITATION', survey: 'Pulse', closesAt: '2026-03-09T17:00:30.000Z' }),
    ).toEqual({
      kind: 'SURVEY_INVITATION',
      title: 'Survey: Pulse',
      body: 'You are invited to answer "Pulse". Open until 2026-03-09 17:00 UTC.',
    });
    expect(
      wordNotification({ kind: 'REQUEST_UPDATED', number: 7, state: 'WAITING_ON_REQUESTER', subject: 's' })
        .title,
    ).toBe('REQ-7: waiting on requester');
  });

  it('words every kind for its reader in English and French, instants as the reader writes them', () => {
    const at = (iso: string) => `<${iso}>`;
    fc.assert(
      fc.property(facts, (f) => {
        const en = notificationForReader(f, 'en', at);
        const fr = notificationForReader(f, 'fr', at);
        expect(en.title.length * fr.title.length).toBeGreaterThan(0);
        expect(fr.title).not.toBe(en.title);
        const when = 'closesAt' in f ? f.closesAt : 'dueAt' in f ? f.dueAt : null;
        if (when) {
          expect(en.body).toContain(at(when));
          expect(fr.body).toContain(at(when));
        }
        // People's own words are carried as they wrote them.
        const own = 'subject' in f ? f.subject : 'reason' in f ? f.reason : 'summary' in f ? f.summary : null;
        if (own) expect(fr.body.endsWith(own)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    const risk = {
      kind: 'REQUEST_AT_RISK',
      number: 42,
      commitment: 'resolution',
      dueAt: '2026-03-09T17:00:00.000Z',
      subject: 'Badge',
    } as const;
    expect(notificationForReader(risk, 'fr', () => 'lundi 9 mars à 18:00')).toEqual({
      title: 'REQ-42 en risque',
      body: 'Résolution attendue le lundi 9 mars à 18:00\u00a0: Badge',
    });
    expect(
      notificationForReader(
        { kind: 'REQUEST_UPDATED', number: 7, state: 'WAITING_ON_REQUESTER', subject: 's' },
        'en',
        at,
      ).title,
    ).toBe('REQ-7: Waiting for you');
  });

  it('keeps a reply to its first 200 characters', () => {
    const long = 'x'.repeat(REPLY_EXCERPT + 50);
    const w = wordNotification({ kind: 'REQUEST_REPLY', number: 3, text: long });
    expect(w.body).toHaveLength(REPLY_EXCERPT);
    expect(readNotification(w.kind, w.title, w.body)).toEqual({
      kind: 'REQUEST_REPLY',
      number: 3,
      text: long.slice(0, REPLY_EXCERPT),
    });
  });

  it('reads nothing from text not in its words, or from a kind it does not word', () => {
    expect(readNotification('REQUEST_AT_RISK', 'REQ-42 at risk', 'due soon')).toBeNull();
    expect(
      readNotification('REQUEST_AT_RISK', 'Something', 'Resolution due 2026-03-09 17:00 UTC: x'),
    ).toBeNull();
    expect(readNotification('SURVEY_INVITATION', 'Survey: x', 'Open until tomorrow.')).toBeNull();
    expect(readNotification('REQUEST_UPDATED', 'REQ-1: In Progress', 's')).toBeNull();
    expect(readNotification('DECISION_REVIEWED', 'Your decision was reviewed', '')).toBeNull();
    expect(readNotification('TRAINING_FEEDBACK', 'Course: how was it?', 'Rate it')).toBeNull();
    expect(readNotification('SOMETHING_NEW', 'REQ-1 at risk', '')).toBeNull();
  });
});
