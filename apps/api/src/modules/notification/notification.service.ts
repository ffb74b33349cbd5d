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
      const link = n.link ? `\n\n${this.config.publicUrl}${n.link}` : '';
      await m.query(
        `INSERT INTO email_outbox (organization_id, to_address, subject, body)
         SELECT $1, p.email, $2, $3 FROM person p WHERE p.id = ANY($4::uuid[]) AND p.organization_id = $1`,
        [n.organizationId, n.title, `${n.body}${link}`, rows.map((r) => r.person_id)],
      );
    }
    return rows.length;
  }

  /** Many notifications in one statement (a sweep's batch); returns how many people were newly notified. */
  async notifyMany(
    m: EntityManager,
    organizationId: string,
    items: Omit<NotificationInput, 'organizationId'>[],
  ): Promise<number> {
    const rows = items.flatMap((n) => n.personIds.map((p) => ({ ...n, person: p })));
    if (!rows.length) return 0;
    const inserted: { person_id: string; title: string; body: string; link: string | null }[] = await m.query(
      `INSERT INTO notification (organization_id, person_id, kind, title, body, link, dedupe_key)
       SELECT $1, p, k, t, b, l, d FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(p, k, t, b, l, d)
       ON CONFLICT DO NOTHING RETURNING person_id, title, body, link`,
      [
        organizationId,
        rows.map((r) => r.person),
        rows.map((r) => r.kind),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => r.link),
        rows.map((r) => r.dedupeKey),
      ],
    );
    if (this.config.smtpUrl && inserted.length) {
      await m.query(
        `INSERT INTO email_outbox (organization_id, to_address, subject, body)
         SELECT $1, p.email, x.t, x.b FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(person, t, b)
           JOIN person p ON p.id = x.person AND p.organization_id = $1`,
        [
          organizationId,
          inserted.map((r) => r.person_id),
          inserted.map((r) => r.title),
          inserted.map((r) => `${r.body}${r.link ? `\n\n${this.config.publicUrl}${r.link}` : ''}`),
        ],
      );
    }
    return inserted.length;
  }
}
