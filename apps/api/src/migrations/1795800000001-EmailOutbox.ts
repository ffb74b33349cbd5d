import type { MigrationInterface, QueryRunner } from 'typeorm';

/** E-mail copies of notifications, sent by the `mail.send` job when SMTP_URL is set. */
export class EmailOutbox1795800000001 implements MigrationInterface {
  name = 'EmailOutbox1795800000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "email_outbox" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "to_address" varchar(254) NOT NULL,
      "subject" varchar(300) NOT NULL,
      "body" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text
    )`);
    await q.query(
      `CREATE INDEX "idx_email_outbox_pending" ON "email_outbox" ("created_at") WHERE "sent_at" IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "email_outbox"`);
  }
}
