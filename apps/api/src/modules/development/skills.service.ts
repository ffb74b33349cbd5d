import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AssessmentSource,
  type AssessSkillInput,
  type CreateSkillInput,
  type DevHeatmap,
  type PersonSkill,
  type PositionSkill,
  type SetPositionSkillInput,
  type Skill,
  type SkillAssessment,
  type SkillsMatrix,
} from './dto/development.types';
import { assertTeamAccess, isAdmin, personRelation, presentSql, visibleTeams } from './development-access';
import { effectiveLevel, skillGap } from './development-rules';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, forbidden } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** How long the stored skills coverage is reused before it is rebuilt. */
export const COVERAGE_TTL_MS = 10 * 60_000;

/** After a change of levels, requirements or roles: the stored coverage is rebuilt at the next read. */
export async function invalidateCoverage(m: Pick<EntityManager, 'query'>, organizationId: string) {
  await m.query(`DELETE FROM skill_coverage_state WHERE organization_id = $1`, [organizationId]);
}

/**
 * Skills catalogue, required levels per position, assessments (self and manager, 1-4, with their
 * history; the latest of each is kept in person_skill), gaps and coverage.
 */
@Injectable()
export class SkillsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async skills(viewer: Viewer): Promise<Skill[]> {
    return this.db.query(
      `SELECT id, name, category, description FROM skill WHERE organization_id = $1 ORDER BY category, name`,
      [viewer.organizationId],
    );
  }

  async create(viewer: Viewer, input: CreateSkillInput, requestId: string): Promise<Skill> {
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO skill (organization_id, name, category, description) VALUES ($1, $2, $3, $4)
         RETURNING id, name, category, description`,
        [viewer.organizationId, input.name.trim(), input.category.trim(), input.description],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.skill.create',
        entityType: 'skill',
        entityId: row.id,
        after: { name: row.name },
      });
      return row;
    });
  }

  async positionSkills(viewer: Viewer, positionId?: string): Promise<PositionSkill[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ps.position_id, p.title, ps.skill_id, s.name, ps.required_level
         FROM position_skill ps JOIN position p ON p.id = ps.position_id JOIN skill s ON s.id = ps.skill_id
        WHERE ps.organization_id = $1 ${positionId ? 'AND ps.position_id = $2' : ''}
        ORDER BY p.title, s.name`,
      positionId ? [viewer.organizationId, positionId] : [viewer.organizationId],
    );
    return rows.map((r) => ({
      positionId: r.position_id,
      positionTitle: r.title,
      skillId: r.skill_id,
      skillName: r.name,
      requiredLevel: r.required_level,
    }));
  }

  async setPositionSkill(viewer: Viewer, input: SetPositionSkillInput, requestId: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [ok] = await m.query(
        `SELECT (SELECT 1 FROM position WHERE id = $1 AND organization_id = $3) AS p,
                (SELECT 1 FROM skill WHERE id = $2 AND organization_id = $3) AS s`,
        [input.positionId, input.skillId, viewer.organizationId],
      );
      if (!ok.p) throw badInput('input.positionId', 'Unknown position');
      if (!ok.s) throw badInput('input.skillId', 'Unknown skill');
      const [before] = await m.query(
        `SELECT required_level FROM position_skill WHERE position_id = $1 AND skill_id = $2`,
        [input.positionId, input.skillId],
      );
      if (input.requiredLevel)
        await m.query(
          `INSERT INTO position_skill (organization_id, position_id, skill_id, required_level) VALUES ($1, $2, $3, $4)
           ON CONFLICT (position_id, skill_id) DO UPDATE SET required_level = EXCLUDED.required_level`,
          [viewer.organizationId, input.positionId, input.skillId, input.requiredLevel],
        );
      else
        await m.query(`DELETE FROM position_skill WHERE position_id = $1 AND skill_id = $2`, [
          input.positionId,
          input.skillId,
        ]);
      await invalidateCoverage(m, viewer.organizationId);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.position_skill.set',
        entityType: 'position',
        entityId: input.positionId,
        before: { skillId: input.skillId, requiredLevel: before?.required_level ?? null },
        after: { skillId: input.skillId, requiredLevel: input.requiredLevel ?? null },
      });
      return true;
    });
  }

  /** A person's skills: required by their position or assessed, with levels and gaps. */
  async personSkills(viewer: Viewer, personId: string, checked = false): Promise<PersonSkill[]> {
    if (!checked) await personRelation(this.db, viewer, personId);
    const rows: Row[] = await this.db.query(
      `SELECT s.id, s.name, s.category, ps.required_level, k.self_level, k.manager_level
         FROM skill s
         LEFT JOIN position_skill ps ON ps.skill_id = s.id AND ps.position_id = (SELECT position_id FROM person WHERE id = $1)
         LEFT JOIN person_skill k ON k.skill_id = s.id AND k.person_id = $1
        WHERE s.organization_id = $2 AND (ps.skill_id IS NOT NULL OR k.skill_id IS NOT NULL)
        ORDER BY s.category, s.name`,
      [personId, viewer.organizationId],
    );
    return rows.map((r) => {
      const level = effectiveLevel(r.self_level, r.manager_level);
      return {
        skillId: r.id,
        skillName: r.name,
        category: r.category,
        requiredLevel: r.required_level,
        selfLevel: r.self_level,
        managerLevel: r.manager_level,
        level,
        gap: skillGap(r.required_level, level),
      };
    });
  }

  async history(viewer: Viewer, personId: string): Promise<SkillAssessment[]> {
    await personRelation(this.db, viewer, personId);
    const rows: Row[] = await this.db.query(
      `SELECT a.id, a.skill_id, s.name, a.source, a.level, a.assessed_at, a.note,
              b.first_name || ' ' || b.last_name AS by_name
         FROM skill_assessment a JOIN skill s ON s.id = a.skill_id LEFT JOIN person b ON b.id = a.assessed_by
        WHERE a.person_id = $1 AND a.organization_id = $2 ORDER BY a.assessed_at DESC LIMIT 200`,
      [personId, viewer.organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      skillId: r.skill_id,
      skillName: r.name,
      source: r.source,
      level: r.level,
      assessedByName: r.by_name,
      assessedAt: r.assessed_at,
      note: r.note,
    }));
  }

  /** A self-assessment (the person) or a manager's assessment (their line, HR). History is kept. */
  async assess(viewer: Viewer, input: AssessSkillInput): Promise<PersonSkill[]> {
    await this.db.transaction(async (m) => {
      const relation = await personRelation(m, viewer, input.personId);
      const source = relation === 'SELF' ? AssessmentSource.SELF : AssessmentSource.MANAGER;
      const [skill] = await m.query(`SELECT 1 FROM skill WHERE id = $1 AND organization_id = $2`, [
        input.skillId,
        viewer.organizationId,
      ]);
      if (!skill) throw badInput('input.skillId', 'Unknown skill');
      await m.query(
        `INSERT INTO skill_assessment (organization_id, person_id, skill_id, source, level, assessed_by, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          viewer.organizationId,
          input.personId,
          input.skillId,
          source,
          input.level,
          viewer.personId,
          input.note,
        ],
      );
      const column = source === AssessmentSource.SELF ? 'self_level' : 'manager_level';
      await m.query(
        `INSERT INTO person_skill (organization_id, person_id, skill_id, ${column}) VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id, skill_id) DO UPDATE SET ${column} = EXCLUDED.${column}, updated_at = now()`,
        [viewer.organizationId, input.personId, input.skillId, input.level],
      );
      await invalidateCoverage(m, viewer.organizationId);
    });
    return this.personSkills(viewer, input.personId, true);
  }

  /** A team's people × skills (required by their positions or assessed), with coverage per skill. */
  async matrix(viewer: Viewer, teamId: string): Promise<SkillsMatrix> {
    await assertTeamAccess(this.db, viewer, teamId);
    const present = await presentSql(this.db, 'p');
    const rows: Row[] = await this.db.query(
      `WITH people AS (
         SELECT p.id, p.first_name || ' ' || p.last_name AS name, p.position_id, po.title
           FROM person p LEFT JOIN position po ON po.id = p.position_id
          WHERE p.team_id = $1 AND p.organization_id = $2 AND ${present}
       ), pairs AS (
         SELECT pe.id AS person_id, ps.skill_id, ps.required_level FROM people pe JOIN position_skill ps ON ps.position_id = pe.position_id
         UNION SELECT k.person_id, k.skill_id, NULL FROM person_skill k JOIN people pe ON pe.id = k.person_id
       )
       SELECT pe.id AS person_id, pe.name, pe.title, s.id AS skill_id, s.name AS skill_name, s.category, s.description,
              max(pr.required_level) AS required, k.self_level, k.manager_level
         FROM people pe LEFT JOIN pairs pr ON pr.person_id = pe.id LEFT JOIN skill s ON s.id = pr.skill_id
         LEFT JOIN person_skill k ON k.person_id = pe.id AND k.skill_id = pr.skill_id
        GROUP BY pe.id, pe.name, pe.title, s.id, s.name, s.category, s.description, k.self_level, k.manager_level
        ORDER BY pe.name, pe.id`,
      [teamId, viewer.organizationId],
    );
    const skills = new Map<string, Skill>();
    for (const r of rows)
      if (r.skill_id)
        skills.set(r.skill_id, {
          id: r.skill_id,
          name: r.skill_name,
          category: r.category,
          description: r.description,
        });
    const columns = [...skills.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name),
    );
    const index = new Map(columns.map((s, i) => [s.id, i]));
    const people = new Map<
      string,
      {
        personId: string;
        personName: string;
        positionTitle: string | null;
        levels: (number | null)[];
        required: (number | null)[];
      }
    >();
    for (const r of rows) {
      let p = people.get(r.person_id);
      if (!p)
        people.set(
          r.person_id,
          (p = {
            personId: r.person_id,
            personName: r.name,
            positionTitle: r.title,
            levels: columns.map(() => null),
            required: columns.map(() => null),
          }),
        );
      if (!r.skill_id) continue;
      const i = index.get(r.skill_id)!;
      p.levels[i] = effectiveLevel(r.self_level, r.manager_level);
      p.required[i] = r.required;
    }
    const list = [...people.values()];
    const coverage = columns.map((_, i) => {
      const req = list.filter((p) => p.required[i]);
      if (!req.length) return null;
      return (100 * req.filter((p) => (p.levels[i] ?? 0) >= p.required[i]!).length) / req.length;
    });
    return { skills: columns, rows: list, coverage };
  }

  /** Teams × skills: % of the required (person, skill) pairs met, for the viewer's teams. */
  async heatmap(viewer: Viewer): Promise<DevHeatmap> {
    const teams = await visibleTeams(this.db, viewer);
    if (teams && !teams.length) throw forbidden('You manage no team');
    const rows = await this.coverageTable(viewer.organizationId, teams);
    const skillNames = new Map<string, string>();
    for (const r of rows) skillNames.set(r.skill_id, r.skill_name);
    const columns = [...skillNames].sort((a, b) => a[1].localeCompare(b[1]));
    const col = new Map(columns.map(([id], i) => [id, i]));
    const byTeam = new Map<string, { name: string; cells: (number | null)[]; met: number; req: number }>();
    for (const r of rows) {
      let t = byTeam.get(r.team_id);
      if (!t)
        byTeam.set(r.team_id, (t = { name: r.team_name, cells: columns.map(() => null), met: 0, req: 0 }));
      t.cells[col.get(r.skill_id)!] = (100 * r.met) / r.required;
      t.met += r.met;
      t.req += r.required;
    }
    return {
      columns: columns.map(([, name]) => name),
      rows: [...byTeam]
        .sort((a, b) => a[1].name.localeCompare(b[1].name))
        .map(([teamId, t]) => ({
          teamId,
          teamName: t.name,
          cells: t.cells,
          overall: t.req ? (100 * t.met) / t.req : null,
        })),
    };
  }

  /** Required and met (person, skill) pairs per team and skill, in one aggregate (live). */
  async coverageRows(organizationId: string, teams: string[] | null): Promise<Row[]> {
    const present = await presentSql(this.db, 'p');
    return this.db.query(
      `SELECT p.team_id, t.name AS team_name, ps.skill_id, s.name AS skill_name, count(*)::int AS required,
              count(*) FILTER (WHERE coalesce(k.manager_level, k.self_level, 0) >= ps.required_level)::int AS met
         FROM person p JOIN position_skill ps ON ps.position_id = p.position_id
         JOIN team t ON t.id = p.team_id JOIN skill s ON s.id = ps.skill_id
         LEFT JOIN person_skill k ON k.person_id = p.id AND k.skill_id = ps.skill_id
        WHERE p.organization_id = $1 AND ${present} ${teams ? 'AND p.team_id = ANY($2::uuid[])' : ''}
        GROUP BY p.team_id, t.name, ps.skill_id, s.name`,
      teams ? [organizationId, teams] : [organizationId],
    );
  }

  /**
   * The same rows from the stored coverage (skill_coverage), rebuilt first when older than
   * COVERAGE_TTL_MS or invalidated by a change (under an advisory lock: one rebuild at a time).
   */
  async coverageTable(organizationId: string, teams: string[] | null): Promise<Row[]> {
    const [fresh] = await this.db.query(
      `SELECT 1 FROM skill_coverage_state WHERE organization_id = $1 AND computed_at > now() - $2 * interval '1 millisecond'`,
      [organizationId, COVERAGE_TTL_MS],
    );
    if (!fresh) await this.rebuildCoverage(organizationId);
    return this.db.query(
      `SELECT c.team_id, t.name AS team_name, c.skill_id, s.name AS skill_name, c.required, c.met
         FROM skill_coverage c JOIN team t ON t.id = c.team_id JOIN skill s ON s.id = c.skill_id
        WHERE c.organization_id = $1 ${teams ? 'AND c.team_id = ANY($2::uuid[])' : ''}`,
      teams ? [organizationId, teams] : [organizationId],
    );
  }

  private async rebuildCoverage(organizationId: string) {
    const present = await presentSql(this.db, 'p');
    await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('skill_coverage:' || $1))`, [organizationId]);
      const [fresh] = await m.query(
        `SELECT 1 FROM skill_coverage_state WHERE organization_id = $1 AND computed_at > now() - $2 * interval '1 millisecond'`,
        [organizationId, COVERAGE_TTL_MS],
      );
      if (fresh) return;
      await m.query(`DELETE FROM skill_coverage WHERE organization_id = $1`, [organizationId]);
      await m.query(
        `INSERT INTO skill_coverage (organization_id, team_id, skill_id, required, met)
         SELECT $1, p.team_id, ps.skill_id, count(*),
                count(*) FILTER (WHERE coalesce(k.manager_level, k.self_level, 0) >= ps.required_level)
           FROM person p JOIN position_skill ps ON ps.position_id = p.position_id
           LEFT JOIN person_skill k ON k.person_id = p.id AND k.skill_id = ps.skill_id
          WHERE p.organization_id = $1 AND p.team_id IS NOT NULL AND ${present}
          GROUP BY p.team_id, ps.skill_id`,
        [organizationId],
      );
      await m.query(
        `INSERT INTO skill_coverage_state (organization_id, computed_at) VALUES ($1, now())
         ON CONFLICT (organization_id) DO UPDATE SET computed_at = now()`,
        [organizationId],
      );
    });
  }

  /** Whether the viewer may create skills and requirements. */
  canEdit(viewer: Viewer) {
    return isAdmin(viewer);
  }
}
