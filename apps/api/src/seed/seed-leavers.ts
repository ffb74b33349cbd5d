import { localDateAsUtc } from '@symmetry/domain';
import type { DataSource } from 'typeorm';
import { FIRST, LAST, rng, uuidFrom } from './seed.generator';
import { MirrorService } from '../modules/mirror/mirror.service';
import type { JobsService } from '../platform/jobs/jobs.service';
import { AuditService } from '../platform/audit/audit.service';

/** Annual leaving rates of the demo teams: 8 % to 15 %, one per team, the same on every run. */
export function teamTurnover(teamName: string): number {
  const r = rng(hash(`turnover|${teamName}`));
  return 0.08 + 0.07 * r.next();
}

/** The first days of the 24 completed months before `now`'s month, oldest first (YYYY-MM-01). */
export function pastMonths(now: Date): string[] {
  return Array.from({ length: 24 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 24 + i, 1)).toISOString().slice(0, 10),
  );
}

/**
 * The team's departures per month over `months`: each of its `headcount` people leaves in a
 * month with probability rate / 12 (a binomial draw per month), on a day of that month. Pure and
 * deterministic, so seed-mirror can shape the team's customer retention on the same departures.
 */
export function plannedLeavers(teamName: string, headcount: number, months: string[]): Map<string, number[]> {
  const rate = teamTurnover(teamName);
  const r = rng(hash(`leavers|${teamName}`));
  const plan = new Map<string, number[]>();
  for (const month of months) {
    const days: number[] = [];
    const [y, m] = month.split('-').map(Number);
    const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let i = 0; i < headcount; i++)
      if (r.next() < rate / 12) days.push(2 + Math.floor(r.next() * (length - 1)));
    plan.set(
      month,
      days.sort((a, b) => a - b),
    );
  }
  return plan;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Former staff of the demo organisation: for each front-line and support team, the people who
 * left it over the last 24 months (about 8 to 15 % a year, by team), with their accounts (which
 * cannot sign in). They are added after every other seed, so surveys, requests, development and
 * pay only ever involve current staff; the mirror's platform figures are then computed again, now
 * with employee retention. The five demo logins are current staff and stay so.
 */
export async function seedLeavers(ds: DataSource, organizationId: string, at = new Date()): Promise<number> {
  // The organisation's date (its months, as seed-mirror and the mirror count them), not UTC's.
  const [{ time_zone: timeZone }] = await ds.query(`SELECT time_zone FROM organization WHERE id = $1`, [
    organizationId,
  ]);
  const now = localDateAsUtc(at, timeZone);
  const teams: { id: string; name: string; manager_id: string | null; headcount: number }[] = await ds.query(
    `SELECT t.id, t.name, t.manager_id, count(p.id)::int AS headcount
       FROM team t JOIN person p ON p.team_id = t.id AND p.left_on IS NULL
      WHERE t.organization_id = $1 AND t.kind IN ('FRONT_LINE', 'SUPPORT')
      GROUP BY t.id ORDER BY t.name`,
    [organizationId],
  );
  // Each team's usual position (its members' most frequent one, the manager's aside).
  const positions: { team_id: string; position_id: string; level: number }[] = await ds.query(
    `SELECT DISTINCT ON (p.team_id) p.team_id, p.position_id, pos.level
       FROM person p JOIN position pos ON pos.id = p.position_id JOIN team t ON t.id = p.team_id
      WHERE p.organization_id = $1 AND p.id IS DISTINCT FROM t.manager_id
      GROUP BY p.team_id, p.position_id, pos.level ORDER BY p.team_id, count(*) DESC, p.position_id`,
    [organizationId],
  );
  const positionOf = new Map(positions.map((p) => [p.team_id, p]));
  const [{ domain }] = await ds.query(
    `SELECT split_part(email, '@', 2) AS domain FROM person WHERE organization_id = $1 LIMIT 1`,
    [organizationId],
  );
  const emails = new Set<string>(
    (await ds.query(`SELECT email FROM person WHERE organization_id = $1`, [organizationId])).map(
      (x: { email: string }) => x.email,
    ),
  );
  const r = rng(4242);
  const months = pastMonths(now);
  const leavers: Record<string, unknown>[] = [];
  for (const t of teams) {
    const position = positionOf.get(t.id);
    if (!position) continue;
    for (const [month, days] of plannedLeavers(t.name, t.headcount, months)) {
      for (const day of days) {
        const leftOn = `${month.slice(0, 8)}${String(day).padStart(2, '0')}`;
        const firstName = r.pick(FIRST);
        const lastName = r.pick(LAST);
        const base = `${firstName}.${lastName}`
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/[^a-z.]/g, '');
        let email = `${base}@${domain}`;
        for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`;
        emails.add(email);
        const years = 0.4 + (r.next() < 0.35 ? r.next() * 1.6 : r.next() * 9);
        const hireDate = new Date(Date.parse(`${leftOn}T00:00:00Z`) - Math.floor(years * 365.25) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        leavers.push({
          id: uuidFrom(domain, 'former', email),
          firstName,
          lastName,
          email,
          teamId: t.id,
          managerId: t.manager_id,
          positionId: position.position_id,
          hireDate,
          leftOn,
          baseSalary: (25000 + position.level * 5500 + r.int(0, 40) * 100).toFixed(2),
        });
      }
    }
  }
  if (!leavers.length) return 0;
  const [{ hash: passwordHash }] = await ds.query(
    `SELECT password_hash AS hash FROM user_account WHERE organization_id = $1 LIMIT 1`,
    [organizationId],
  );
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO person (id, organization_id, first_name, last_name, email, team_id, manager_id, position_id, hire_date, left_on,
                           fte, base_salary, salary_currency)
       SELECT v.id, $2, v."firstName", v."lastName", v.email, v."teamId", v."managerId", v."positionId", v."hireDate", v."leftOn",
              1, v."baseSalary", 'EUR'
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "firstName" text, "lastName" text, email text, "teamId" uuid,
              "managerId" uuid, "positionId" uuid, "hireDate" date, "leftOn" date, "baseSalary" numeric)`,
      [JSON.stringify(leavers), organizationId],
    );
    await m.query(
      `INSERT INTO user_account (organization_id, person_id, email, password_hash, roles)
       SELECT $2, v.id, v.email, $3, '{EMPLOYEE}'::role[] FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, email text)`,
      [JSON.stringify(leavers), organizationId, passwordHash],
    );
  });
  const mirror = new MirrorService(
    ds,
    { define: () => undefined } as unknown as JobsService,
    new AuditService(),
  );
  await mirror.refreshPlatform(organizationId);
  return leavers.length;
}
