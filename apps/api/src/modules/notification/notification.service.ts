import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config';

export interface NotificationInput {
  organizationId: string;
  personIds: string[];
  kind: string;
  title: string;
  body: string;
  /** Path in the web app, e.g. /surveys/mine. */
  link: string | null;
  /** Same key, same person: written once (re-runs and two instances add nothing). */
  dedupeKey: string;
}

/**
 * In-app notifications, written in the caller's transaction, with an e-mail copy queued in
 * `email_outbox` when SMTP is configured (sent by MailerService's job).
 */
@Injectable()
export class NotificationService {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'smtpUrl' | 'publicUrl'>) {}

  /** Returns how many people were newly notified. */
  async notify(m: EntityManager, n: NotificationInput): Promise<number> {
    if (!n.personIds.length) return 0;
    const rows: { person_id: string }[] = await m.query(
      `INSERT INTO notification (organization_id, person_id, kind, title, body, link, dedupe_key)
       SELECT $1, p, $2, $3, $4, $5, $6 FROM unnest($7::uuid[]) AS p
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [n.organizationId, n.kind, n.title, n.body, n.link, n.dedupeKey, n.personIds],
    );
    if (this.config.smtpUrl && rows.length) {
      const url = n.link ? `${this.config.publicUrl}${n.link}` : null;
      await m.query(
        `INSERT INTO email_outbox (organization_id, to_address, subject, body, person_id, kind, link)
         SELECT $1, p.email, $2, $3, p.id, $5, $6 FROM person p WHERE p.id = ANY($4::uuid[]) AND p.organization_id = $1`,
        [
          n.organizationId,
          n.title,
          `${n.body}${url ? `\n\n${url}` : ''}`,
          rows.map((r) => r.person_id),
          n.kind,
          url,
        ],
      );
    }
    return rows.length;
  }

  /**
   * For callers that compute their notifications in SQL (the desk's at-risk sweep): two common
   * table expressions to append to the caller's WITH. `notified` writes the rows of `source` (a
   * CTE or subquery with organization_id, person_id, kind, title, body, link) and returns them;
   * `mailed` queues their e-mail copies as notify() does (same subject, body and link) when
   * `linkBaseParam` (the placeholder given the value of emailLinkBase()) is not null.
   *
   * No dedupe key and no ON CONFLICT: the caller makes each row once, in the same statement as the
   * record that it was given (the sweep: from the `request_risk_warning` rows it inserted, whose
   * primary key lets one transaction only insert each). A key would cost an entry in
   * uq_notification_dedupe and a speculative insertion per row, a fifth of the sweep's time.
   */
  notificationCtes(source: string, linkBaseParam: string): string {
    return `notified AS (
      INSERT INTO notification (organization_id, person_id, kind, title, body, link)
      SELECT organization_id, person_id, kind, title, body, link FROM ${source}
      RETURNING organization_id, person_id, kind, title, body, link
    ), mailed AS (
      INSERT INTO email_outbox (organization_id, to_address, subject, body, person_id, kind, link)
      SELECT n.organization_id, p.email, n.title, n.body || coalesce(E'\\n\\n' || ${linkBaseParam}::text || n.link, ''),
             n.person_id, n.kind, ${linkBaseParam}::text || n.link
        FROM notified n JOIN person p ON p.id = n.person_id AND p.organization_id = n.organization_id
       WHERE ${linkBaseParam}::text IS NOT NULL
    )`;
  }

  /** The parameter for notificationCtes: the web app's address when e-mail copies are sent, else null. */
  emailLinkBase(): string | null {
    return this.config.smtpUrl ? this.config.publicUrl : null;
  }
}
