import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { JobsService } from '../jobs/jobs.service';

export const MAIL_SEND = 'mail.send';
const MAX_ATTEMPTS = 5;

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
      const rows: { id: string; to_address: string; subject: string; body: string }[] = await m.query(
        `SELECT id, to_address, subject, body FROM email_outbox
          WHERE sent_at IS NULL AND attempts < $2 ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit, MAX_ATTEMPTS],
      );
      for (const r of rows) {
        try {
          await this.transport().sendMail({
            from: this.config.mailFrom,
            to: r.to_address,
            subject: r.subject,
            text: r.body,
          });
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
