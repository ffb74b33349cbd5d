import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * incentive_run_participant's reference to its run, checked once per statement instead of once per
 * row (the same move as MirrorValueRefs for metric_value). A payout run writes all its participant
 * rows (100,000 in the payout bench) with one COPY into a run created just before; the foreign key
 * ran one lookup and one row lock per row, about a fifth of PostgreSQL's time for the write. The
 * triggers keep the key's meaning:
 *
 * - after each INSERT or UPDATE statement on incentive_run_participant, the distinct runs of the
 *   new rows must exist; they are locked FOR KEY SHARE, as a foreign key check locks them; otherwise
 *   the statement fails with SQLSTATE 23503 (foreign_key_violation);
 * - deleting runs deletes their participants (the former ON DELETE CASCADE);
 * - changing the id of a run that has participants is refused (the former NO ACTION).
 */
export class RunParticipantRef1796450000000 implements MigrationInterface {
  name = 'RunParticipantRef1796450000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE c text;
      BEGIN
        SELECT conname INTO STRICT c FROM pg_constraint
         WHERE conrelid = 'incentive_run_participant'::regclass AND contype = 'f';
        EXECUTE format('ALTER TABLE incentive_run_participant DROP CONSTRAINT %I', c);
      END $$`);
    await q.query(`
      CREATE FUNCTION incentive_run_participant_run_exists() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (
          WITH refs AS (SELECT DISTINCT run_id FROM new_rows),
               found AS (SELECT r.id FROM incentive_run r JOIN refs ON r.id = refs.run_id FOR KEY SHARE OF r)
          SELECT 1 WHERE (SELECT count(*) FROM refs) <> (SELECT count(*) FROM found)) THEN
          RAISE EXCEPTION 'insert or update on table "incentive_run_participant" violates foreign key constraint "fk_incentive_run_participant_run"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_incentive_run_participant_run',
                  TABLE = 'incentive_run_participant', DETAIL = 'A run of the rows does not exist.';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "incentive_run_participant_run_insert" AFTER INSERT ON "incentive_run_participant"
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incentive_run_participant_run_exists()`,
    );
    await q.query(
      `CREATE TRIGGER "incentive_run_participant_run_update" AFTER UPDATE ON "incentive_run_participant"
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incentive_run_participant_run_exists()`,
    );
    await q.query(`
      CREATE FUNCTION incentive_run_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM incentive_run_participant p USING old_rows o WHERE p.run_id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "incentive_run_deleted" AFTER DELETE ON "incentive_run"
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incentive_run_deleted()`,
    );
    await q.query(`
      CREATE FUNCTION incentive_run_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM incentive_run_participant p WHERE p.run_id = OLD.id) THEN
          RAISE EXCEPTION 'update on table "incentive_run" violates foreign key constraint "fk_incentive_run_participant_run"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_incentive_run_participant_run';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "incentive_run_key_kept" AFTER UPDATE OF "id" ON "incentive_run"
       FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION incentive_run_key_kept()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "incentive_run_key_kept" ON "incentive_run"`);
    await q.query(`DROP TRIGGER "incentive_run_deleted" ON "incentive_run"`);
    await q.query(`DROP TRIGGER "incentive_run_participant_run_update" ON "incentive_run_participant"`);
    await q.query(`DROP TRIGGER "incentive_run_participant_run_insert" ON "incentive_run_participant"`);
    await q.query(`DROP FUNCTION incentive_run_key_kept()`);
    await q.query(`DROP FUNCTION incentive_run_deleted()`);
    await q.query(`DROP FUNCTION incentive_run_participant_run_exists()`);
    await q.query(
      `ALTER TABLE "incentive_run_participant" ADD CONSTRAINT "fk_incentive_run_participant_run"
       FOREIGN KEY ("run_id") REFERENCES "incentive_run"("id") ON DELETE CASCADE`,
    );
  }
}
