import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys (issue 3), written by hand: these tables are read and written with SQL, not entities.
 * Storage follows docs/design/surveys-anonymity.md: participation (`survey_invitation`) is kept
 * apart from answers; anonymous answers wait in `survey_response_mailbox` and are moved in
 * shuffled batches of at least k into `survey_response` / `survey_answer`; results are read from
 * snapshot counts (`survey_result_count`, `survey_result_driver`) maintained at each flush.
 */
export class Surveys1795800000000 implements MigrationInterface {
  name = 'Surveys1795800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "survey_status" AS ENUM ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED')`);
    await q.query(`CREATE TYPE "survey_confidentiality" AS ENUM ('ANONYMOUS', 'CONFIDENTIAL', 'ATTRIBUTED')`);
    await q.query(
      `CREATE TYPE "survey_subject_kind" AS ENUM ('ORGANIZATION', 'SUPPORT_SERVICE', 'MANAGER', 'TRAINING_SESSION', 'SERVICE_REQUEST')`,
    );
    await q.query(`CREATE TABLE "survey" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "template_key" varchar(40),
      "subject_kind" "survey_subject_kind" NOT NULL DEFAULT 'ORGANIZATION',
      "subject_id" uuid,
      "confidentiality" "survey_confidentiality" NOT NULL DEFAULT 'ANONYMOUS',
      "status" "survey_status" NOT NULL DEFAULT 'DRAFT',
      "questions" jsonb NOT NULL DEFAULT '[]',
      "question_subjects" jsonb NOT NULL DEFAULT '{}',
      "audience_team_ids" uuid[] NOT NULL DEFAULT '{}',
      "audience_position_ids" uuid[] NOT NULL DEFAULT '{}',
      "recurrence" jsonb,
      "pulse_items_per_wave" integer,
      "comment_threshold" integer NOT NULL DEFAULT 10,
      "results_published" boolean NOT NULL DEFAULT false,
      "created_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "ck_survey_comment_threshold" CHECK ("comment_threshold" >= 3),
      CONSTRAINT "ck_survey_pulse_items" CHECK ("pulse_items_per_wave" IS NULL OR "pulse_items_per_wave" BETWEEN 3 AND 5)
    )`);
    await q.query(`CREATE INDEX "idx_survey_org_status" ON "survey" ("organization_id", "status")`);

    await q.query(`CREATE TABLE "survey_wave" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "survey_id" uuid NOT NULL REFERENCES "survey"("id") ON DELETE CASCADE,
      "number" integer NOT NULL,
      "status" varchar(10) NOT NULL DEFAULT 'OPEN',
      "opens_at" timestamptz NOT NULL,
      "closes_at" timestamptz NOT NULL,
      "questions" jsonb NOT NULL,
      "k" integer NOT NULL,
      "comment_threshold" integer NOT NULL,
      "invited" integer NOT NULL DEFAULT 0,
      "released" integer NOT NULL DEFAULT 0,
      "closed_at" timestamptz,
      "last_reminder_at" timestamptz,
      CONSTRAINT "uq_survey_wave_number" UNIQUE ("survey_id", "number"),
      CONSTRAINT "ck_survey_wave_status" CHECK ("status" IN ('OPEN', 'CLOSED')),
      CONSTRAINT "ck_survey_wave_window" CHECK ("closes_at" > "opens_at"),
      CONSTRAINT "ck_survey_wave_k" CHECK ("k" >= 3 AND "comment_threshold" >= "k")
    )`);
    await q.query(`CREATE INDEX "idx_survey_wave_open" ON "survey_wave" ("status", "closes_at")`);

    // Demographic cells of a wave, generalised at opening so none holds fewer than k invitees.
    await q.query(`CREATE TABLE "survey_cell" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "tenure_bucket" varchar(8),
      "invited" integer NOT NULL,
      CONSTRAINT "ck_survey_cell_tenure" CHECK ("tenure_bucket" IS NULL OR "tenure_bucket" IN ('<1y', '1-2y', '2-5y', '5y+'))
    )`);
    await q.query(`CREATE INDEX "idx_survey_cell_wave" ON "survey_cell" ("wave_id")`);

    // Participation ledger: who was invited and whether they answered. No time of answering.
    await q.query(`CREATE TABLE "survey_invitation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "consumed" boolean NOT NULL DEFAULT false,
      "reminders" integer NOT NULL DEFAULT 0,
      CONSTRAINT "uq_survey_invitation" UNIQUE ("wave_id", "person_id")
    )`);
    await q.query(
      `CREATE INDEX "idx_survey_invitation_person" ON "survey_invitation" ("person_id", "consumed")`,
    );

    // Answer sets waiting for a shuffled batch: no person (unless the survey is not anonymous), day only.
    await q.query(`CREATE TABLE "survey_response_mailbox" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "day" date NOT NULL,
      "respondent_id" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "answers" jsonb NOT NULL
    ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1)`);
    await q.query(`CREATE INDEX "idx_survey_mailbox_wave" ON "survey_response_mailbox" ("wave_id")`);

    await q.query(`CREATE TABLE "survey_response" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "day" date NOT NULL,
      "respondent_id" uuid REFERENCES "person"("id") ON DELETE SET NULL
    )`);
    await q.query(`CREATE INDEX "idx_survey_response_wave" ON "survey_response" ("wave_id", "cell_id")`);
    await q.query(
      `CREATE INDEX "idx_survey_response_respondent" ON "survey_response" ("respondent_id") WHERE "respondent_id" IS NOT NULL`,
    );

    // One row per answered question (per selected option for multiple choice).
    await q.query(`CREATE TABLE "survey_answer" (
      "response_id" uuid NOT NULL REFERENCES "survey_response"("id") ON DELETE CASCADE,
      "ordinal" smallint NOT NULL DEFAULT 0,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "question_id" varchar(64) NOT NULL,
      "value" smallint,
      "option_id" varchar(64),
      "text" text,
      PRIMARY KEY ("response_id", "question_id", "ordinal"),
      CONSTRAINT "ck_survey_answer_one" CHECK (num_nonnulls("value", "option_id", "text") = 1)
    )`);
    // Covering index for the raw GROUP BY (snapshot rebuilds, and the benchmark's floor).
    await q.query(
      `CREATE INDEX "idx_survey_answer_wave" ON "survey_answer" ("wave_id", "question_id", "cell_id") INCLUDE ("value", "option_id")`,
    );

    // Results snapshot: counts per wave × cell × question × bucket ('*' row = respondents).
    await q.query(`CREATE TABLE "survey_result_count" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "question_id" varchar(64) NOT NULL,
      "bucket" varchar(64) NOT NULL,
      "count" integer NOT NULL,
      PRIMARY KEY ("wave_id", "question_id", "cell_id", "bucket")
    )`);
    // Sufficient statistics for driver analysis (x = item, y = eNPS or engagement) per cell.
    await q.query(`CREATE TABLE "survey_result_driver" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "cell_id" uuid NOT NULL REFERENCES "survey_cell"("id") ON DELETE CASCADE,
      "question_id" varchar(64) NOT NULL,
      "n" integer NOT NULL,
      "sum_x" numeric NOT NULL,
      "sum_y" numeric NOT NULL,
      "sum_xx" numeric NOT NULL,
      "sum_yy" numeric NOT NULL,
      "sum_xy" numeric NOT NULL,
      PRIMARY KEY ("wave_id", "question_id", "cell_id")
    )`);

    // Figures published from survey results, for the mirror (issue 5): eNPS, internal CSAT, effort.
    await q.query(`CREATE TABLE "internal_metric_value" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "metric" varchar(40) NOT NULL,
      "team_id" uuid REFERENCES "team"("id") ON DELETE CASCADE,
      "support_service_id" uuid REFERENCES "support_service"("id") ON DELETE CASCADE,
      "source_wave_id" uuid NOT NULL REFERENCES "survey_wave"("id") ON DELETE CASCADE,
      "period_end" date NOT NULL,
      "value" numeric(8,3) NOT NULL,
      "n" integer NOT NULL
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_internal_metric_value" ON "internal_metric_value" ("source_wave_id", "metric", COALESCE("team_id", '00000000-0000-0000-0000-000000000000'), COALESCE("support_service_id", '00000000-0000-0000-0000-000000000000'))`,
    );
    await q.query(
      `CREATE INDEX "idx_internal_metric_org" ON "internal_metric_value" ("organization_id", "metric", "period_end")`,
    );

    // In-app notifications (survey invitations and reminders now; service desk later).
    await q.query(`CREATE TABLE "notification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "kind" varchar(40) NOT NULL,
      "title" varchar(300) NOT NULL,
      "body" text NOT NULL DEFAULT '',
      "link" varchar(300),
      "dedupe_key" varchar(200),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "read_at" timestamptz
    )`);
    await q.query(
      `CREATE INDEX "idx_notification_person" ON "notification" ("person_id", "created_at" DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_notification_dedupe" ON "notification" ("person_id", "dedupe_key") WHERE "dedupe_key" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notification',
      'internal_metric_value',
      'survey_result_driver',
      'survey_result_count',
      'survey_answer',
      'survey_response',
      'survey_response_mailbox',
      'survey_invitation',
      'survey_cell',
      'survey_wave',
      'survey',
    ])
      await q.query(`DROP TABLE "${t}"`);
    await q.query(`DROP TYPE "survey_subject_kind"`);
    await q.query(`DROP TYPE "survey_confidentiality"`);
    await q.query(`DROP TYPE "survey_status"`);
  }
}
