import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal service desk (issue 4), by hand like the survey tables: request categories with
 * versioned commitments, requests (each keeps the commitment version it was opened under, its
 * original due moments and their pause-shifted values, its renegotiated date apart), the timeline,
 * closure ratings, and monthly metrics stored for the mirror.
 */
export class ServiceDesk1795900000000 implements MigrationInterface {
  name = 'ServiceDesk1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "support_service" ADD "reopen_window_days" integer NOT NULL DEFAULT 7`);
    await q.query(
      `ALTER TABLE "support_service" ADD CONSTRAINT "ck_support_service_reopen" CHECK ("reopen_window_days" BETWEEN 0 AND 365)`,
    );
    await q.query(`CREATE TABLE "request_category" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "support_service_id" uuid NOT NULL REFERENCES "support_service"("id") ON DELETE CASCADE,
      "name" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "active" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_request_category_name" UNIQUE ("support_service_id", "name")
    )`);
    await q.query(`CREATE TYPE "commitment_unit" AS ENUM ('BUSINESS_HOURS', 'BUSINESS_DAYS')`);
    await q.query(`CREATE TABLE "category_commitment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "category_id" uuid NOT NULL REFERENCES "request_category"("id") ON DELETE CASCADE,
      "version" integer NOT NULL,
      "first_response_unit" "commitment_unit" NOT NULL,
      "first_response_amount" integer NOT NULL,
      "resolution_unit" "commitment_unit" NOT NULL,
      "resolution_amount" integer NOT NULL,
      "valid_from" timestamptz NOT NULL DEFAULT now(),
      "created_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      CONSTRAINT "uq_category_commitment_version" UNIQUE ("category_id", "version"),
      CONSTRAINT "ck_category_commitment_amounts" CHECK ("first_response_amount" >= 0 AND "resolution_amount" >= 0)
    )`);
    await q.query(
      `CREATE TYPE "request_state" AS ENUM ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_REQUESTER', 'RESOLVED', 'CLOSED')`,
    );
    await q.query(`CREATE TYPE "request_priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    await q.query(`CREATE SEQUENCE "service_request_number_seq"`);
    await q.query(`CREATE TABLE "service_request" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "number" bigint NOT NULL DEFAULT nextval('service_request_number_seq'),
      "support_service_id" uuid NOT NULL REFERENCES "support_service"("id") ON DELETE CASCADE,
      "category_id" uuid NOT NULL REFERENCES "request_category"("id"),
      "commitment_id" uuid NOT NULL REFERENCES "category_commitment"("id"),
      "parent_request_id" uuid REFERENCES "service_request"("id") ON DELETE SET NULL,
      "requester_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "requester_team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "assignee_id" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "subject" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "priority" "request_priority" NOT NULL DEFAULT 'NORMAL',
      "state" "request_state" NOT NULL DEFAULT 'NEW',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "first_responded_at" timestamptz,
      "resolved_at" timestamptz,
      "closed_at" timestamptz,
      "first_response_due_at" timestamptz NOT NULL,
      "original_resolution_due_at" timestamptz NOT NULL,
      "resolution_due_at" timestamptz NOT NULL,
      "first_response_risk_at" timestamptz NOT NULL,
      "resolution_risk_at" timestamptz NOT NULL,
      "first_response_risk_notified" boolean NOT NULL DEFAULT false,
      "resolution_risk_notified" boolean NOT NULL DEFAULT false,
      "waiting_since" timestamptz,
      "paused_ms" bigint NOT NULL DEFAULT 0,
      "renegotiated_due_at" timestamptz,
      "renegotiation_count" integer NOT NULL DEFAULT 0,
      "reopen_count" integer NOT NULL DEFAULT 0,
      "first_response_met" boolean,
      "resolution_met" boolean,
      "version" integer NOT NULL DEFAULT 1,
      "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "subject" || ' ' || left("description", 2000))) STORED,
      CONSTRAINT "uq_service_request_number" UNIQUE ("organization_id", "number")
    )`);
    // The agent's queue: open requests of a service by due moment.
    await q.query(
      `CREATE INDEX "idx_request_queue" ON "service_request" ("support_service_id", "resolution_due_at", "id") WHERE "state" NOT IN ('RESOLVED', 'CLOSED')`,
    );
    await q.query(
      `CREATE INDEX "idx_request_service_created" ON "service_request" ("support_service_id", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "idx_request_requester" ON "service_request" ("requester_id", "created_at" DESC)`,
    );
    await q.query(
      `CREATE INDEX "idx_request_parent" ON "service_request" ("parent_request_id") WHERE "parent_request_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "idx_request_search" ON "service_request" USING gin ("search")`);
    // The at-risk sweep reads only what is due for a warning.
    await q.query(
      `CREATE INDEX "idx_request_fr_risk" ON "service_request" ("first_response_risk_at") WHERE NOT "first_response_risk_notified" AND "first_responded_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "idx_request_res_risk" ON "service_request" ("resolution_risk_at") WHERE NOT "resolution_risk_notified" AND "state" IN ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')`,
    );

    await q.query(`CREATE TABLE "request_event" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "request_id" uuid NOT NULL REFERENCES "service_request"("id") ON DELETE CASCADE,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "actor_id" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "kind" varchar(20) NOT NULL,
      "internal" boolean NOT NULL DEFAULT false,
      "from_state" "request_state",
      "to_state" "request_state",
      "body" text,
      "data" jsonb,
      CONSTRAINT "ck_request_event_kind" CHECK ("kind" IN ('CREATED', 'STATE', 'REPLY', 'NOTE', 'ASSIGNED', 'DUE_CHANGED', 'LINKED', 'RATED', 'AT_RISK'))
    )`);
    await q.query(`CREATE INDEX "idx_request_event_request" ON "request_event" ("request_id", "at")`);

    await q.query(`CREATE TABLE "request_rating" (
      "request_id" uuid NOT NULL PRIMARY KEY REFERENCES "service_request"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "support_service_id" uuid NOT NULL REFERENCES "support_service"("id") ON DELETE CASCADE,
      "category_id" uuid NOT NULL REFERENCES "request_category"("id") ON DELETE CASCADE,
      "status" varchar(10) NOT NULL DEFAULT 'PENDING',
      "invited_at" timestamptz NOT NULL DEFAULT now(),
      "rated_at" timestamptz,
      "csat" smallint,
      "effort" smallint,
      "comment" text,
      CONSTRAINT "ck_request_rating_status" CHECK ("status" IN ('PENDING', 'RATED', 'WITHDRAWN')),
      CONSTRAINT "ck_request_rating_values" CHECK (("csat" IS NULL OR "csat" BETWEEN 1 AND 5) AND ("effort" IS NULL OR "effort" BETWEEN 1 AND 7))
    )`);
    await q.query(
      `CREATE INDEX "idx_request_rating_service" ON "request_rating" ("support_service_id", "rated_at") WHERE "status" = 'RATED'`,
    );

    // Monthly figures per service × category × requesting team, for the mirror (issue 5).
    await q.query(`CREATE TABLE "desk_metric_monthly" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "month" date NOT NULL,
      "support_service_id" uuid NOT NULL REFERENCES "support_service"("id") ON DELETE CASCADE,
      "category_id" uuid NOT NULL REFERENCES "request_category"("id") ON DELETE CASCADE,
      "requester_team_id" uuid NOT NULL,
      "opened" integer NOT NULL,
      "resolved" integer NOT NULL,
      "first_response_met" integer NOT NULL,
      "first_response_total" integer NOT NULL,
      "resolution_met" integer NOT NULL,
      "resolution_total" integer NOT NULL,
      "reopened" integer NOT NULL,
      "renegotiated" integer NOT NULL,
      "ratings" integer NOT NULL,
      "csat_favourable" integer NOT NULL,
      "effort_sum" integer NOT NULL,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("organization_id", "month", "support_service_id", "category_id", "requester_team_id")
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'desk_metric_monthly',
      'request_rating',
      'request_event',
      'service_request',
      'category_commitment',
      'request_category',
    ])
      await q.query(`DROP TABLE "${t}"`);
    await q.query(`DROP SEQUENCE "service_request_number_seq"`);
    await q.query(`DROP TYPE "request_priority"`);
    await q.query(`DROP TYPE "request_state"`);
    await q.query(`DROP TYPE "commitment_unit"`);
    await q.query(`ALTER TABLE "support_service" DROP CONSTRAINT "ck_support_service_reopen"`);
    await q.query(`ALTER TABLE "support_service" DROP COLUMN "reopen_window_days"`);
  }
}
