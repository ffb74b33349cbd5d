import { createServer, type Server } from 'node:net';
import { MailerService } from '../../apps/api/src/platform/mail/mailer.service';
import { codes, createTestApp, type TestApp } from '../setup/test-app';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server (no TLS, no auth): enough to see what the application sends. */
function smtpServer(received: Received[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    socket.write('220 test SMTP ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          received.push(current);
          current = { from: '', to: [], data: '' };
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1'));
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port }),
    ),
  );
}

/** A received message's subject and text, MIME encodings undone (encoded words, quoted-printable, base64). */
function decode(data: string): { subject: string; text: string } {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const raw = data.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const words = (v: string) =>
    v
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : qp(text.replace(/_/g, ' ')),
      );
  const qp = (v: string) =>
    Buffer.from(
      v
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? qp(raw)
      : encoding === 'base64'
        ? Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8')
        : raw;
  return { subject: words(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

describe('e-mail notifications (SMTP configured)', () => {
  let t: TestApp;
  let smtp: { server: Server; port: number };
  const received: Received[] = [];
  let hr: string;
  let teamId: string;

  beforeAll(async () => {
    smtp = await smtpServer(received);
    t = await createTestApp({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Symmetry <hello@test.example>',
    });
    hr = await t.login('hr@meridian.example');
    [{ team_id: teamId }] = await t.db.query(
      `SELECT team_id FROM person WHERE email = 'employee@meridian.example'`,
    );
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => smtp.server.close(r));
  });

  async function openPulse(title: string) {
    const c = await t.gql(
      `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`,
      {
        i: { templateKey: 'pulse', audienceTeamIds: [teamId], title },
      },
      hr,
    );
    const id = c.data!.createSurvey.id;
    const s = await t.gql(
      `mutation($id: ID!, $i: ScheduleSurveyInput!) { scheduleSurvey(id: $id, input: $i) { status } }`,
      {
        id,
        i: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 864e5 * 3).toISOString() },
      },
      hr,
    );
    expect(s.data!.scheduleSurvey.status).toBe('OPEN');
    return id;
  }

  it('sends each invitation once, to each invitee, with a link to the app', async () => {
    await openPulse('Mail pulse');
    const members: { email: string }[] = await t.db.query(
      `SELECT email FROM person WHERE team_id = $1 AND left_on IS NULL ORDER BY email`,
      [teamId],
    );
    const mailer = t.app.get(MailerService);
    expect(await mailer.flush()).toEqual({ sent: members.length, failed: 0 });
    expect(received.map((r) => r.to[0]).sort()).toEqual(members.map((m) => m.email));
    const mine = received.find((r) => r.to[0] === 'employee@meridian.example')!;
    expect(mine.from).toContain('hello@test.example');
    // Worded for its reader (English: the organisation's language, none chosen), dated in the
    // organisation's time zone.
    expect(decode(mine.data).subject).toBe('New survey: Mail pulse');
    expect(decode(mine.data).text).toMatch(
      /^Open until \w+day, .+ at \d\d:\d\d [AP]M GMT\+\d\. Your answers are welcome\./,
    );
    expect(mine.data).toContain('http://symmetry.test/surveys/mine');
    expect(await mailer.flush()).toEqual({ sent: 0, failed: 0 });
  });

  it("writes each copy in its reader's language: the one they last used the app in", async () => {
    const employee = await t.login('employee@meridian.example');
    expect((await t.gql('{ myLocale }', {}, employee)).data!.myLocale).toBeNull();
    const bad = await t.gql('mutation { setMyLocale(locale: "de") }', {}, employee);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad.errors)).toContain('locale');
    expect(codes(await t.gql('mutation { setMyLocale(locale: "fr") }', {}))).toEqual(['UNAUTHENTICATED']);
    const set = await t.gql('mutation { setMyLocale(locale: "fr") }', {}, employee);
    expect(set.data!.setMyLocale).toBe('fr');
    expect((await t.gql('{ myLocale }', {}, employee)).data!.myLocale).toBe('fr');
    // Choosing a language changes no person row: the directory caches stay.
    const [{ version }] = await t.db.query(`SELECT version FROM directory_version`);
    await t.gql('mutation { setMyLocale(locale: "fr") }', {}, employee);
    expect((await t.db.query(`SELECT version FROM directory_version`))[0].version).toBe(version);

    received.length = 0;
    await openPulse('Mail pulse FR');
    expect((await t.app.get(MailerService).flush()).failed).toBe(0);
    const mine = decode(received.find((r) => r.to[0] === 'employee@meridian.example')!.data);
    expect(mine.subject).toBe('Nouveau questionnaire\u00a0: Mail pulse FR');
    expect(mine.text).toMatch(
      /^Ouvert jusqu’au \w+ \d+ \S+ \d{4} à \d\d:\d\d UTC\+\d\. Vos réponses sont les bienvenues\./,
    );
    expect(mine.text).toContain('\n\nhttp://symmetry.test/surveys/mine');
    // Their colleagues, who said nothing, read the organisation's language.
    const other = received.find((r) => r.to[0] !== 'employee@meridian.example')!;
    expect(decode(other.data).subject).toBe('New survey: Mail pulse FR');
    // The bell keeps the stored English, worded by the app in the reader's language.
    const [note] = await t.db.query(
      `SELECT n.title FROM notification n JOIN person p ON p.id = n.person_id
        WHERE p.email = 'employee@meridian.example' AND n.title = 'Survey: Mail pulse FR'`,
    );
    expect(note).toBeDefined();
  });

  it('keeps failed sends for a retry, with the error', async () => {
    await new Promise((r) => smtp.server.close(r));
    await openPulse('Mail pulse 2');
    const mailer = t.app.get(MailerService);
    const r = await mailer.flush(3);
    expect(r).toEqual({ sent: 0, failed: 3 });
    const rows = await t.db.query(
      `SELECT attempts, last_error FROM email_outbox WHERE sent_at IS NULL AND attempts > 0`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0].last_error).toMatch(/ECONNREFUSED|connect/i);
  });
});
