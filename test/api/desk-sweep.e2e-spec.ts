import { readNotification, utcMinute } from '@symmetry/domain';
import { DeskService } from '../../apps/api/src/modules/desk/desk.service';
import { createTestApp, type TestApp } from '../setup/test-app';

// The at-risk sweep, set-based (one statement per batch): for a set of requests in every situation,
// its AT_RISK events, notifications and e-mail copies are exactly those the former per-row code
// wrote (computed here the same way, from the rows), each warning once, whatever the batch size.

interface Req {
  id: string;
  organization_id: string;
  number: string;
  subject: string;
  state: string;
  requester_id: string;
  assignee_id: string | null;
  manager_id: string | null;
  first_responded_at: Date | null;
  first_response_risk_notified: boolean;
  resolution_risk_notified: boolean;
  first_response_risk_at: Date;
  resolution_risk_at: Date;
  first_response_due_at: Date;
  resolution_due_at: Date;
}

const ACTIVE = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS'];

/** What the former code warned, per request and kind: the event, then one notification per person. */
function expected(rows: Req[], now: Date, publicUrl: string, emails: Map<string, string>) {
  const events: string[] = [];
  const notes: string[] = [];
  const mails: string[] = [];
  for (const kind of ['first_response', 'resolution'] as const) {
    for (const r of rows) {
      const due =
        kind === 'first_response'
          ? !r.first_responded_at &&
            !r.first_response_risk_notified &&
            r.first_response_risk_at <= now &&
            ACTIVE.includes(r.state)
          : !r.resolution_risk_notified && r.resolution_risk_at <= now && ACTIVE.includes(r.state);
      if (!due) continue;
      const dueAt = kind === 'first_response' ? r.first_response_due_at : r.resolution_due_at;
      events.push(`${r.id}|${kind}|${dueAt.toISOString()}`);
      const people = [...new Set([r.assignee_id, r.manager_id, r.requester_id].filter(Boolean))] as string[];
      const title = `REQ-${r.number} at risk`;
      const body = `${kind === 'first_response' ? 'First response' : 'Resolution'} due ${dueAt
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ')} UTC: ${r.subject}`;
      const link = `/requests/${r.id}`;
      for (const p of people) {
        notes.push([r.organization_id, p, 'REQUEST_AT_RISK', title, body, link].join('|'));
        mails.push([r.organization_id, emails.get(p), title, `${body}\n\n${publicUrl}${link}`].join('|'));
      }
    }
  }
  return { events: events.sort(), notes: notes.sort(), mails: mails.sort() };
}

describe('desk at-risk sweep (set-based)', () => {
  let t: TestApp;
  let rows: Req[];
  let emails: Map<string, string>;
  const now = new Date();

  beforeAll(async () => {
    // SMTP configured: e-mail copies are queued in email_outbox (no job sends them: jobs are off).
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:2525' });
    // Nothing else due: every request counts as warned, then a chosen set is made due again.
    await t.db.query(
      `INSERT INTO request_risk_warning (request_id, kind, organization_id)
       SELECT r.id, k.kind, r.organization_id FROM service_request r, (VALUES ('first_response'), ('resolution')) AS k(kind)
       ON CONFLICT DO NOTHING`,
    );
    /** Makes request `id`'s warnings of these kinds not given yet. */
    const unwarn = (id: string, ...kinds: string[]) =>
      t.db.query(`DELETE FROM request_risk_warning WHERE request_id = $1 AND kind = ANY($2::text[])`, [
        id,
        kinds,
      ]);
    const picked: { id: string }[] = await t.db.query(
      `SELECT r.id FROM service_request r WHERE r.state NOT IN ('RESOLVED', 'CLOSED') ORDER BY r.number LIMIT 12`,
    );
    expect(picked.length).toBe(12);
    const ids = picked.map((r) => r.id);
    const at = (i: number) => ids[i];
    const past = `now() - interval '5 minutes'`;
    const later = `now() + interval '5 days'`;
    // 0: both kinds due, assigned to an agent of the service.
    await t.db.query(
      `UPDATE service_request r SET state = 'NEW', first_responded_at = NULL,
         first_response_risk_at = ${past}, resolution_risk_at = ${past},
         assignee_id = (SELECT p.id FROM person p JOIN support_service s ON s.owner_team_id = p.team_id
                         WHERE s.id = r.support_service_id ORDER BY p.email LIMIT 1)
        WHERE id = $1`,
      [at(0)],
    );
    await unwarn(at(0), 'first_response', 'resolution');
    // 1: resolution only (answered already), unassigned.
    await t.db.query(
      `UPDATE service_request SET state = 'IN_PROGRESS', first_responded_at = now() - interval '1 day', assignee_id = NULL,
         resolution_risk_at = ${past} WHERE id = $1`,
      [at(1)],
    );
    await unwarn(at(1), 'resolution');
    // 2: first response only (resolution not yet at risk); the assignee is the requester.
    await t.db.query(
      `UPDATE service_request SET state = 'ACKNOWLEDGED', first_responded_at = NULL, assignee_id = requester_id,
         first_response_risk_at = ${past}, resolution_risk_at = ${later} WHERE id = $1`,
      [at(2)],
    );
    await unwarn(at(2), 'first_response', 'resolution');
    // 3: the requester is the service's manager; both due.
    await t.db.query(
      `UPDATE service_request r SET state = 'NEW', first_responded_at = NULL,
         requester_id = (SELECT t.manager_id FROM support_service s JOIN team t ON t.id = s.owner_team_id WHERE s.id = r.support_service_id),
         first_response_risk_at = ${past}, resolution_risk_at = ${past} WHERE id = $1`,
      [at(3)],
    );
    await unwarn(at(3), 'first_response', 'resolution');
    // 4: waiting on the requester: paused, not warned.
    await t.db.query(
      `UPDATE service_request SET state = 'WAITING_ON_REQUESTER', first_responded_at = NULL,
         first_response_risk_at = ${past}, resolution_risk_at = ${past} WHERE id = $1`,
      [at(4)],
    );
    await unwarn(at(4), 'first_response', 'resolution');
    // 5: first response warned already, resolution not yet due: nothing.
    await t.db.query(
      `UPDATE service_request SET state = 'NEW', first_responded_at = NULL,
         first_response_risk_at = ${past}, resolution_risk_at = ${later} WHERE id = $1`,
      [at(5)],
    );
    await unwarn(at(5), 'resolution');
    // 6..11: resolution due, in the three active states, some assigned.
    for (let i = 6; i < 12; i++) {
      await t.db.query(
        `UPDATE service_request SET state = $2, resolution_risk_at = now() - make_interval(mins => $3) WHERE id = $1`,
        [at(i), ACTIVE[i % 3], i],
      );
      await unwarn(at(i), 'resolution');
    }
    const found: Req[] = await t.db.query(
      `SELECT r.id, r.organization_id, r.number, r.subject, r.state, r.requester_id, r.assignee_id, t.manager_id,
              r.first_responded_at,
              EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = 'first_response') AS first_response_risk_notified,
              EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = 'resolution') AS resolution_risk_notified,
              r.first_response_risk_at,
              r.resolution_risk_at, r.first_response_due_at, r.resolution_due_at
         FROM service_request r JOIN support_service s ON s.id = r.support_service_id JOIN team t ON t.id = s.owner_team_id
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    rows = ids.map((id) => found.find((r) => r.id === id)!);
    const people: { id: string; email: string }[] = await t.db.query(`SELECT id, email FROM person`);
    emails = new Map(people.map((p) => [p.id, p.email]));
  });
  afterAll(() => t.close());

  const stored = async () => {
    const events: { request_id: string; data: { commitment: string; dueAt: string }; internal: boolean }[] =
      await t.db.query(`SELECT request_id, data, internal FROM request_event WHERE kind = 'AT_RISK'`);
    const notes: string[] = (
      await t.db.query(
        `SELECT organization_id, person_id, kind, title, body, link, dedupe_key FROM notification WHERE kind = 'REQUEST_AT_RISK'`,
      )
    ).map((n: Record<string, string>) => {
      // Once by the warning's primary key, not by a dedupe key (see NotificationService.notificationCtes).
      expect(n.dedupe_key).toBeNull();
      return [n.organization_id, n.person_id, n.kind, n.title, n.body, n.link].join('|');
    });
    const mails: string[] = (
      await t.db.query(
        `SELECT organization_id, to_address, subject, body FROM email_outbox WHERE subject LIKE '% at risk'`,
      )
    ).map((m: Record<string, string>) => [m.organization_id, m.to_address, m.subject, m.body].join('|'));
    expect(events.every((e) => e.internal === false)).toBe(true);
    return {
      events: events
        .map((e) => `${e.request_id}|${e.data.commitment}|${new Date(e.data.dueAt).toISOString()}`)
        .sort(),
      notes: notes.sort(),
      mails: mails.sort(),
    };
  };

  it('writes the same events, notifications and e-mails as the per-row code, once, in batches of any size', async () => {
    const want = expected(rows, now, t.config.publicUrl, emails);
    // The chosen set covers: both kinds, one kind, a requester who is the assignee or the manager, paused.
    expect(want.events.length).toBe(12);
    expect(new Set(want.events.map((e) => e.split('|')[0])).size).toBe(10);
    const manager = rows[3].manager_id;
    expect(rows[3].requester_id).toBe(manager);
    expect(want.notes.filter((n) => n.endsWith(`|/requests/${rows[3].id}`)).length).toBe(
      rows[3].assignee_id && rows[3].assignee_id !== manager ? 4 : 2,
    );

    // Batches of 2 requests: five full statements, then an empty one.
    const desk = t.app.get(DeskService);
    const first = await desk.sweep(now, 2);
    expect(first.warned).toBe(want.events.length);
    const got = await stored();
    expect(got.events).toEqual(want.events);
    expect(got.notes).toEqual(want.notes);
    expect(got.mails).toEqual(want.mails);
    // The web app words them in the reader's language from the facts it reads back (the SQL writes
    // the words of @symmetry/domain's wordNotification).
    const written: { title: string; body: string; link: string }[] = await t.db.query(
      `SELECT title, body, link FROM notification WHERE kind = 'REQUEST_AT_RISK'`,
    );
    for (const n of written) {
      const r = rows.find((x) => n.link === `/requests/${x.id}`)!;
      const f = readNotification('REQUEST_AT_RISK', n.title, n.body);
      expect(f).toMatchObject({ kind: 'REQUEST_AT_RISK', number: Number(r.number), subject: r.subject });
      if (f?.kind !== 'REQUEST_AT_RISK') throw new Error('not read');
      const due = f.commitment === 'first_response' ? r.first_response_due_at : r.resolution_due_at;
      expect(utcMinute(f.dueAt)).toBe(utcMinute(due));
    }

    // Each warned once: nothing is due any more.
    expect((await desk.sweep(now)).warned).toBe(0);
    expect(await stored()).toEqual(got);
    const unwarned = await t.db.query(
      `SELECT count(DISTINCT r.id)::int AS n FROM service_request r, (VALUES ('first_response'), ('resolution')) AS k(kind)
        WHERE NOT EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = k.kind)`,
    );
    // Left unwarned: the paused request (both kinds), request 2's and 5's resolution (not yet due).
    expect(unwarned[0].n).toBe(3);
  });

  it('a warning is given whole or not at all: a notification that cannot be written leaves it to the next sweep', async () => {
    const [r] = await t.db.query(
      `SELECT r.id, r.organization_id, r.requester_id, r.assignee_id FROM service_request r
        WHERE r.state IN ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS') AND r.assignee_id IS NOT NULL AND r.assignee_id <> r.requester_id
        ORDER BY r.number DESC LIMIT 1`,
    );
    await t.db.query(
      `UPDATE service_request SET resolution_risk_at = now() - interval '1 minute' WHERE id = $1`,
      [r.id],
    );
    await t.db.query(`DELETE FROM request_risk_warning WHERE request_id = $1 AND kind = 'resolution'`, [
      r.id,
    ]);
    const counts = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM request_risk_warning WHERE request_id = $1 AND kind = 'resolution') AS warnings,
                  (SELECT count(*)::int FROM request_event WHERE request_id = $1 AND kind = 'AT_RISK') AS events,
                  (SELECT count(*)::int FROM notification WHERE kind = 'REQUEST_AT_RISK' AND link = '/requests/' || $1) AS notes,
                  (SELECT count(*)::int FROM email_outbox WHERE subject LIKE '% at risk' AND body LIKE '%/requests/' || $1) AS mails`,
          [r.id],
        )
      )[0];
    const before = await counts();
    // The requester's notification fails (as a vanished person or a full disk would).
    await t.db.query(`CREATE FUNCTION refuse_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.person_id = '${r.requester_id}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await t.db.query(
      `CREATE TRIGGER refuse_note BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION refuse_note()`,
    );
    try {
      await expect(t.app.get(DeskService).sweep()).rejects.toThrow('refused');
    } finally {
      await t.db.query(`DROP TRIGGER refuse_note ON notification`);
      await t.db.query(`DROP FUNCTION refuse_note()`);
    }
    // Nothing of it was written: not the warning, its event, any notification or e-mail.
    expect(await counts()).toEqual(before);
    expect((await t.app.get(DeskService).sweep()).warned).toBe(1);
    const after = await counts();
    const people = new Set(
      [
        r.assignee_id,
        r.requester_id,
        (
          await t.db.query(
            `SELECT t.manager_id FROM service_request x JOIN support_service s ON s.id = x.support_service_id
         JOIN team t ON t.id = s.owner_team_id WHERE x.id = $1`,
            [r.id],
          )
        )[0].manager_id,
      ].filter(Boolean),
    );
    expect(after).toEqual({
      warnings: 1,
      events: before.events + 1,
      notes: before.notes + people.size,
      mails: before.mails + people.size,
    });
    // And only once.
    expect((await t.app.get(DeskService).sweep()).warned).toBe(0);
    expect(await counts()).toEqual(after);
  });
});
