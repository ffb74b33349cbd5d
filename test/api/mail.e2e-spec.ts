import { createServer, type Server } from 'node:net';
import { MailerService } from '../../apps/api/src/platform/mail/mailer.service';
import { createTestApp, type TestApp } from '../setup/test-app';

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
    expect(mine.data).toMatch(/Subject: Survey: Mail pulse/);
    expect(mine.data).toContain('http://symmetry.test/surveys/mine');
    expect(await mailer.flush()).toEqual({ sent: 0, failed: 0 });
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
