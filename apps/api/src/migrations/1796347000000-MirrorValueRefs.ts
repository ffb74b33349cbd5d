import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * metric_value's references to its team and metric, checked once per statement instead of once
 * per row. A foreign key runs one lookup (and one row lock) per inserted row: for a 100,000-row
 * customer import that was 200,000 lookups, about three quarters of the import's time. The two
 * composite foreign keys are replaced by triggers that keep their meaning:
 *
 * - after each INSERT or UPDATE statement on metric_value, the distinct (organisation, team) and
 *   (organisation, metric) pairs of the new rows must exist; their team and metric_definition
 *   rows are locked FOR KEY SHARE, as a foreign key check locks them (a concurrent delete of the
 *   team waits for the importing transaction); otherwise the statement fails with SQLSTATE 23503
 *   (foreign_key_violation) and the constraint names of the former keys;
 * - deleting teams or metric definitions deletes their values (the former ON DELETE CASCADE), also
 *   when an organisation's deletion cascades to them;
 * - changing a referenced team's or metric's id or organisation is refused (the former NO ACTION).
 */
export class MirrorValueRefs1796347000000 implements MigrationInterface {
  name = 'MirrorValueRefs1796347000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "fk_metric_value_team"`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "fk_metric_value_metric"`);
    await q.query(`
      CREATE FUNCTION metric_value_refs_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (
          WITH refs AS (SELECT DISTINCT organization_id, team_id FROM new_rows),
               found AS (SELECT t.id FROM team t JOIN refs r ON t.organization_id = r.organization_id AND t.id = r.team_id
                           FOR KEY SHARE OF t)
          SELECT 1 WHERE (SELECT count(*) FROM refs) <> (SELECT count(*) FROM found)) THEN
          RAISE EXCEPTION 'insert or update on table "metric_value" violates foreign key constraint "fk_metric_value_team"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_metric_value_team', TABLE = 'metric_value',
                  DETAIL = 'A team of the rows is not a team of their organisation.';
        END IF;
        IF EXISTS (
          WITH refs AS (SELECT DISTINCT organization_id, metric_id FROM new_rows),
               found AS (SELECT d.id FROM metric_definition d JOIN refs r ON d.organization_id = r.organization_id AND d.id = r.metric_id
                           FOR KEY SHARE OF d)
          SELECT 1 WHERE (SELECT count(*) FROM refs) <> (SELECT count(*) FROM found)) THEN
          RAISE EXCEPTION 'insert or update on table "metric_value" violates foreign key constraint "fk_metric_value_metric"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_metric_value_metric', TABLE = 'metric_value',
                  DETAIL = 'A metric of the rows is not a metric of their organisation.';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "metric_value_refs_insert" AFTER INSERT ON "metric_value"
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_value_refs_exist()`,
    );
    await q.query(
      `CREATE TRIGGER "metric_value_refs_update" AFTER UPDATE ON "metric_value"
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_value_refs_exist()`,
    );
    // ON DELETE CASCADE, per statement.
    await q.query(`
      CREATE FUNCTION metric_value_team_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM metric_value v USING old_rows o WHERE v.organization_id = o.organization_id AND v.team_id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION metric_value_metric_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM metric_value v USING old_rows o WHERE v.organization_id = o.organization_id AND v.metric_id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "metric_value_team_deleted" AFTER DELETE ON "team"
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_value_team_deleted()`,
    );
    await q.query(
      `CREATE TRIGGER "metric_value_metric_deleted" AFTER DELETE ON "metric_definition"
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_value_metric_deleted()`,
    );
    // ON UPDATE NO ACTION: a referenced key does not change.
    await q.query(`
      CREATE FUNCTION metric_value_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM metric_value v WHERE v.organization_id = OLD.organization_id
                      AND (CASE TG_TABLE_NAME WHEN 'team' THEN v.team_id ELSE v.metric_id END) = OLD.id) THEN
          RAISE EXCEPTION 'update on table "%" violates a foreign key of table "metric_value"', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation',
                  CONSTRAINT = CASE TG_TABLE_NAME WHEN 'team' THEN 'fk_metric_value_team' ELSE 'fk_metric_value_metric' END;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['team', 'metric_definition'])
      await q.query(
        `CREATE TRIGGER "metric_value_${table}_key_kept" AFTER UPDATE OF "id", "organization_id" ON "${table}"
         FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
         EXECUTE FUNCTION metric_value_key_kept()`,
      );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['team', 'metric_definition'])
      await q.query(`DROP TRIGGER "metric_value_${table}_key_kept" ON "${table}"`);
    await q.query(`DROP TRIGGER "metric_value_metric_deleted" ON "metric_definition"`);
    await q.query(`DROP TRIGGER "metric_value_team_deleted" ON "team"`);
    await q.query(`DROP TRIGGER "metric_value_refs_update" ON "metric_value"`);
    await q.query(`DROP TRIGGER "metric_value_refs_insert" ON "metric_value"`);
    await q.query(`DROP FUNCTION metric_value_key_kept()`);
    await q.query(`DROP FUNCTION metric_value_metric_deleted()`);
    await q.query(`DROP FUNCTION metric_value_team_deleted()`);
    await q.query(`DROP FUNCTION metric_value_refs_exist()`);
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "fk_metric_value_team" FOREIGN KEY ("organization_id", "team_id") REFERENCES "team" ("organization_id", "id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "fk_metric_value_metric" FOREIGN KEY ("organization_id", "metric_id") REFERENCES "metric_definition" ("organization_id", "id") ON DELETE CASCADE`,
    );
  }
}
