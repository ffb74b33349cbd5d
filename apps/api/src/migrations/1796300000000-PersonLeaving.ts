import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leaving date of a person (`left_on`): from that day on the person is former staff (cannot
 * sign in, is no longer listed in the directory by default, is no longer invited to surveys). Null
 * while employed. Employee retention in the mirror is computed from it.
 *
 * The directory index gains `left_on` as an included column, so that listing current staff (the
 * default) stays an index-only scan; a partial index serves period queries on leavers.
 */
export class PersonLeaving1796300000000 implements MigrationInterface {
  name = 'PersonLeaving1796300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "person" ADD "left_on" date`);
    await q.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_left_on" CHECK ("left_on" IS NULL OR "left_on" >= "hire_date")`,
    );
    await q.query(
      `CREATE INDEX "idx_person_left_on" ON "person" ("organization_id", "left_on") WHERE "left_on" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "idx_person_directory" ON "person" ("organization_id", "last_name", "first_name", "id") INCLUDE ("left_on")`,
    );
    await q.query(`DROP INDEX "IDX_a475b4d8a43a8febc035879de0"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_a475b4d8a43a8febc035879de0" ON "person" ("organization_id", "last_name", "first_name", "id")`,
    );
    await q.query(`DROP INDEX "idx_person_directory"`);
    await q.query(`DROP INDEX "idx_person_left_on"`);
    await q.query(`ALTER TABLE "person" DROP CONSTRAINT "ck_person_left_on"`);
    await q.query(`ALTER TABLE "person" DROP COLUMN "left_on"`);
  }
}
