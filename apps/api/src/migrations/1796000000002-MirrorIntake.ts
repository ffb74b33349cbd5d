import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Faster intake of customer figures: the natural key is the primary key (no surrogate id), and
 * two composite foreign keys (team and metric of the same organisation) replace three single ones;
 * they also forbid a value whose team or metric belongs to another organisation.
 */
export class MirrorIntake1796000000002 implements MigrationInterface {
  name = 'MirrorIntake1796000000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "team" ADD CONSTRAINT "uq_team_organization_id" UNIQUE ("organization_id", "id")`,
    );
    await q.query(
      `ALTER TABLE "metric_definition" ADD CONSTRAINT "uq_metric_definition_organization_id" UNIQUE ("organization_id", "id")`,
    );
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "metric_value_organization_id_fkey"`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "metric_value_team_id_fkey"`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "metric_value_metric_id_fkey"`);
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "fk_metric_value_team" FOREIGN KEY ("organization_id", "team_id") REFERENCES "team" ("organization_id", "id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "fk_metric_value_metric" FOREIGN KEY ("organization_id", "metric_id") REFERENCES "metric_definition" ("organization_id", "id") ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "metric_value_pkey"`);
    await q.query(`ALTER TABLE "metric_value" DROP COLUMN "id"`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "uq_metric_value"`);
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "pk_metric_value" PRIMARY KEY ("organization_id", "source", "team_id", "period_kind", "period_start", "metric_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "pk_metric_value"`);
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "uq_metric_value" UNIQUE ("organization_id", "source", "team_id", "period_kind", "period_start", "metric_id")`,
    );
    await q.query(`ALTER TABLE "metric_value" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "fk_metric_value_metric"`);
    await q.query(`ALTER TABLE "metric_value" DROP CONSTRAINT "fk_metric_value_team"`);
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "metric_value_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric_definition"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "metric_value_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "metric_value" ADD CONSTRAINT "metric_value_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE "metric_definition" DROP CONSTRAINT "uq_metric_definition_organization_id"`);
    await q.query(`ALTER TABLE "team" DROP CONSTRAINT "uq_team_organization_id"`);
  }
}
