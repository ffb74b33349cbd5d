import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import {
  NOTIFICATION_LOCALES,
  notificationForReader,
  readNotification,
  type NotificationLocale,
} from '@symmetry/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';

export const MAIL_SEND = 'mail.send';
const MAX_ATTEMPTS = 5;

/** A message of email_outbox as the mailer claims it, with its reader's language and time zone. */
export interface OutboxMessage {
  subject: string;
  body: string;
  kind: string | null;
  link: string | null;
  locale: string | null;
  time_zone: string;
}

/**
 * The subject and text of a queued e-mail copy, in its reader's language (the one they last used
 * the app in, else the organisation's), instants in the organisation's time zone. The outbox holds
 * the notification's stored English (and its link after a blank line): a kind or a text the words
 * module does not know is sent as it is.
 */
export function composeEmail(r: OutboxMessage): { subject: string; text: string } {
  const locale = NOTIFICATION_LOCALES.find((l) => l === r.locale);
  const suffix = r.link ? `\n\n${r.link}` : '';
  if (!r.kind || !locale || !r.body.endsWith(suffix)) return { subject: r.subject, text: r.body };
  const facts = readNotification(r.kind, r.subject, r.body.slice(0, r.body.length - suffix.length));
  if (!facts) return { subject: r.subject, text: r.body };
  const words = notificationForReader(facts, locale, instantWriter(locale, r.time_zone));
  return { subject: words.title, text: `${words.body}${suffix}` };
}

function instantWriter(locale: NotificationLocale, timeZone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
  return (iso) => format.format(new Date(iso));
}

/**
 * E-mail through SMTP when SMTP_URL is set. Messages are written to `email_outbox` in the
 * transaction that decides them (with the in-app notification), then sent by the `mail.send`
 * job every minute; rows are claimed with SKIP LOCKED, so several instances never send one twice.
 * Failed sends are retried up to 5 times, the error kept.
 */
@Injectable()
export class MailerService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transporter: Transporter | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly jobs: JobsService,
  ) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== null;
  }

  onModuleInit(): void {
    if (this.enabled) this.jobs.define({ name: MAIL_SEND, cron: '* * * * *', handler: () => this.flush() });
  }

  private transport(): Transporter {
    this.transporter ??= nodemailer.createTransport(this.config.smtpUrl!);
    return this.transporter;
  }

  /** Sends pending e-mails (up to `limit`); returns how many were sent and how many failed. */
  async flush(limit = 200): Promise<{ sent: number; failed: number }> {
    if (!this.enabled) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    await this.db.transaction(async (m) => {
      const rows: (OutboxMessage & { id: string; to_address: string })[] = await m.query(
        `SELECT e.id, e.to_address, e.subject, e.body, e.kind, e.link,
                coalesce(s.locale, o.default_locale) AS locale, o.time_zone
           FROM email_outbox e
           JOIN organization o ON o.id = e.organization_id
           LEFT JOIN person_setting s ON s.person_id = e.person_id
          WHERE e.sent_at IS NULL AND e.attempts < $2
          ORDER BY e.created_at LIMIT $1 FOR UPDATE OF e SKIP LOCKED`,
        [limit, MAX_ATTEMPTS],
      );
      for (const r of rows) {
        try {
          const { subject, text } = composeEmail(r);
          await this.transport().sendMail({ from: this.config.mailFrom, to: r.to_address, subject, text });
          await m.query(`UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [
            r.id,
          ]);
          sent++;
        } catch (e) {
          failed++;
          const message = e instanceof Error ? e.message : String(e);
          this.logger.warn(`sending to ${r.to_address} failed: ${message}`);
          await m.query(`UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            r.id,
            message.slice(0, 500),
          ]);
        }
      }
    });
    return { sent, failed };
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
