import type { DataSource } from 'typeorm';
import { hashPassword } from '../modules/auth/password';
import { DEMO_PASSWORD, generateOrganization, type SeedOrganization } from './seed.generator';
import { seedSurveys } from './seed-surveys';
import { seedDesk } from './seed-desk';
import { seedMirror } from './seed-mirror';
import { seedDevelopment } from './seed-development';
import { seedIncentives } from './seed-incentives';
import { seedLeavers } from './seed-leavers';

const CHUNK = 5000;

/** Anything that runs SQL: the data source or a transaction's entity manager. */
type Sql = { query: (sql: string, params: unknown[]) => Promise<unknown> };

async function insertRecords(ds: Sql, sql: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await ds.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

/** Writes a generated organisation in one transaction, with set-based inserts (no row-by-row). */
export async function insertOrganization(
  ds: DataSource,
  org: SeedOrganization,
  passwordHash: string,
): Promise<void> {
  await ds.transaction(async (m) => {
    const q = (sql: string, rows: object[]) => insertRecords(m, sql, rows);
    await m.query(
      `INSERT INTO organization (id, name, kind, anonymity_threshold, time_zone, working_days, workday_start, workday_end, holiday_country, default_locale)
       VALUES ($1, $2, $3, 5, 'Europe/Paris', '{1,2,3,4,5}', '09:00', '17:30', $4, 'en')`,
      [org.id, org.name, org.kind, org.holidayCountry],
    );
    await q(
      `INSERT INTO team (id, organization_id, name, kind, parent_id)
       SELECT v.id, '${org.id}', v.name, v.kind::team_kind, NULL FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, name text, kind text)`,
      org.teams,
    );
    await q(
      `UPDATE team t SET parent_id = v."parentId" FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "parentId" uuid) WHERE t.id = v.id`,
      org.teams.filter((t) => t.parentId),
    );
    await q(
      `INSERT INTO position (id, organization_id, title, level, track)
       SELECT v.id, '${org.id}', v.title, v.level, v.track FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, title text, level int, track text)`,
      org.positions,
    );
    await q(
      `INSERT INTO person (id, organization_id, first_name, last_name, email, team_id, position_id, hire_date, fte, base_salary, salary_currency)
       SELECT v.id, '${org.id}', v."firstName", v."lastName", v.email, v."teamId", v."positionId", v."hireDate", v.fte, v."baseSalary", v."salaryCurrency"
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "firstName" text, "lastName" text, email text, "teamId" uuid, "positionId" uuid,
            "hireDate" date, fte numeric, "baseSalary" numeric, "salaryCurrency" text)`,
      org.people,
    );
    await q(
      `UPDATE person p SET manager_id = v."managerId" FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "managerId" uuid) WHERE p.id = v.id`,
      org.people.filter((p) => p.managerId),
    );
    await q(
      `UPDATE team t SET manager_id = v."managerId" FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "managerId" uuid) WHERE t.id = v.id`,
      org.teams.filter((t) => t.managerId),
    );
    await q(
      `INSERT INTO user_account (organization_id, person_id, email, password_hash, roles)
       SELECT '${org.id}', v.id, v.email, '${passwordHash.replace(/'/g, "''")}', v.roles::role[]
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, email text, roles text[])`,
      org.people,
    );
    await q(
      `INSERT INTO support_service (id, organization_id, name, description, owner_team_id)
       SELECT v.id, '${org.id}', v.name, v.description, v."ownerTeamId" FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, name text, description text, "ownerTeamId" uuid)`,
      org.services,
    );
  });
}

/**
 * Seeds the demo organisation (about 300 people) or, with `people`, a larger one on its own
 * domain (bench<N>.example) for benchmarks. Every account shares the demo password, hashed once.
 * Returns false when that organisation already exists.
 */
export async function seed(
  ds: DataSource,
  opts: { people?: number } = {},
): Promise<{ created: boolean; domain: string; people: number }> {
  const big = opts.people !== undefined;
  const domain = big ? `bench${opts.people}.example` : 'meridian.example';
  const org = generateOrganization({
    people: opts.people ?? 300,
    domain,
    name: big ? `Meridian Mutual (${opts.people} people)` : undefined,
  });
  const [exists] = await ds.query('SELECT 1 FROM organization WHERE id = $1', [org.id]);
  if (exists) return { created: false, domain, people: org.people.length };
  await insertOrganization(ds, org, await hashPassword(DEMO_PASSWORD));
  if (!big) {
    await seedSurveys(ds, org.id);
    await seedDesk(ds, org.id);
    await seedMirror(ds, org.id);
    await seedDevelopment(ds, org.id);
    await seedIncentives(ds, org.id);
    await seedLeavers(ds, org.id); // last: the other seeds involve current staff only
  }
  // Fresh statistics (or the planner guesses on empty tables) and a visibility map (index-only scans).
  await ds.query('VACUUM ANALYZE');
  return { created: true, domain, people: org.people.length };
}

export async function isEmpty(ds: DataSource): Promise<boolean> {
  const [row] = await ds.query('SELECT count(*)::int AS n FROM organization');
  return row.n === 0;
}
