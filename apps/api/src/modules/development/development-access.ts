import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '../organization/organization.enums';
import { lineTeams } from '../../platform/auth/line-teams';
import { forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

type Db = DataSource | EntityManager;

export const isAdmin = (v: Viewer) => v.roles.includes(Role.HR) || v.roles.includes(Role.ADMIN);

/** The viewer's managers, nearest first (1 = direct manager). */
export async function managerChain(db: Db, organizationId: string, personId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `WITH RECURSIVE up AS (
       SELECT manager_id AS id, 1 AS depth FROM person WHERE id = $1 AND organization_id = $2
       UNION ALL SELECT p.manager_id, up.depth + 1 FROM person p JOIN up ON p.id = up.id
        WHERE p.manager_id IS NOT NULL AND up.depth < 20
     ) SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth`,
    [personId, organizationId],
  );
  return rows.map((r) => r.id);
}

export type PersonRelation = 'SELF' | 'LINE' | 'ORG';

/**
 * How the viewer relates to a person of their organisation: themself, a manager above them
 * (reporting line, any depth) or HR/ADMIN. Unknown people (or another organisation's) are
 * NOT_FOUND; people the viewer may not see are FORBIDDEN.
 */
export async function personRelation(db: Db, viewer: Viewer, personId: string): Promise<PersonRelation> {
  const [p] = await db.query(`SELECT id FROM person WHERE id = $1 AND organization_id = $2`, [
    personId,
    viewer.organizationId,
  ]);
  if (!p) throw notFound('Person');
  if (personId === viewer.personId) return 'SELF';
  if (isAdmin(viewer)) return 'ORG';
  const chain = await managerChain(db, viewer.organizationId, personId);
  if (chain.includes(viewer.personId)) return 'LINE';
  const teams = await lineTeams(db, viewer);
  if (teams.length) {
    const [inTeam] = await db.query(`SELECT 1 FROM person WHERE id = $1 AND team_id = ANY($2::uuid[])`, [
      personId,
      teams.map((t) => t.id),
    ]);
    if (inTeam) return 'LINE';
  }
  throw forbidden('This person is not in your reporting line');
}

/** A team of the viewer's organisation that they may manage: HR/ADMIN, or a team of their line. */
export async function assertTeamAccess(db: Db, viewer: Viewer, teamId: string): Promise<{ name: string }> {
  const [t] = await db.query(`SELECT id, name FROM team WHERE id = $1 AND organization_id = $2`, [
    teamId,
    viewer.organizationId,
  ]);
  if (!t) throw notFound('Team');
  if (isAdmin(viewer)) return t;
  const teams = await lineTeams(db, viewer);
  if (!teams.some((x) => x.id === teamId)) throw forbidden('This team is not in your reporting line');
  return t;
}

/** Teams the viewer may see figures for: every team (HR/ADMIN, null) or their line's. */
export async function visibleTeams(db: Db, viewer: Viewer): Promise<string[] | null> {
  if (isAdmin(viewer)) return null;
  return (await lineTeams(db, viewer)).map((t) => t.id);
}

/** YYYY-MM-DD of a date column value (pg returns dates as strings or Date depending on the type). */
export function day(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

let leftOn: Promise<boolean> | null = null;

/**
 * Whether people carry a leaving date (`person.left_on`, added by the people model when it
 * exists). Checked once per process: migrations run before the application starts.
 */
export function hasLeftOn(db: Db): Promise<boolean> {
  leftOn ??= db
    .query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'person' AND column_name = 'left_on'`,
    )
    .then((r: unknown[]) => r.length > 0)
    .catch(() => {
      leftOn = null;
      return false;
    });
  return leftOn;
}

/** SQL condition "still here" for a person alias (everyone when there are no leaving dates). */
export async function presentSql(db: Db, alias: string): Promise<string> {
  return (await hasLeftOn(db)) ? `(${alias}.left_on IS NULL OR ${alias}.left_on > current_date)` : 'true';
}
