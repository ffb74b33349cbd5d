import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version number per organisation that changes whenever a person, team or position of it
 * changes (insert, update, delete, by any code path). The people directory caches its pages per
 * instance and checks this number with one primary-key lookup per request: two instances on one
 * database see the same number, so a page is never served after a change has committed.
 *
 * The trigger is a deferred constraint trigger: it runs when the transaction commits, once per
 * transaction and organisation (a transaction-local setting remembers it), so the version row is
 * locked only while the writing transaction commits. A statement-level trigger would hold that
 * lock from the first write to the commit, making every writer of the organisation wait for a long
 * import, and could deadlock two writers that touch the same people in different orders.
 */
export class DirectoryVersion1796250000000 implements MigrationInterface {
  name = 'DirectoryVersion1796250000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "directory_version" (
        "organization_id" uuid PRIMARY KEY REFERENCES "organization" ("id") ON DELETE CASCADE,
        "version" bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        org uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.organization_id ELSE NEW.organization_id END;
        flag text := 'symmetry.directory_' || replace(org::text, '-', '');
      BEGIN
        IF current_setting(flag, true) IS DISTINCT FROM 'bumped' THEN
          PERFORM set_config(flag, 'bumped', true);
          -- (an organisation deleted with its people has no version to keep)
          INSERT INTO directory_version (organization_id, version)
          SELECT org, 1 WHERE EXISTS (SELECT 1 FROM organization WHERE id = org)
          ON CONFLICT (organization_id) DO UPDATE SET version = directory_version.version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['person', 'team', 'position']) {
      await q.query(
        `CREATE CONSTRAINT TRIGGER "${table}_directory_changed" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['person', 'team', 'position']) {
      await q.query(`DROP TRIGGER "${table}_directory_changed" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION directory_changed()`);
    await q.query(`DROP TABLE "directory_version"`);
  }
}
