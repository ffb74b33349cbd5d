import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795352653391 implements MigrationInterface {
  name = 'Initial1795352653391';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."organization_kind" AS ENUM('COMPANY', 'PUBLIC_SERVICE')`);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" "public"."organization_kind" NOT NULL, "anonymity_threshold" integer NOT NULL DEFAULT '5', "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/Paris', "working_days" integer array NOT NULL DEFAULT '{1,2,3,4,5}', "workday_start" character varying(5) NOT NULL DEFAULT '09:00', "workday_end" character varying(5) NOT NULL DEFAULT '17:30', "public_holidays" text array NOT NULL DEFAULT '{}', "default_locale" character varying(5) NOT NULL DEFAULT 'en', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT 1, CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."team_kind" AS ENUM('FRONT_LINE', 'SUPPORT', 'MANAGEMENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."team_kind" NOT NULL, "parent_id" uuid, "manager_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b71618cf6c9cf1d30ff71b0320" ON "team"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_62f429bfbac9ccd28d3a63a330" ON "team"  ("parent_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2f86357535d3d6a9bef5c3f831" ON "team"  ("organization_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "position" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "level" integer NOT NULL DEFAULT '1', "track" character varying(100) NOT NULL, CONSTRAINT "PK_b7f483581562b4dc62ae1a5b7e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4e7ff4b54fba3f71f8d435eec8" ON "position"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_148c5ff3bf91580275c27b9dde" ON "position"  ("organization_id", "title") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "email" character varying(254) NOT NULL, "team_id" uuid, "manager_id" uuid, "position_id" uuid, "hire_date" date NOT NULL, "fte" numeric(4,3) NOT NULL DEFAULT '1', "base_salary" numeric(12,2), "salary_currency" character(3), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT 1, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_529240bfd63666ae4ec116456b" ON "person"  ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cb033a3b70363fb8a5de534fbc" ON "person"  ("team_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_52805351546c5fbcecb95df520" ON "person"  ("manager_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_a475b4d8a43a8febc035879de0" ON "person"  ("organization_id", "last_name", "first_name", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ccfbeaa0304f8a7b205a30bec6" ON "person"  ("organization_id", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "support_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "owner_team_id" uuid NOT NULL, CONSTRAINT "PK_d2d61a969f9b8a793168beaa8b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b13ff6a6e3b0998303aae5828a" ON "support_service"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e75546260a29d1ac69fcc810a6" ON "support_service"  ("owner_team_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5f79704f751b48a5eaa6aba193" ON "support_service"  ("organization_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('EMPLOYEE', 'MANAGER', 'SUPPORT_AGENT', 'HR', 'ADMIN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "person_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "roles" "public"."role" array NOT NULL DEFAULT '{EMPLOYEE}', "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d07ad97884d4a29df6503f55d" ON "user_account"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e549e3c93b35f4bd5275767af1" ON "user_account"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_56a0e4bcec2b5411beafa47ffa" ON "user_account"  ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "replaced_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f8e6c51db7655e2f7084f61568" ON "refresh_token"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eb31f2a7917404a46e17f539f1" ON "refresh_token"  ("family_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f0812282fad2e352cdaf83ef0a" ON "refresh_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("email" character varying(254) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ee5faa28448a9c67f4383e2a15a" PRIMARY KEY ("email"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "actor_person_id" uuid, "action" character varying(100) NOT NULL, "entity_type" character varying(100) NOT NULL, "entity_id" character varying(100) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0c323f055ab509298bb8428be" ON "audit_event"  ("organization_id", "at") `,
    );
    // Integrity the entities do not declare: tenant keys, relations, append-only audit.
    for (const table of ['team', 'position', 'person', 'support_service', 'user_account', 'audit_event']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "team" ADD CONSTRAINT "fk_team_parent" FOREIGN KEY ("parent_id") REFERENCES "team"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "team" ADD CONSTRAINT "fk_team_manager" FOREIGN KEY ("manager_id") REFERENCES "person"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "fk_person_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "fk_person_manager" FOREIGN KEY ("manager_id") REFERENCES "person"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "fk_person_position" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_fte" CHECK ("fte" > 0 AND "fte" <= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_salary" CHECK ("base_salary" IS NULL OR "base_salary" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_email_lower" CHECK ("email" = lower("email"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "ck_organization_k" CHECK ("anonymity_threshold" >= 3)`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_service" ADD CONSTRAINT "fk_support_service_team" FOREIGN KEY ("owner_team_id") REFERENCES "team"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "fk_user_account_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "ck_user_account_email_lower" CHECK ("email" = lower("email"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_account" FOREIGN KEY ("account_id") REFERENCES "user_account"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS audit_event_no_change ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_event_append_only()`);
    for (const [table, fk] of [
      ['refresh_token', 'fk_refresh_token_account'],
      ['user_account', 'fk_user_account_person'],
      ['support_service', 'fk_support_service_team'],
      ['person', 'fk_person_position'],
      ['person', 'fk_person_manager'],
      ['person', 'fk_person_team'],
      ['team', 'fk_team_manager'],
      ['team', 'fk_team_parent'],
      ...['team', 'position', 'person', 'support_service', 'user_account', 'audit_event'].map((t) => [
        t,
        `fk_${t}_organization`,
      ]),
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${fk}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_b0c323f055ab509298bb8428be"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0812282fad2e352cdaf83ef0a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb31f2a7917404a46e17f539f1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8e6c51db7655e2f7084f61568"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56a0e4bcec2b5411beafa47ffa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e549e3c93b35f4bd5275767af1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d07ad97884d4a29df6503f55d"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5f79704f751b48a5eaa6aba193"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e75546260a29d1ac69fcc810a6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b13ff6a6e3b0998303aae5828a"`);
    await queryRunner.query(`DROP TABLE "support_service"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccfbeaa0304f8a7b205a30bec6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a475b4d8a43a8febc035879de0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52805351546c5fbcecb95df520"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cb033a3b70363fb8a5de534fbc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_529240bfd63666ae4ec116456b"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_148c5ff3bf91580275c27b9dde"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4e7ff4b54fba3f71f8d435eec8"`);
    await queryRunner.query(`DROP TABLE "position"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f86357535d3d6a9bef5c3f831"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_62f429bfbac9ccd28d3a63a330"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b71618cf6c9cf1d30ff71b0320"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP TYPE "public"."team_kind"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
  }
}
