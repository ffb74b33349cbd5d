import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team development (issue 7), by hand like the desk tables: decision rights (versioned: a change
 * closes the current row and opens a new one), the decision log with its monthly rollups (kept on
 * write by commutative increments), skills and assessments, courses, sessions, enrolments and
 * their feedback, training needs, role history, development plans and goals, and the manager's
 * development reviews with their actions.
 */
export class Development1796100000000 implements MigrationInterface {
  name = 'Development1796100000000';

  public async up(q: QueryRunner): Promise<void> {
    const org = `"organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE`;
    await q.query(`CREATE TYPE "decision_unit" AS ENUM ('AMOUNT', 'DAYS', 'COUNT', 'NONE')`);
    await q.query(`CREATE TABLE "decision_type" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "name" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "unit" "decision_unit" NOT NULL DEFAULT 'NONE',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_decision_type_name" UNIQUE ("organization_id", "name")
    )`);
    await q.query(`CREATE TABLE "decision_right" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "decision_type_id" uuid NOT NULL REFERENCES "decision_type"("id") ON DELETE CASCADE,
      "position_id" uuid REFERENCES "position"("id") ON DELETE CASCADE,
      "team_id" uuid REFERENCES "team"("id") ON DELETE CASCADE,
      "limit_amount" numeric(12,2),
      "above_levels" smallint NOT NULL DEFAULT 1,
      "above_note" varchar(300) NOT NULL DEFAULT '',
      "valid_from" timestamptz NOT NULL DEFAULT now(),
      "valid_to" timestamptz,
      "created_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      CONSTRAINT "ck_decision_right_scope" CHECK (("position_id" IS NULL) <> ("team_id" IS NULL)),
      CONSTRAINT "ck_decision_right_limit" CHECK ("limit_amount" IS NULL OR "limit_amount" >= 0),
      CONSTRAINT "ck_decision_right_above" CHECK ("above_levels" BETWEEN 1 AND 6),
      CONSTRAINT "ck_decision_right_period" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
    )`);
    // One current right per type and scope.
    await q.query(
      `CREATE UNIQUE INDEX "uq_decision_right_current" ON "decision_right" ("decision_type_id", coalesce("position_id", "team_id")) WHERE "valid_to" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_decision_right_org" ON "decision_right" ("organization_id", "decision_type_id", "valid_from")`,
    );

    await q.query(`CREATE TYPE "decision_kind" AS ENUM ('DECIDED_LOCALLY', 'ESCALATED', 'BEYOND_RIGHTS')`);
    await q.query(`CREATE TYPE "decision_review" AS ENUM ('PENDING', 'CONFIRMED', 'OVERTURNED')`);
    await q.query(`CREATE TABLE "decision_log" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "team_id" uuid NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "decision_type_id" uuid NOT NULL REFERENCES "decision_type"("id") ON DELETE CASCADE,
      "decision_right_id" uuid REFERENCES "decision_right"("id") ON DELETE SET NULL,
      "kind" "decision_kind" NOT NULL,
      "amount" numeric(12,2),
      "summary" varchar(500) NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT now(),
      "escalated_to" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "levels_crossed" smallint,
      "answered_at" timestamptz,
      "justification" text,
      "review" "decision_review",
      "reviewed_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "reviewed_at" timestamptz,
      "review_note" text,
      CONSTRAINT "ck_decision_log_escalation" CHECK (("kind" = 'ESCALATED') = ("escalated_to" IS NOT NULL AND "levels_crossed" IS NOT NULL)),
      CONSTRAINT "ck_decision_log_levels" CHECK ("levels_crossed" IS NULL OR "levels_crossed" BETWEEN 1 AND 20),
      CONSTRAINT "ck_decision_log_beyond" CHECK (("kind" = 'BEYOND_RIGHTS') = ("review" IS NOT NULL)),
      CONSTRAINT "ck_decision_log_answer" CHECK ("answered_at" IS NULL OR ("kind" = 'ESCALATED' AND "answered_at" >= "decided_at")),
      CONSTRAINT "ck_decision_log_amount" CHECK ("amount" IS NULL OR "amount" >= 0)
    )`);
    await q.query(
      `CREATE INDEX "ix_decision_log_team" ON "decision_log" ("organization_id", "team_id", "decided_at")`,
    );
    await q.query(`CREATE INDEX "ix_decision_log_person" ON "decision_log" ("person_id", "decided_at")`);
    await q.query(
      `CREATE INDEX "ix_decision_log_pending" ON "decision_log" ("organization_id", "team_id") WHERE "review" = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX "ix_decision_log_awaiting" ON "decision_log" ("escalated_to") WHERE "kind" = 'ESCALATED' AND "answered_at" IS NULL`,
    );
    // Monthly rollups (UTC months), kept on write by increments (commutative: concurrent writers
    // cannot lose a count). Escalation delays also as an hourly histogram per organisation and
    // month, so the organisation's median needs no scan of the log.
    await q.query(`CREATE TABLE "autonomy_monthly" (
      ${org},
      "team_id" uuid NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
      "month" date NOT NULL,
      "total" integer NOT NULL DEFAULT 0,
      "local" integer NOT NULL DEFAULT 0,
      "escalated" integer NOT NULL DEFAULT 0,
      "answered" integer NOT NULL DEFAULT 0,
      "delay_hours_sum" double precision NOT NULL DEFAULT 0,
      "levels_sum" integer NOT NULL DEFAULT 0,
      "beyond_confirmed" integer NOT NULL DEFAULT 0,
      "beyond_overturned" integer NOT NULL DEFAULT 0,
      "beyond_pending" integer NOT NULL DEFAULT 0,
      PRIMARY KEY ("organization_id", "team_id", "month")
    )`);
    await q.query(
      `CREATE INDEX "ix_autonomy_monthly_month" ON "autonomy_monthly" ("organization_id", "month")`,
    );
    await q.query(`CREATE TABLE "autonomy_delay_monthly" (
      ${org},
      "month" date NOT NULL,
      "hour" integer NOT NULL,
      "n" integer NOT NULL DEFAULT 0,
      PRIMARY KEY ("organization_id", "month", "hour")
    )`);

    // Skills
    await q.query(`CREATE TABLE "skill" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "name" varchar(200) NOT NULL,
      "category" varchar(100) NOT NULL DEFAULT '',
      "description" text NOT NULL DEFAULT '',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_skill_name" UNIQUE ("organization_id", "name")
    )`);
    await q.query(`CREATE TABLE "position_skill" (
      ${org},
      "position_id" uuid NOT NULL REFERENCES "position"("id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "skill"("id") ON DELETE CASCADE,
      "required_level" smallint NOT NULL,
      PRIMARY KEY ("position_id", "skill_id"),
      CONSTRAINT "ck_position_skill_level" CHECK ("required_level" BETWEEN 1 AND 4)
    )`);
    await q.query(`CREATE TYPE "assessment_source" AS ENUM ('SELF', 'MANAGER')`);
    await q.query(`CREATE TABLE "skill_assessment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "skill"("id") ON DELETE CASCADE,
      "source" "assessment_source" NOT NULL,
      "level" smallint NOT NULL,
      "assessed_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "assessed_at" timestamptz NOT NULL DEFAULT now(),
      "note" text NOT NULL DEFAULT '',
      CONSTRAINT "ck_skill_assessment_level" CHECK ("level" BETWEEN 1 AND 4)
    )`);
    await q.query(
      `CREATE INDEX "ix_skill_assessment_person" ON "skill_assessment" ("person_id", "skill_id", "assessed_at")`,
    );
    // The latest self and manager levels per person and skill (the history stays in skill_assessment).
    await q.query(`CREATE TABLE "person_skill" (
      ${org},
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "skill_id" uuid NOT NULL REFERENCES "skill"("id") ON DELETE CASCADE,
      "self_level" smallint,
      "manager_level" smallint,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("person_id", "skill_id"),
      CONSTRAINT "ck_person_skill_levels" CHECK (coalesce("self_level", 1) BETWEEN 1 AND 4 AND coalesce("manager_level", 1) BETWEEN 1 AND 4)
    )`);
    await q.query(`CREATE INDEX "ix_person_skill_org" ON "person_skill" ("organization_id", "skill_id")`);

    // Training
    await q.query(`CREATE TABLE "course" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "title" varchar(200) NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "skill_id" uuid REFERENCES "skill"("id") ON DELETE SET NULL,
      "hours" numeric(6,2) NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "uq_course_title" UNIQUE ("organization_id", "title"),
      CONSTRAINT "ck_course_hours" CHECK ("hours" > 0 AND "hours" <= 1000)
    )`);
    await q.query(`CREATE TABLE "training_session" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "course_id" uuid NOT NULL REFERENCES "course"("id") ON DELETE CASCADE,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "trainer" varchar(200) NOT NULL,
      "location" varchar(200) NOT NULL DEFAULT '',
      "capacity" integer NOT NULL,
      "seats_taken" integer NOT NULL DEFAULT 0,
      "hours" numeric(6,2) NOT NULL,
      "requires_approval" boolean NOT NULL DEFAULT false,
      CONSTRAINT "ck_training_session_capacity" CHECK ("capacity" BETWEEN 1 AND 10000 AND "seats_taken" BETWEEN 0 AND "capacity"),
      CONSTRAINT "ck_training_session_period" CHECK ("ends_at" > "starts_at"),
      CONSTRAINT "ck_training_session_hours" CHECK ("hours" > 0 AND "hours" <= 1000)
    )`);
    await q.query(
      `CREATE INDEX "ix_training_session_org" ON "training_session" ("organization_id", "starts_at")`,
    );
    await q.query(
      `CREATE TYPE "enrolment_status" AS ENUM ('REQUESTED', 'APPROVED', 'ATTENDED', 'COMPLETED', 'CANCELLED', 'REJECTED')`,
    );
    await q.query(`CREATE TABLE "enrolment" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "session_id" uuid NOT NULL REFERENCES "training_session"("id") ON DELETE CASCADE,
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "status" "enrolment_status" NOT NULL,
      "requested_at" timestamptz NOT NULL DEFAULT now(),
      "requested_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "approved_at" timestamptz,
      "approved_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "attended_at" timestamptz,
      "completed_at" timestamptz,
      "hours" numeric(6,2),
      CONSTRAINT "uq_enrolment" UNIQUE ("session_id", "person_id")
    )`);
    await q.query(`CREATE INDEX "ix_enrolment_person" ON "enrolment" ("person_id", "requested_at")`);
    await q.query(
      `CREATE INDEX "ix_enrolment_team_completed" ON "enrolment" ("organization_id", "team_id", "completed_at") WHERE "status" = 'COMPLETED'`,
    );
    await q.query(`CREATE TYPE "feedback_status" AS ENUM ('PENDING', 'RATED')`);
    // Training feedback, rated like a service: validated by the surveys engine's training template.
    await q.query(`CREATE TABLE "enrolment_feedback" (
      "enrolment_id" uuid NOT NULL PRIMARY KEY REFERENCES "enrolment"("id") ON DELETE CASCADE,
      ${org},
      "course_id" uuid NOT NULL REFERENCES "course"("id") ON DELETE CASCADE,
      "status" "feedback_status" NOT NULL DEFAULT 'PENDING',
      "invited_at" timestamptz NOT NULL DEFAULT now(),
      "rated_at" timestamptz,
      "csat" smallint,
      "relevance" smallint,
      "apply" smallint,
      "trainer" smallint,
      "recommend" boolean,
      "comment" text,
      CONSTRAINT "ck_enrolment_feedback_scale" CHECK (coalesce("csat", 1) BETWEEN 1 AND 5 AND coalesce("relevance", 1) BETWEEN 1 AND 5
        AND coalesce("apply", 1) BETWEEN 1 AND 5 AND coalesce("trainer", 1) BETWEEN 1 AND 5)
    )`);
    await q.query(
      `CREATE INDEX "ix_enrolment_feedback_course" ON "enrolment_feedback" ("course_id", "status")`,
    );
    await q.query(`CREATE TYPE "need_source" AS ENUM ('GAP', 'EMPLOYEE', 'MANAGER')`);
    await q.query(`CREATE TYPE "need_status" AS ENUM ('OPEN', 'PLANNED', 'DONE', 'DROPPED')`);
    await q.query(`CREATE TABLE "training_need" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "skill_id" uuid REFERENCES "skill"("id") ON DELETE SET NULL,
      "course_id" uuid REFERENCES "course"("id") ON DELETE SET NULL,
      "source" "need_source" NOT NULL,
      "note" text NOT NULL DEFAULT '',
      "status" "need_status" NOT NULL DEFAULT 'OPEN',
      "raised_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "ix_training_need_person" ON "training_need" ("person_id")`);

    // Careers
    await q.query(
      `CREATE TYPE "role_change_kind" AS ENUM ('HIRE', 'PROMOTION', 'NEW_RESPONSIBILITY', 'MOVE')`,
    );
    await q.query(`CREATE TABLE "role_history" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "kind" "role_change_kind" NOT NULL,
      "effective_on" date NOT NULL,
      "from_position_id" uuid REFERENCES "position"("id") ON DELETE SET NULL,
      "to_position_id" uuid REFERENCES "position"("id") ON DELETE SET NULL,
      "from_team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "to_team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "note" text NOT NULL DEFAULT '',
      "recorded_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "ix_role_history_person" ON "role_history" ("person_id", "effective_on")`);
    await q.query(`CREATE TYPE "plan_status" AS ENUM ('DRAFT', 'AGREED', 'CLOSED')`);
    await q.query(`CREATE TABLE "development_plan" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "person_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "team_id" uuid REFERENCES "team"("id") ON DELETE SET NULL,
      "title" varchar(200) NOT NULL,
      "status" "plan_status" NOT NULL DEFAULT 'DRAFT',
      "employee_agreed_at" timestamptz,
      "manager_agreed_at" timestamptz,
      "next_review_on" date,
      "created_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX "ix_development_plan_person" ON "development_plan" ("person_id")`);
    await q.query(
      `CREATE INDEX "ix_development_plan_team" ON "development_plan" ("organization_id", "team_id")`,
    );
    await q.query(`CREATE TABLE "plan_goal" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "plan_id" uuid NOT NULL REFERENCES "development_plan"("id") ON DELETE CASCADE,
      "title" varchar(300) NOT NULL,
      "owner_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "skill_id" uuid REFERENCES "skill"("id") ON DELETE SET NULL,
      "due_on" date NOT NULL,
      "progress" smallint NOT NULL DEFAULT 0,
      "position" smallint NOT NULL DEFAULT 0,
      CONSTRAINT "ck_plan_goal_progress" CHECK ("progress" BETWEEN 0 AND 100)
    )`);
    await q.query(`CREATE INDEX "ix_plan_goal_plan" ON "plan_goal" ("plan_id")`);

    // The manager's development review
    await q.query(`CREATE TABLE "development_review" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "team_id" uuid NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
      "reviewed_on" date NOT NULL,
      "conclusions" text NOT NULL,
      "snapshot" jsonb NOT NULL DEFAULT '{}',
      "recorded_by" uuid REFERENCES "person"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX "ix_development_review_team" ON "development_review" ("organization_id", "team_id", "reviewed_on")`,
    );
    await q.query(`CREATE TABLE "development_review_action" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ${org},
      "review_id" uuid NOT NULL REFERENCES "development_review"("id") ON DELETE CASCADE,
      "title" varchar(300) NOT NULL,
      "owner_id" uuid NOT NULL REFERENCES "person"("id") ON DELETE CASCADE,
      "due_on" date,
      "done" boolean NOT NULL DEFAULT false
    )`);
    await q.query(`CREATE INDEX "ix_development_review_action" ON "development_review_action" ("review_id")`);
    // The organisation's averages shown beside each team, recomputed at most every few minutes
    // by whichever instance reads them first (stored here, so every instance shows the same).
    await q.query(`CREATE TABLE "development_org_figures" (
      "organization_id" uuid NOT NULL PRIMARY KEY REFERENCES "organization"("id") ON DELETE CASCADE,
      "computed_at" timestamptz NOT NULL DEFAULT now(),
      "figures" jsonb NOT NULL
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'development_org_figures',
      'development_review_action',
      'development_review',
      'plan_goal',
      'development_plan',
      'role_history',
      'training_need',
      'enrolment_feedback',
      'enrolment',
      'training_session',
      'course',
      'person_skill',
      'skill_assessment',
      'position_skill',
      'skill',
      'autonomy_delay_monthly',
      'autonomy_monthly',
      'decision_log',
      'decision_right',
      'decision_type',
    ])
      await q.query(`DROP TABLE IF EXISTS "${t}"`);
    for (const t of [
      'plan_status',
      'role_change_kind',
      'need_status',
      'need_source',
      'feedback_status',
      'enrolment_status',
      'assessment_source',
      'decision_review',
      'decision_kind',
      'decision_unit',
    ])
      await q.query(`DROP TYPE IF EXISTS "${t}"`);
  }
}
