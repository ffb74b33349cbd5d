import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PlanStatus,
  type CareerTrack,
  type CreatePlanInput,
  type DevelopmentPlan,
  type GoalProgressInput,
  type RecordRoleChangeInput,
  type RoleChange,
} from './dto/development.types';
import { assertTeamAccess, day, managerChain, personRelation, presentSql } from './development-access';
import { goalLate } from './development-rules';
import { invalidateCoverage } from './skills.service';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, conflict, forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const today = () => new Date().toISOString().slice(0, 10);

/** Career tracks (positions and levels), role history, and development plans with goals. */
@Injectable()
export class CareersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async tracks(viewer: Viewer): Promise<CareerTrack[]> {
    const present = await presentSql(this.db, 'pe');
    const rows: Row[] = await this.db.query(
      `SELECT p.id, p.title, p.level, p.track,
              (SELECT count(*)::int FROM person pe WHERE pe.position_id = p.id AND ${present}) AS headcount
         FROM position p WHERE p.organization_id = $1 ORDER BY p.track, p.level, p.title`,
      [viewer.organizationId],
    );
    const tracks = new Map<string, CareerTrack>();
    for (const r of rows) {
      let t = tracks.get(r.track);
      if (!t) tracks.set(r.track, (t = { name: r.track, positions: [] }));
      t.positions.push({ id: r.id, title: r.title, level: r.level, headcount: r.headcount });
    }
    return [...tracks.values()];
  }

  async roleHistory(viewer: Viewer, personId: string, checked = false): Promise<RoleChange[]> {
    if (!checked) await personRelation(this.db, viewer, personId);
    const rows: Row[] = await this.db.query(
      `SELECT h.id, h.person_id, h.kind, h.effective_on, fp.title AS from_pos, tp.title AS to_pos,
              ft.name AS from_team, tt.name AS to_team, h.note
         FROM role_history h LEFT JOIN position fp ON fp.id = h.from_position_id LEFT JOIN position tp ON tp.id = h.to_position_id
         LEFT JOIN team ft ON ft.id = h.from_team_id LEFT JOIN team tt ON tt.id = h.to_team_id
        WHERE h.person_id = $1 AND h.organization_id = $2 ORDER BY h.effective_on DESC, h.created_at DESC`,
      [personId, viewer.organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      kind: r.kind,
      effectiveOn: day(r.effective_on),
      fromPositionTitle: r.from_pos,
      toPositionTitle: r.to_pos,
      fromTeamName: r.from_team,
      toTeamName: r.to_team,
      note: r.note,
    }));
  }

  /**
   * A promotion, new responsibility or move (HR, or a manager of the person's line). When it is
   * effective today or earlier, the person's position and team follow.
   */
  async recordRoleChange(
    viewer: Viewer,
    input: RecordRoleChangeInput,
    requestId: string,
  ): Promise<RoleChange[]> {
    await this.db.transaction(async (m) => {
      const relation = await personRelation(m, viewer, input.personId);
      if (relation === 'SELF') throw forbidden('Your manager or HR records your role changes');
      const [p] = await m.query(`SELECT position_id, team_id FROM person WHERE id = $1 FOR UPDATE`, [
        input.personId,
      ]);
      if (input.toPositionId) {
        const [x] = await m.query(`SELECT 1 FROM position WHERE id = $1 AND organization_id = $2`, [
          input.toPositionId,
          viewer.organizationId,
        ]);
        if (!x) throw badInput('input.toPositionId', 'Unknown position');
      }
      if (input.toTeamId) await assertTeamAccess(m, viewer, input.toTeamId);
      await m.query(
        `INSERT INTO role_history (organization_id, person_id, kind, effective_on, from_position_id, to_position_id,
           from_team_id, to_team_id, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          viewer.organizationId,
          input.personId,
          input.kind,
          input.effectiveOn,
          p.position_id,
          input.toPositionId ?? p.position_id,
          p.team_id,
          input.toTeamId ?? p.team_id,
          input.note,
          viewer.personId,
        ],
      );
      if (input.effectiveOn <= today() && (input.toPositionId || input.toTeamId))
        await m.query(
          `UPDATE person SET position_id = coalesce($2, position_id), team_id = coalesce($3, team_id),
             version = version + 1, updated_at = now() WHERE id = $1`,
          [input.personId, input.toPositionId ?? null, input.toTeamId ?? null],
        );
      await invalidateCoverage(m, viewer.organizationId);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.role_change',
        entityType: 'person',
        entityId: input.personId,
        before: { positionId: p.position_id, teamId: p.team_id },
        after: { kind: input.kind, positionId: input.toPositionId ?? null, teamId: input.toTeamId ?? null },
      });
    });
    return this.roleHistory(viewer, input.personId, true);
  }

  // ------------------------------------------------------------------------------------------
  // Plans

  async plans(
    viewer: Viewer,
    opts: { personId?: string; teamId?: string; id?: string },
  ): Promise<DevelopmentPlan[]> {
    let where: string;
    let param: string;
    if (opts.id) {
      where = 'dp.id = $2';
      param = opts.id;
    } else if (opts.teamId) {
      await assertTeamAccess(this.db, viewer, opts.teamId);
      where = `pe.team_id = $2 AND dp.status <> 'CLOSED'`;
      param = opts.teamId;
    } else {
      param = opts.personId ?? viewer.personId;
      await personRelation(this.db, viewer, param);
      where = 'dp.person_id = $2';
    }
    return this.loadPlans(this.db, viewer.organizationId, where, param);
  }

  private async loadPlans(m: EntityManager | DataSource, org: string, where: string, param: string) {
    const rows: Row[] = await m.query(
      `SELECT dp.*, pe.first_name || ' ' || pe.last_name AS person_name,
              coalesce(json_agg(json_build_object('id', g.id, 'title', g.title, 'ownerId', g.owner_id,
                'ownerName', o.first_name || ' ' || o.last_name, 'skillId', g.skill_id, 'dueOn', g.due_on, 'progress', g.progress)
                ORDER BY g.position, g.due_on) FILTER (WHERE g.id IS NOT NULL), '[]') AS goals
         FROM development_plan dp JOIN person pe ON pe.id = dp.person_id
         LEFT JOIN plan_goal g ON g.plan_id = dp.id LEFT JOIN person o ON o.id = g.owner_id
        WHERE dp.organization_id = $1 AND ${where}
        GROUP BY dp.id, pe.first_name, pe.last_name ORDER BY dp.created_at DESC LIMIT 100`,
      [org, param],
    );
    const t = today();
    return rows.map((r) => {
      const goals = (r.goals as Row[]).map((g) => ({
        id: g.id,
        title: g.title,
        ownerId: g.ownerId,
        ownerName: g.ownerName,
        skillId: g.skillId,
        dueOn: day(g.dueOn),
        progress: g.progress,
        late: goalLate(day(g.dueOn), g.progress, t),
      }));
      return {
        id: r.id,
        personId: r.person_id,
        personName: r.person_name,
        title: r.title,
        status: r.status,
        employeeAgreedAt: r.employee_agreed_at,
        managerAgreedAt: r.manager_agreed_at,
        nextReviewOn: r.next_review_on ? day(r.next_review_on) : null,
        onTrack: !goals.some((g) => g.late),
        progress: goals.length ? goals.reduce((s, g) => s + g.progress, 0) / goals.length : 0,
        version: r.version,
        goals,
      };
    });
  }

  /**
   * A plan for a person with its goals, by the person or their manager (or HR). Every goal needs
   * an owner: the person or someone above them in their line. One transaction: nothing is kept
   * when a goal is refused.
   */
  async createPlan(viewer: Viewer, input: CreatePlanInput, requestId: string): Promise<DevelopmentPlan> {
    const id = await this.db.transaction(async (m) => {
      const relation = await personRelation(m, viewer, input.personId);
      const chain = await managerChain(m, viewer.organizationId, input.personId);
      const owners = new Set([input.personId, ...chain]);
      const [plan] = await m.query(
        `INSERT INTO development_plan (organization_id, person_id, team_id, title, next_review_on, created_by,
           employee_agreed_at, manager_agreed_at)
         SELECT $1, $2, p.team_id, $3, $4, $5, CASE WHEN $6 THEN now() END, CASE WHEN NOT $6 THEN now() END
           FROM person p WHERE p.id = $2 RETURNING id`,
        [
          viewer.organizationId,
          input.personId,
          input.title.trim(),
          input.nextReviewOn ?? null,
          viewer.personId,
          relation === 'SELF',
        ],
      );
      for (const [i, g] of input.goals.entries()) {
        if (!g.ownerId) throw badInput(`input.goals.${i}.ownerId`, 'Every goal needs an owner');
        if (!owners.has(g.ownerId) && relation !== 'ORG')
          throw badInput(
            `input.goals.${i}.ownerId`,
            'A goal’s owner is the employee or one of their managers',
          );
        const [o] = await m.query(`SELECT 1 FROM person WHERE id = $1 AND organization_id = $2`, [
          g.ownerId,
          viewer.organizationId,
        ]);
        if (!o) throw badInput(`input.goals.${i}.ownerId`, 'Unknown owner');
        if (g.skillId) {
          const [s] = await m.query(`SELECT 1 FROM skill WHERE id = $1 AND organization_id = $2`, [
            g.skillId,
            viewer.organizationId,
          ]);
          if (!s) throw badInput(`input.goals.${i}.skillId`, 'Unknown skill');
        }
        await m.query(
          `INSERT INTO plan_goal (organization_id, plan_id, title, owner_id, skill_id, due_on, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [viewer.organizationId, plan.id, g.title.trim(), g.ownerId, g.skillId ?? null, g.dueOn, i],
        );
      }
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.plan.create',
        entityType: 'development_plan',
        entityId: plan.id,
        after: { personId: input.personId, goals: input.goals.length },
      });
      return plan.id as string;
    });
    return (await this.loadPlans(this.db, viewer.organizationId, 'dp.id = $2', id))[0];
  }

  /** The employee and the manager each agree; the plan is agreed when both have. */
  async agree(viewer: Viewer, planId: string): Promise<DevelopmentPlan> {
    await this.db.transaction(async (m) => {
      const [p] = await m.query(
        `SELECT id, person_id, status, employee_agreed_at, manager_agreed_at FROM development_plan
          WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [planId, viewer.organizationId],
      );
      if (!p) throw notFound('Development plan');
      const relation = await personRelation(m, viewer, p.person_id);
      if (p.status !== PlanStatus.DRAFT) throw conflict('This plan is already agreed');
      const column = relation === 'SELF' ? 'employee_agreed_at' : 'manager_agreed_at';
      await m.query(
        `UPDATE development_plan SET ${column} = coalesce(${column}, now()), version = version + 1,
           status = CASE WHEN coalesce(employee_agreed_at, $2) IS NOT NULL AND coalesce(manager_agreed_at, $3) IS NOT NULL
                         THEN 'AGREED'::plan_status ELSE status END
          WHERE id = $1`,
        [p.id, relation === 'SELF' ? new Date() : null, relation === 'SELF' ? null : new Date()],
      );
    });
    return (await this.loadPlans(this.db, viewer.organizationId, 'dp.id = $2', planId))[0];
  }

  /** Progress of a goal: by its owner, the employee or a manager of their line. */
  async progress(viewer: Viewer, input: GoalProgressInput): Promise<DevelopmentPlan> {
    const planId = await this.db.transaction(async (m) => {
      const [g] = await m.query(
        `SELECT g.id, g.plan_id, g.owner_id, dp.person_id FROM plan_goal g JOIN development_plan dp ON dp.id = g.plan_id
          WHERE g.id = $1 AND g.organization_id = $2 FOR UPDATE OF g`,
        [input.goalId, viewer.organizationId],
      );
      if (!g) throw notFound('Goal');
      if (g.owner_id !== viewer.personId) await personRelation(m, viewer, g.person_id);
      await m.query(`UPDATE plan_goal SET progress = $2 WHERE id = $1`, [g.id, input.progress]);
      await m.query(`UPDATE development_plan SET version = version + 1 WHERE id = $1`, [g.plan_id]);
      return g.plan_id as string;
    });
    return (await this.loadPlans(this.db, viewer.organizationId, 'dp.id = $2', planId))[0];
  }
}
