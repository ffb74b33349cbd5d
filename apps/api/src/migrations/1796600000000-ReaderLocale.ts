import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail copies in their reader's language.
 *
 * - `person_setting`: the language a person last used the app in (the web app sends it). A table
 *   of its own, not a column of `person`: a person row's change bumps the directory version and
 *   empties the people caches, a language choice must not.
 * - `email_outbox` keeps what the mailer needs to word a copy again at sending time: the
 *   recipient, the notification's kind and the link (the English subject and body stay, for kinds
 *   the words module does not know).
 */
export class ReaderLocale1796600000000 implements MigrationInterface {
  name = 'ReaderLocale1796600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "person_setting" (
      "person_id" uuid PRIMARY KEY REFERENCES "person"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "locale" varchar(5) NOT NULL CHECK ("locale" IN ('en', 'fr')),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`ALTER TABLE "email_outbox"
      ADD COLUMN "person_id" uuid,
      ADD COLUMN "kind" varchar(40),
      ADD COLUMN "link" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "email_outbox" DROP COLUMN "person_id", DROP COLUMN "kind", DROP COLUMN "link"`,
    );
    await q.query(`DROP TABLE "person_setting"`);
  }
}
