import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incentive schemes (versioned, maker-checker), inputs entered by managers or uploaded by HR,
 * payout runs with their snapshotted inputs and lines, payouts (one per person, scheme lineage and
 * period, enforced here) and disputes. Money is numeric; nothing is a float.
 */
export class Incentives1796200000000 implements MigrationInterface {
  name = 'Incentives1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "incentive_scheme" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "lineage_id" uuid NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      "previous_id" uuid REFERENCES "incentive_scheme"("id") ON DELETE SET NULL,
      "name" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "period_kind" varchar(10) NOT NULL CHECK ("period_kind" IN ('MONTH','QUARTER','HALF_YEAR','YEAR')),
      "period_start" date NOT NULL,
      "period_end" date NOT NULL,
      "currency" char(3) NOT NULL,
      "population" jsonb NOT NULL,
      "minimum_eligible_days" integer NOT NULL DEFAULT 1 CHECK ("minimum_eligible_days" >= 0),
      "prorate_by_fte" boolean NOT NULL DEFAULT true,
      "target_bonus" jsonb NOT NULL,
      "budget" numeric(14,2) CHECK ("budget" IS NULL OR "budget" >= 0),
      "fallback" varchar(10) NOT NULL CHECK ("fallback" IN ('TARGET','ZERO')),
      "minimum_answers" integer NOT NULL DEFAULT 0 CHECK ("minimum_answers" >= 0),
      "components" jsonb NOT NULL,
      "gates" jsonb NOT NULL DEFAULT '[]',
      "status" varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK ("status" IN ('DRAFT','UNDER_REVIEW','APPROVED','CLOSED')),
      "designed_by" uuid NOT NULL REFERENCES "person"("id"),
      "submitted_at" timestamptz,
      "approved_by" uuid REFERENCES "person"("id"),
      "approved_at" timestamptz,
      "closed_at" timestamptz,
      "review_comment" text,
      "row_version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_incentive_scheme_version" UNIQUE ("lineage_id", "version"),
      CONSTRAINT "ck_incentive_scheme_period" CHECK ("period_end" >= "period_start"),
      CONSTRAINT "ck_incentive_scheme_checker" CHECK ("approved_by" IS NULL OR "approved_by" <> "designed_by")
    )`);
    await q.query(
      `CREATE INDEX "idx_incentive_scheme_org" ON "incentive_scheme" ("organization_id", "period_start")`,
    );

    await q.query(`CREATE TABLE "incentive_input" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "scheme_id" uuid NOT NULL REFERENCES "incentive_scheme"("id") ON DELETE CASCADE,
      "measure_key" varchar(80) NOT NULL,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "value" numeric(14,4) NOT NULL,
      "entered_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "entered_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("scheme_id", "measure_key", "person_id")
    )`);

    await q.query(`CREATE TABLE "incentive_run" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "scheme_id" uuid NOT NULL REFERENCES "incentive_scheme"("id") ON DELETE CASCADE,
      "number" integer NOT NULL,
      "status" varchar(20) NOT NULL DEFAULT 'COMPUTED' CHECK ("status" IN ('COMPUTED','APPROVED','SUPERSEDED','DISCARDED')),
      "corrects_run_id" uuid REFERENCES "incentive_run"("id"),
      "scheme_snapshot" jsonb NOT NULL,
      "team_inputs" jsonb NOT NULL,
      "participants" integer NOT NULL,
      "missing_count" integer NOT NULL,
      "total" numeric(16,2) NOT NULL,
      "total_before_cap" numeric(16,2) NOT NULL,
      "budget_applied" boolean NOT NULL,
      "hash" char(64) NOT NULL,
      "created_by" uuid REFERENCES "person"("id"),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "approved_by" uuid REFERENCES "person"("id"),
      "approved_at" timestamptz,
      CONSTRAINT "uq_incentive_run_number" UNIQUE ("scheme_id", "number"),
      CONSTRAINT "ck_incentive_run_checker" CHECK ("approved_by" IS NULL OR "approved_by" <> "created_by")
    )`);
    // At most one run awaiting approval per scheme: two HR people starting a run at once → CONFLICT.
    await q.query(
      `CREATE UNIQUE INDEX "uq_incentive_run_pending" ON "incentive_run" ("scheme_id") WHERE "status" = 'COMPUTED'`,
    );

    // One row per participant: the snapshotted inputs, and the lines of its components as parallel
    // arrays in the order of the run's components (a run of 100,000 people × 6 components writes
    // 100,000 rows, not 600,000). The view incentive_run_line shows them one line per row.
    await q.query(`CREATE TABLE "incentive_run_participant" (
      "run_id" uuid NOT NULL REFERENCES "incentive_run"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "team_id" uuid,
      "target_pay" numeric(14,2),
      "base_salary" numeric(12,2),
      "fte" numeric(4,3) NOT NULL,
      "employment_start" date,
      "employment_end" date,
      "inputs" jsonb NOT NULL,
      "total" numeric(14,2) NOT NULL CHECK ("total" >= 0),
      "proration_factor" numeric(10,6) NOT NULL,
      "eligible_days" integer NOT NULL,
      "component_ids" text[] NOT NULL,
      "statuses" text[] NOT NULL,
      "measure_values" numeric(14,4)[] NOT NULL,
      "payout_percents" numeric(12,6)[] NOT NULL,
      "target_amounts" numeric(14,2)[] NOT NULL,
      "failed_gates" text[] NOT NULL,
      "pool_weights" numeric(14,4)[] NOT NULL,
      "amounts_before_cap" numeric(14,2)[] NOT NULL,
      "amounts" numeric(14,2)[] NOT NULL,
      PRIMARY KEY ("run_id", "person_id"),
      CONSTRAINT "ck_incentive_run_participant_lines" CHECK (
        cardinality("statuses") = cardinality("component_ids") AND cardinality("amounts") = cardinality("component_ids"))
    )`);
    await q.query(
      `CREATE INDEX "idx_incentive_run_participant_person" ON "incentive_run_participant" ("person_id")`,
    );
    await q.query(`CREATE VIEW "incentive_run_line" AS
      SELECT p.run_id, p.person_id, l.component_id, p.organization_id, p.team_id, l.status, l.measure_value,
             l.payout_percent, p.proration_factor, p.eligible_days, l.target_amount,
             CASE WHEN l.failed_gates = '' THEN '{}'::text[] ELSE string_to_array(l.failed_gates, ',') END AS failed_gate_ids,
             l.pool_weight, l.amount_before_cap, l.amount, l.position
        FROM incentive_run_participant p
        CROSS JOIN LATERAL unnest(p.component_ids, p.statuses, p.measure_values, p.payout_percents, p.target_amounts,
          p.failed_gates, p.pool_weights, p.amounts_before_cap, p.amounts) WITH ORDINALITY
          AS l(component_id, status, measure_value, payout_percent, target_amount, failed_gates, pool_weight,
               amount_before_cap, amount, position)`);

    await q.query(`CREATE TABLE "incentive_payout" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "lineage_id" uuid NOT NULL,
      "period_start" date NOT NULL,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "scheme_id" uuid NOT NULL REFERENCES "incentive_scheme"("id") ON DELETE CASCADE,
      "run_id" uuid NOT NULL REFERENCES "incentive_run"("id"),
      "amount" numeric(14,2) NOT NULL CHECK ("amount" >= 0),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_incentive_payout" PRIMARY KEY ("lineage_id", "period_start", "person_id")
    )`);
    await q.query(`CREATE INDEX "idx_incentive_payout_person" ON "incentive_payout" ("person_id")`);

    await q.query(`CREATE TABLE "incentive_dispute" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "run_id" uuid NOT NULL REFERENCES "incentive_run"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "component_id" varchar(60) NOT NULL,
      "reason" text NOT NULL,
      "status" varchar(20) NOT NULL DEFAULT 'OPEN' CHECK ("status" IN ('OPEN','ACCEPTED','REJECTED')),
      "answer" text,
      "correction_run_id" uuid REFERENCES "incentive_run"("id"),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "resolved_by" uuid REFERENCES "person"("id"),
      "resolved_at" timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_incentive_dispute_open" ON "incentive_dispute" ("run_id", "person_id", "component_id") WHERE "status" = 'OPEN'`,
    );
    await q.query(
      `CREATE INDEX "idx_incentive_dispute_org" ON "incentive_dispute" ("organization_id", "status")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS "incentive_run_line"`);
    for (const t of [
      'incentive_dispute',
      'incentive_payout',
      'incentive_run_participant',
      'incentive_run',
      'incentive_input',
      'incentive_scheme',
    ])
      await q.query(`DROP TABLE IF EXISTS "${t}"`);
  }
}
