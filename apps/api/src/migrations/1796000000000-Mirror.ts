import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mirror (issue 5): metric definitions on both sides (customer and employee), their shipped
 * pairs, values per team and period (customer figures from CSV, GraphQL or a CRM; internal
 * figures materialised from surveys and the service desk), and per-organisation intake API keys.
 */
export class Mirror1796000000000 implements MigrationInterface {
  name = 'Mirror1796000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "metric_side" AS ENUM ('CUSTOMER', 'EMPLOYEE')`);
    await q.query(`CREATE TYPE "metric_direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')`);
    await q.query(`CREATE TYPE "period_kind" AS ENUM ('WEEK', 'MONTH', 'QUARTER')`);
    await q.query(`CREATE TABLE "metric_definition" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "key" varchar(60) NOT NULL,
      "side" "metric_side" NOT NULL,
      "name_en" varchar(200) NOT NULL,
      "name_fr" varchar(200) NOT NULL,
      "scale_min" numeric(14,4) NOT NULL,
      "scale_max" numeric(14,4) NOT NULL,
      "direction" "metric_direction" NOT NULL,
      "unit" varchar(20) NOT NULL,
      "source" varchar(20) NOT NULL,
      CONSTRAINT "uq_metric_definition_key" UNIQUE ("organization_id", "key"),
      CONSTRAINT "ck_metric_definition_scale" CHECK ("scale_min" < "scale_max")
    )`);
    await q.query(`CREATE TABLE "metric_pair" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "key" varchar(60) NOT NULL,
      "position" integer NOT NULL,
      "customer_metric_id" uuid NOT NULL REFERENCES "metric_definition"("id") ON DELETE CASCADE,
      "employee_metric_id" uuid NOT NULL REFERENCES "metric_definition"("id") ON DELETE CASCADE,
      CONSTRAINT "uq_metric_pair_key" UNIQUE ("organization_id", "key")
    )`);
    await q.query(`CREATE TABLE "metric_value" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "metric_id" uuid NOT NULL REFERENCES "metric_definition"("id") ON DELETE CASCADE,
      "team_id" uuid NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
      "period_kind" "period_kind" NOT NULL,
      "period_start" date NOT NULL,
      "value" numeric(14,4) NOT NULL,
      "sample_size" integer NOT NULL,
      "source" varchar(100) NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_metric_value" UNIQUE ("organization_id", "source", "team_id", "period_kind", "period_start", "metric_id"),
      CONSTRAINT "ck_metric_value_sample" CHECK ("sample_size" >= 0)
    )`);
    await q.query(
      `CREATE INDEX "idx_metric_value_read" ON "metric_value" ("organization_id", "period_kind", "period_start") INCLUDE ("metric_id", "team_id", "value", "sample_size")`,
    );
    await q.query(`CREATE TABLE "intake_api_key" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "name" varchar(100) NOT NULL,
      "prefix" varchar(16) NOT NULL,
      "key_hash" char(64) NOT NULL,
      "created_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "revoked_at" timestamptz,
      "last_used_at" timestamptz,
      CONSTRAINT "uq_intake_api_key_hash" UNIQUE ("key_hash")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of ['intake_api_key', 'metric_value', 'metric_pair', 'metric_definition'])
      await q.query(`DROP TABLE "${t}"`);
    await q.query(`DROP TYPE "period_kind"`);
    await q.query(`DROP TYPE "metric_direction"`);
    await q.query(`DROP TYPE "metric_side"`);
  }
}
