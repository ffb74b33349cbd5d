import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public holidays from a maintained source (see modules/organization/public-holidays.ts).
 *
 * - `holiday_country` / `holiday_region`: the country (ISO 3166-1 alpha-2) and optional region
 *   whose public holidays are the organisation's days off, every year. NULL: none (as before).
 * - `holidays_removed`: the country's holidays the organisation works.
 * - `public_holidays` keeps its days, hand-entered until now: they become the days HR adds on top
 *   of the country's. No calendar changes by this migration; HR picks a country in the settings.
 */
export class HolidayCalendar1796750000000 implements MigrationInterface {
  name = 'HolidayCalendar1796750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organization"
      ADD COLUMN "holiday_country" varchar(2),
      ADD COLUMN "holiday_region" varchar(10),
      ADD COLUMN "holidays_removed" text array NOT NULL DEFAULT '{}',
      ADD CONSTRAINT "ck_organization_holiday_region" CHECK ("holiday_region" IS NULL OR "holiday_country" IS NOT NULL)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organization"
      DROP CONSTRAINT "ck_organization_holiday_region",
      DROP COLUMN "holidays_removed",
      DROP COLUMN "holiday_region",
      DROP COLUMN "holiday_country"`);
  }
}
