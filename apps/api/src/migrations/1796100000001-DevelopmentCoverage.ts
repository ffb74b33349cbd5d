import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skills coverage per team and skill (required (person, skill) pairs and those met), rebuilt for
 * an organisation when a read finds it older than ten minutes or invalidated by a change of
 * assessments, requirements or roles: the organisation's skills heatmap reads a few thousand rows
 * instead of joining everyone's levels.
 */
export class DevelopmentCoverage1796100000001 implements MigrationInterface {
  name = 'DevelopmentCoverage1796100000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "skill_coverage" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "team_id" uuid NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "skill"("id") ON DELETE CASCADE,
      "required" integer NOT NULL,
      "met" integer NOT NULL,
      PRIMARY KEY ("organization_id", "team_id", "skill_id")
    )`);
    await q.query(`CREATE TABLE "skill_coverage_state" (
      "organization_id" uuid NOT NULL PRIMARY KEY REFERENCES "organization"("id") ON DELETE CASCADE,
      "computed_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "skill_coverage_state"`);
    await q.query(`DROP TABLE "skill_coverage"`);
  }
}
