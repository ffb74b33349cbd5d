import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Dec, wordNotification } from '@symmetry/domain';
import {
  DecisionKind,
  DecisionReview,
  DecisionUnit,
  type AutonomyFigures,
  type AutonomyPoint,
  type CreateDecisionTypeInput,
  type DecisionEntry,
  type DecisionPage,
  type DecisionRight,
  type DecisionsArgs,
  type DecisionType,
  type LogDecisionInput,
  type ReviewDecisionInput,
  type RightUsage,
  type SetDecisionRightInput,
} from './dto/development.types';
import { assertTeamAccess, isAdmin, managerChain, personRelation, visibleTeams } from './development-access';
import { autonomyFromCounts, monthStarts, type AutonomyCounts } from './development-rules';
import { NotificationService } from '../notification/notification.service';
import { AuditService } from '../../platform/audit/audit.service';
import { lineTeams } from '../../platform/auth/line-teams';
import { badInput, conflict, forbidden, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const RIGHT_COLUMNS = `r.id, r.decision_type_id, dt.name AS type_name, dt.unit, r.position_id, p.title AS position_title,
  r.team_id, t.name AS team_name, r.limit_amount::text AS limit_amount, r.above_levels, r.above_note, r.valid_from, r.valid_to`;
const RIGHT_FROM = `decision_right r JOIN decision_type dt ON dt.id = r.decision_type_id
  LEFT JOIN position p ON p.id = r.position_id LEFT JOIN team t ON t.id = r.team_id`;

/** Most generous limit first; a null limit (none) is the most generous of all. */
export function byLimitDesc(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return new Dec(b).comparedTo(a);
}

export function toRight(r: Row): DecisionRight {
  return {
    id: r.id,
    decisionTypeId: r.decision_type_id,
    decisionTypeName: r.type_name,
    unit: r.unit,
    positionId: r.position_id,
    positionTitle: r.position_title,
    teamId: r.team_id,
    teamName: r.team_name,
    limitAmount: r.limit_amount ?? null,
    aboveLevels: r.above_levels,
    aboveNote: r.above_note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

const DECISION_SELECT = `SELECT d.id, d.person_id, d.team_id, d.decision_type_id, d.kind, d.amount::text AS amount,
  d.summary, d.decided_at, d.escalated_to, d.levels_crossed, d.answered_at, d.justification, d.review,
  d.reviewed_at, d.review_note, pe.first_name || ' ' || pe.last_name AS person_name, t.name AS team_name,
  dt.name AS type_name, e.first_name || ' ' || e.last_name AS escalated_name
  FROM decision_log d JOIN person pe ON pe.id = d.person_id JOIN team t ON t.id = d.team_id
  JOIN decision_type dt ON dt.id = d.decision_type_id LEFT JOIN person e ON e.id = d.escalated_to`;

export function toDecision(d: Row): DecisionEntry {
  return {
    id: d.id,
    personId: d.person_id,
    personName: d.person_name,
    teamId: d.team_id,
    teamName: d.team_name,
    decisionTypeId: d.decision_type_id,
    decisionTypeName: d.type_name,
    kind: d.kind,
    amount: d.amount ?? null,
    summary: d.summary,
    decidedAt: d.decided_at,
    escalatedToId: d.escalated_to,
    escalatedToName: d.escalated_name ?? null,
    levelsCrossed: d.levels_crossed,
    answeredAt: d.answered_at,
    delayHours: d.answered_at
      ? (new Date(d.answered_at).getTime() - new Date(d.decided_at).getTime()) / 3_600_000
      : null,
    justification: d.justification,
    review: d.review,
    reviewedAt: d.reviewed_at,
    reviewNote: d.review_note,
  };
}

/** Counts one decision (or a change of one) adds to the monthly rollups. */
interface RollupDelta {
  total?: number;
  local?: number;
  escalated?: number;
  answered?: number;
  delayHours?: number;
  levels?: number;
  confirmed?: number;
  overturned?: number;
  pending?: number;
}

/**
 * Decision rights (versioned) and the decision log, with the autonomy index per person, team and
 * organisation. The log's monthly rollups are kept in the same transaction as each write by
 * increments, which commute: two decisions logged at once both count.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  // ------------------------------------------------------------------------------------------
  // Types and rights

  async types(viewer: Viewer): Promise<DecisionType[]> {
    const rows: Row[] = await this.db.query(
      `SELECT id, name, description, unit FROM decision_type WHERE organization_id = $1 ORDER BY name`,
      [viewer.organizationId],
    );
    return rows as DecisionType[];
  }

  async createType(viewer: Viewer, input: CreateDecisionTypeInput, requestId: string): Promise<DecisionType> {
    return this.db.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO decision_type (organization_id, name, description, unit) VALUES ($1, $2, $3, $4)
         RETURNING id, name, description, unit`,
        [viewer.organizationId, input.name.trim(), input.description, input.unit],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.decision_type.create',
        entityType: 'decision_type',
        entityId: row.id,
        after: { name: row.name, unit: row.unit },
      });
      return row;
    });
  }

  /**
   * Rights in force (and, with history, the earlier versions): HR sees every right, a manager the
   * rights of their line's teams and of the positions held there, anyone the rights that apply to them.
   */
  async rights(viewer: Viewer, teamId: string | undefined, history: boolean): Promise<DecisionRight[]> {
    const current = history ? '' : 'AND r.valid_to IS NULL';
    if (teamId) {
      await assertTeamAccess(this.db, viewer, teamId);
      const rows: Row[] = await this.db.query(
        `SELECT ${RIGHT_COLUMNS} FROM ${RIGHT_FROM}
          WHERE r.organization_id = $1 ${current}
            AND (r.team_id = $2 OR r.position_id IN (SELECT position_id FROM person WHERE team_id = $2))
          ORDER BY dt.name, r.valid_from DESC`,
        [viewer.organizationId, teamId],
      );
      return rows.map(toRight);
    }
    if (isAdmin(viewer)) {
      const rows: Row[] = await this.db.query(
        `SELECT ${RIGHT_COLUMNS} FROM ${RIGHT_FROM} WHERE r.organization_id = $1 ${current}
          ORDER BY dt.name, r.valid_from DESC`,
        [viewer.organizationId],
      );
      return rows.map(toRight);
    }
    return this.applicableRights(this.db, viewer.organizationId, viewer.personId, history);
  }

  /** The rights that apply to a person (their position's and their team's). */
  async applicableRights(
    m: EntityManager | DataSource,
    organizationId: string,
    personId: string,
    history = false,
  ): Promise<DecisionRight[]> {
    const rows: Row[] = await m.query(
      `SELECT ${RIGHT_COLUMNS} FROM ${RIGHT_FROM} JOIN person pp ON pp.id = $2
        WHERE r.organization_id = $1 ${history ? '' : 'AND r.valid_to IS NULL'}
          AND (r.position_id = pp.position_id OR r.team_id = pp.team_id)
        ORDER BY dt.name, r.valid_from DESC`,
      [organizationId, personId],
    );
    return rows.map(toRight);
  }

  /** A new version of a right: the one in force (if any) ends now. Audited. */
  async setRight(viewer: Viewer, input: SetDecisionRightInput, requestId: string): Promise<DecisionRight> {
    if (!!input.positionId === !!input.teamId)
      throw badInput('input.positionId', 'Give either a position or a team, not both');
    return this.db.transaction(async (m) => {
      const [type] = await m.query(
        `SELECT id, unit FROM decision_type WHERE id = $1 AND organization_id = $2`,
        [input.decisionTypeId, viewer.organizationId],
      );
      if (!type) throw badInput('input.decisionTypeId', 'Unknown decision type');
      if (input.positionId) {
        if (!isAdmin(viewer)) throw forbidden('Only HR sets the rights of a position');
        const [p] = await m.query(`SELECT 1 FROM position WHERE id = $1 AND organization_id = $2`, [
          input.positionId,
          viewer.organizationId,
        ]);
        if (!p) throw badInput('input.positionId', 'Unknown position');
      } else await assertTeamAccess(m, viewer, input.teamId!);
      if (type.unit !== DecisionUnit.NONE && (input.limitAmount === null || input.limitAmount === undefined))
        throw badInput('input.limitAmount', 'This decision type needs a limit');
      const scopeId = input.positionId ?? input.teamId;
      const [[before]] = (await m.query(
        `UPDATE decision_right SET valid_to = now()
          WHERE decision_type_id = $1 AND coalesce(position_id, team_id) = $2 AND valid_to IS NULL
          RETURNING id, limit_amount::text AS limit_amount, above_levels`,
        [input.decisionTypeId, scopeId],
      )) as [Row[], number];
      const [row] = await m.query(
        `INSERT INTO decision_right (organization_id, decision_type_id, position_id, team_id, limit_amount, above_levels, above_note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          viewer.organizationId,
          input.decisionTypeId,
          input.positionId ?? null,
          input.teamId ?? null,
          type.unit === DecisionUnit.NONE ? null : input.limitAmount,
          input.aboveLevels,
          input.aboveNote,
          viewer.personId,
        ],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.decision_right.set',
        entityType: 'decision_right',
        entityId: row.id,
        before: before
          ? { id: before.id, limitAmount: before.limit_amount, aboveLevels: before.above_levels }
          : null,
        after: {
          decisionTypeId: input.decisionTypeId,
          positionId: input.positionId ?? null,
          teamId: input.teamId ?? null,
          limitAmount: input.limitAmount ?? null,
          aboveLevels: input.aboveLevels,
        },
      });
      const [r] = await m.query(`SELECT ${RIGHT_COLUMNS} FROM ${RIGHT_FROM} WHERE r.id = $1`, [row.id]);
      return toRight(r);
    });
  }

  /** Ends a right now (its history stays). */
  async endRight(viewer: Viewer, id: string, requestId: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [r] = await m.query(
        `SELECT id, position_id, team_id, valid_to FROM decision_right WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [id, viewer.organizationId],
      );
      if (!r) throw notFound('Decision right');
      if (r.position_id && !isAdmin(viewer)) throw forbidden('Only HR changes the rights of a position');
      if (r.team_id) await assertTeamAccess(m, viewer, r.team_id);
      if (r.valid_to) throw conflict('This right has already ended');
      await m.query(`UPDATE decision_right SET valid_to = now() WHERE id = $1`, [id]);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.decision_right.end',
        entityType: 'decision_right',
        entityId: id,
      });
      return true;
    });
  }

  // ------------------------------------------------------------------------------------------
  // The log

  /**
   * Logs a customer-facing decision of the viewer, for their own team: within their rights (up to
   * the limit), escalated to someone above them in their reporting line (levels counted from the
   * line), or beyond their rights with a justification their managers later confirm or overturn.
   */
  async log(viewer: Viewer, input: LogDecisionInput): Promise<DecisionEntry> {
    const now = new Date();
    if (input.decidedAt && input.decidedAt.getTime() > now.getTime() + 60_000)
      throw badInput('input.decidedAt', 'A decision cannot be logged in the future');
    // A device clock up to a minute ahead is tolerated, and its decision recorded as made now: a
    // decision is never stored after the moment it was logged (its answer may come at once).
    const decidedAt = input.decidedAt && input.decidedAt < now ? input.decidedAt : now;
    if (decidedAt.getTime() < now.getTime() - 30 * 86_400_000)
      throw badInput('input.decidedAt', 'Log decisions within 30 days');
    return this.db.transaction(async (m) => {
      const [me] = await m.query(
        `SELECT id, team_id, position_id FROM person WHERE id = $1 AND organization_id = $2`,
        [viewer.personId, viewer.organizationId],
      );
      if (!me?.team_id)
        throw badInput('input.teamId', 'You belong to no team: nothing to log a decision for');
      if (input.teamId && input.teamId !== me.team_id)
        throw badInput('input.teamId', 'You can log decisions for your own team only');
      const [type] = await m.query(
        `SELECT id, name, unit FROM decision_type WHERE id = $1 AND organization_id = $2`,
        [input.decisionTypeId, viewer.organizationId],
      );
      if (!type) throw badInput('input.decisionTypeId', 'Unknown decision type');
      if (type.unit !== DecisionUnit.NONE && (input.amount === null || input.amount === undefined))
        throw badInput('input.amount', 'Give the amount decided');
      const rights = (await this.applicableRights(m, viewer.organizationId, viewer.personId)).filter(
        (r) => r.decisionTypeId === type.id,
      );
      // The most generous right applies (a team's may widen its positions').
      const right = rights.sort((a, b) => byLimitDesc(a.limitAmount, b.limitAmount))[0] ?? null;
      let escalatedTo: string | null = null;
      let levels: number | null = null;
      let answeredAt: Date | null = null;
      let justification: string | null = null;
      switch (input.kind) {
        case DecisionKind.DECIDED_LOCALLY:
          if (!right)
            throw badInput(
              'input.kind',
              'You have no right to take this decision alone: escalate it, or log it as beyond your rights with a justification',
            );
          if (right.limitAmount !== null && new Dec(input.amount ?? 0).gt(right.limitAmount))
            throw badInput(
              'input.amount',
              `Above your limit of ${right.limitAmount}: escalate it, or log it as beyond your rights with a justification`,
            );
          break;
        case DecisionKind.ESCALATED: {
          if (!input.escalatedToId) throw badInput('input.escalatedToId', 'Say to whom you escalated');
          const chain = await managerChain(m, viewer.organizationId, viewer.personId);
          const at = chain.indexOf(input.escalatedToId);
          if (at < 0)
            throw badInput(
              'input.escalatedToId',
              'This person is not above you in your reporting line: escalate to your manager or higher',
            );
          escalatedTo = input.escalatedToId;
          levels = at + 1;
          if (input.answeredAt) {
            if (input.answeredAt.getTime() < decidedAt.getTime())
              throw badInput('input.answeredAt', 'The answer cannot come before the decision');
            if (input.answeredAt.getTime() > now.getTime() + 60_000)
              throw badInput('input.answeredAt', 'The answer cannot be in the future');
            answeredAt = input.answeredAt;
          }
          break;
        }
        case DecisionKind.BEYOND_RIGHTS:
          justification = input.justification?.trim() ?? '';
          if (justification.length < 10)
            throw badInput('input.justification', 'Explain in a sentence why you went beyond your rights');
          break;
      }
      const [row] = await m.query(
        `INSERT INTO decision_log (organization_id, team_id, person_id, decision_type_id, decision_right_id, kind, amount,
           summary, decided_at, escalated_to, levels_crossed, answered_at, justification, review)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          viewer.organizationId,
          me.team_id,
          viewer.personId,
          type.id,
          right?.id ?? null,
          input.kind,
          input.amount ?? null,
          input.summary.trim(),
          decidedAt,
          escalatedTo,
          levels,
          answeredAt,
          justification,
          input.kind === DecisionKind.BEYOND_RIGHTS ? DecisionReview.PENDING : null,
        ],
      );
      const delay = answeredAt ? (answeredAt.getTime() - decidedAt.getTime()) / 3_600_000 : null;
      await this.rollup(m, viewer.organizationId, me.team_id, decidedAt, {
        total: 1,
        local: input.kind === DecisionKind.DECIDED_LOCALLY ? 1 : 0,
        escalated: input.kind === DecisionKind.ESCALATED ? 1 : 0,
        levels: levels ?? 0,
        pending: input.kind === DecisionKind.BEYOND_RIGHTS ? 1 : 0,
        answered: delay === null ? 0 : 1,
        delayHours: delay ?? 0,
      });
      const chain =
        input.kind === DecisionKind.BEYOND_RIGHTS
          ? await managerChain(m, viewer.organizationId, viewer.personId)
          : [];
      const notify = escalatedTo && !answeredAt ? [escalatedTo] : chain.slice(0, 1);
      if (notify.length)
        await this.notifications.notify(m, {
          organizationId: viewer.organizationId,
          personIds: notify,
          ...wordNotification({
            kind: input.kind === DecisionKind.ESCALATED ? 'DECISION_ESCALATED' : 'DECISION_TO_REVIEW',
            decisionType: type.name,
            summary: input.summary.trim(),
          }),
          link: '/development/decisions',
          dedupeKey: `decision:${row.id}`,
        });
      return this.get(m, viewer.organizationId, row.id);
    });
  }

  private async get(
    m: EntityManager | DataSource,
    organizationId: string,
    id: string,
  ): Promise<DecisionEntry> {
    const [d] = await m.query(`${DECISION_SELECT} WHERE d.id = $1 AND d.organization_id = $2`, [
      id,
      organizationId,
    ]);
    if (!d) throw notFound('Decision');
    return toDecision(d);
  }

  /** A manager above the decider (or HR) confirms or overturns a decision taken beyond rights. */
  async review(viewer: Viewer, input: ReviewDecisionInput, requestId: string): Promise<DecisionEntry> {
    return this.db.transaction(async (m) => {
      const [d] = await m.query(
        `SELECT id, person_id, team_id, kind, review, decided_at FROM decision_log WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [input.decisionId, viewer.organizationId],
      );
      if (!d) throw notFound('Decision');
      if (d.person_id === viewer.personId) throw forbidden('You cannot review your own decision');
      const chain = await managerChain(m, viewer.organizationId, d.person_id);
      if (!chain.includes(viewer.personId) && !isAdmin(viewer)) {
        const teams = await lineTeams(m, viewer);
        if (!teams.some((t) => t.id === d.team_id)) throw forbidden('Only the decider’s managers review it');
      }
      if (d.kind !== DecisionKind.BEYOND_RIGHTS)
        throw badInput('input.decisionId', 'Only decisions taken beyond rights are confirmed or overturned');
      if (d.review !== DecisionReview.PENDING) throw conflict('This decision has already been reviewed');
      const review = input.confirmed ? DecisionReview.CONFIRMED : DecisionReview.OVERTURNED;
      await m.query(
        `UPDATE decision_log SET review = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4 WHERE id = $1`,
        [d.id, review, viewer.personId, input.note?.trim() || null],
      );
      await this.rollup(m, viewer.organizationId, d.team_id, new Date(d.decided_at), {
        pending: -1,
        confirmed: input.confirmed ? 1 : 0,
        overturned: input.confirmed ? 0 : 1,
      });
      await this.notifications.notify(m, {
        organizationId: viewer.organizationId,
        personIds: [d.person_id],
        ...wordNotification({
          kind: 'DECISION_REVIEWED',
          confirmed: input.confirmed,
          note: input.note?.trim() || '',
        }),
        link: '/development/decisions',
        dedupeKey: `decision-review:${d.id}`,
      });
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.decision.review',
        entityType: 'decision_log',
        entityId: d.id,
        before: { review: d.review },
        after: { review },
      });
      return this.get(m, viewer.organizationId, d.id);
    });
  }

  /** The answer to an escalation came: by the person it went to, the decider, or HR. */
  async answer(viewer: Viewer, decisionId: string): Promise<DecisionEntry> {
    return this.db.transaction(async (m) => {
      const [d] = await m.query(
        `SELECT id, person_id, team_id, kind, escalated_to, answered_at, decided_at, levels_crossed
           FROM decision_log WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [decisionId, viewer.organizationId],
      );
      if (!d) throw notFound('Decision');
      if (d.kind !== DecisionKind.ESCALATED) throw badInput('decisionId', 'Only escalations are answered');
      if (![d.person_id, d.escalated_to].includes(viewer.personId) && !isAdmin(viewer))
        throw forbidden('Only the person it was escalated to, or the decider, records the answer');
      if (d.answered_at) throw conflict('This escalation has already been answered');
      // The API's clock, as for decided_at, and never before the decision (clocks of the API and of
      // the database may differ by a moment).
      const [[{ now }]] = (await m.query(
        `UPDATE decision_log SET answered_at = greatest($2::timestamptz, decided_at) WHERE id = $1
         RETURNING answered_at AS now`,
        [d.id, new Date()],
      )) as [Row[], number];
      const delay = (new Date(now).getTime() - new Date(d.decided_at).getTime()) / 3_600_000;
      await this.rollup(m, viewer.organizationId, d.team_id, new Date(d.decided_at), {
        answered: 1,
        delayHours: delay,
      });
      return this.get(m, viewer.organizationId, d.id);
    });
  }

  /** Adds a decision's counts to its team's month, and an answered escalation's delay to the histogram. */
  private async rollup(m: EntityManager, org: string, teamId: string, decidedAt: Date, d: RollupDelta) {
    await m.query(
      `INSERT INTO autonomy_monthly AS a (organization_id, team_id, month, total, local, escalated, answered, delay_hours_sum,
         levels_sum, beyond_confirmed, beyond_overturned, beyond_pending)
       VALUES ($1, $2, date_trunc('month', $3::timestamptz AT TIME ZONE 'UTC')::date, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (organization_id, team_id, month) DO UPDATE SET
         total = a.total + EXCLUDED.total, local = a.local + EXCLUDED.local, escalated = a.escalated + EXCLUDED.escalated,
         answered = a.answered + EXCLUDED.answered, delay_hours_sum = a.delay_hours_sum + EXCLUDED.delay_hours_sum,
         levels_sum = a.levels_sum + EXCLUDED.levels_sum, beyond_confirmed = a.beyond_confirmed + EXCLUDED.beyond_confirmed,
         beyond_overturned = a.beyond_overturned + EXCLUDED.beyond_overturned, beyond_pending = a.beyond_pending + EXCLUDED.beyond_pending`,
      [
        org,
        teamId,
        decidedAt,
        d.total ?? 0,
        d.local ?? 0,
        d.escalated ?? 0,
        d.answered ?? 0,
        d.delayHours ?? 0,
        d.levels ?? 0,
        d.confirmed ?? 0,
        d.overturned ?? 0,
        d.pending ?? 0,
      ],
    );
    if (d.answered)
      await m.query(
        `INSERT INTO autonomy_delay_monthly AS h (organization_id, month, hour, n)
         VALUES ($1, date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date, least(floor($3::float8)::int, 10000), 1)
         ON CONFLICT (organization_id, month, hour) DO UPDATE SET n = h.n + 1`,
        [org, decidedAt, d.delayHours ?? 0],
      );
  }

  /** The log, newest first: the viewer's own by default, a person's or a team's in scope, or what awaits review. */
  async list(viewer: Viewer, args: DecisionsArgs): Promise<DecisionPage> {
    const where: string[] = ['d.organization_id = $1'];
    const params: unknown[] = [viewer.organizationId];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (args.pendingReview) {
      where.push(`d.review = 'PENDING'`);
      const teams = await visibleTeams(this.db, viewer);
      if (args.teamId) {
        await assertTeamAccess(this.db, viewer, args.teamId);
        add('d.team_id = ?', args.teamId);
      } else if (teams) add('d.team_id = ANY(?::uuid[])', teams);
      add('d.person_id <> ?', viewer.personId);
    } else if (args.personId) {
      await personRelation(this.db, viewer, args.personId);
      add('d.person_id = ?', args.personId);
    } else if (args.teamId) {
      await assertTeamAccess(this.db, viewer, args.teamId);
      add('d.team_id = ?', args.teamId);
    } else add('d.person_id = ?', viewer.personId);
    const sql = where.join(' AND ');
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `${DECISION_SELECT} WHERE ${sql} ORDER BY d.decided_at DESC, d.id LIMIT ${args.limit} OFFSET ${args.offset}`,
        params,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM decision_log d WHERE ${sql}`, params),
    ]);
    return { items: (rows as Row[]).map(toDecision), totalCount: n, offset: args.offset, limit: args.limit };
  }

  /** Escalations waiting for the viewer's answer. */
  async awaitingMe(viewer: Viewer): Promise<DecisionEntry[]> {
    const rows: Row[] = await this.db.query(
      `${DECISION_SELECT} WHERE d.escalated_to = $1 AND d.kind = 'ESCALATED' AND d.answered_at IS NULL AND d.organization_id = $2
        ORDER BY d.decided_at LIMIT 50`,
      [viewer.personId, viewer.organizationId],
    );
    return rows.map(toDecision);
  }

  // ------------------------------------------------------------------------------------------
  // The autonomy index

  /**
   * Figures of a team or a person from the log itself (one scan of their index range): the last
   * three months, the three before, and twelve monthly points.
   */
  async figures(
    column: 'team_id' | 'person_id',
    organizationId: string,
    id: string,
    now = new Date(),
  ): Promise<{ current: AutonomyFigures; previous: AutonomyFigures; trend: AutonomyPoint[] }> {
    const { from, current, previous, months } = monthStarts(now);
    const rows: Row[] = await this.db.query(
      `WITH d AS (
         SELECT kind, review, levels_crossed,
                CASE WHEN answered_at IS NOT NULL THEN extract(epoch FROM answered_at - decided_at) / 3600 END AS delay,
                to_char(date_trunc('month', decided_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
                CASE WHEN decided_at >= $4 THEN 'current' WHEN decided_at >= $5 THEN 'previous' END AS period
           FROM decision_log WHERE organization_id = $1 AND ${column} = $2 AND decided_at >= $3
       )
       SELECT month, period, count(*)::int AS total,
              count(*) FILTER (WHERE kind = 'DECIDED_LOCALLY')::int AS local,
              count(*) FILTER (WHERE kind = 'ESCALATED')::int AS escalated,
              count(*) FILTER (WHERE review = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE review = 'OVERTURNED')::int AS overturned,
              count(*) FILTER (WHERE review = 'PENDING')::int AS pending,
              coalesce(sum(levels_crossed), 0)::int AS levels,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY delay) FILTER (WHERE delay IS NOT NULL) AS median
         FROM d GROUP BY GROUPING SETS ((month), (period))`,
      [organizationId, id, from, current, previous],
    );
    const counts = (r: Row | undefined): AutonomyCounts => ({
      total: r?.total ?? 0,
      local: r?.local ?? 0,
      escalated: r?.escalated ?? 0,
      confirmed: r?.confirmed ?? 0,
      overturned: r?.overturned ?? 0,
      pending: r?.pending ?? 0,
      levelsSum: r?.levels ?? 0,
      medianDelayHours: r?.median ?? null,
    });
    const byPeriod = (p: string) => rows.find((r) => r.period === p && r.month === null);
    const byMonth = new Map(rows.filter((r) => r.month !== null).map((r) => [r.month as string, r]));
    return {
      current: autonomyFromCounts(counts(byPeriod('current'))),
      previous: autonomyFromCounts(counts(byPeriod('previous'))),
      trend: months.map((month) => {
        const f = autonomyFromCounts(counts(byMonth.get(month)));
        return {
          month,
          total: f.total,
          settledWithoutEscalationPercent: f.settledWithoutEscalationPercent,
          medianEscalationDelayHours: f.medianEscalationDelayHours,
          meanLevelsCrossed: f.meanLevelsCrossed,
          organizationPercent: null,
        };
      }),
    };
  }

  /** The organisation's figures from the monthly rollups and the delay histogram (no scan of the log). */
  async organizationFigures(
    organizationId: string,
    now = new Date(),
  ): Promise<{ current: AutonomyFigures; previous: AutonomyFigures; trend: AutonomyPoint[] }> {
    const { from, current, previous, months } = monthStarts(now);
    const [sums, hist]: [Row[], Row[]] = await Promise.all([
      this.db.query(
        `SELECT to_char(month, 'YYYY-MM') AS month, sum(total)::int AS total, sum(local)::int AS local,
                sum(escalated)::int AS escalated, sum(levels_sum)::int AS levels, sum(beyond_confirmed)::int AS confirmed,
                sum(beyond_overturned)::int AS overturned, sum(beyond_pending)::int AS pending
           FROM autonomy_monthly WHERE organization_id = $1 AND month >= $2::date GROUP BY month`,
        [organizationId, from],
      ),
      this.db.query(
        `SELECT to_char(month, 'YYYY-MM') AS month, hour, n FROM autonomy_delay_monthly
          WHERE organization_id = $1 AND month >= $2::date`,
        [organizationId, from],
      ),
    ]);
    const cur = current.toISOString().slice(0, 7);
    const prev = previous.toISOString().slice(0, 7);
    const inPeriod = (month: string, p: 'current' | 'previous') =>
      p === 'current' ? month >= cur : month >= prev && month < cur;
    const sumOf = (filter: (month: string) => boolean): AutonomyCounts => {
      const c: AutonomyCounts = {
        total: 0,
        local: 0,
        escalated: 0,
        confirmed: 0,
        overturned: 0,
        pending: 0,
        levelsSum: 0,
        medianDelayHours: null,
      };
      for (const r of sums)
        if (filter(r.month)) {
          c.total += r.total;
          c.local += r.local;
          c.escalated += r.escalated;
          c.confirmed += r.confirmed;
          c.overturned += r.overturned;
          c.pending += r.pending;
          c.levelsSum += r.levels;
        }
      c.medianDelayHours = histogramMedian(
        hist.filter((h) => filter(h.month)) as { hour: number; n: number }[],
      );
      return c;
    };
    return {
      current: autonomyFromCounts(sumOf((m) => inPeriod(m, 'current'))),
      previous: autonomyFromCounts(sumOf((m) => inPeriod(m, 'previous'))),
      trend: months.map((month) => {
        const f = autonomyFromCounts(sumOf((m) => m === month));
        return {
          month,
          total: f.total,
          settledWithoutEscalationPercent: f.settledWithoutEscalationPercent,
          medianEscalationDelayHours: f.medianEscalationDelayHours,
          meanLevelsCrossed: f.meanLevelsCrossed,
          organizationPercent: f.settledWithoutEscalationPercent,
        };
      }),
    };
  }

  /** How each decision type was used by a team over the last three months. */
  async rightsUsage(organizationId: string, teamId: string, now = new Date()): Promise<RightUsage[]> {
    const { current } = monthStarts(now);
    const rows: Row[] = await this.db.query(
      `SELECT d.decision_type_id, dt.name, count(*) FILTER (WHERE kind = 'DECIDED_LOCALLY')::int AS local,
              count(*) FILTER (WHERE kind = 'ESCALATED')::int AS escalated,
              count(*) FILTER (WHERE kind = 'BEYOND_RIGHTS')::int AS beyond
         FROM decision_log d JOIN decision_type dt ON dt.id = d.decision_type_id
        WHERE d.organization_id = $1 AND d.team_id = $2 AND d.decided_at >= $3
        GROUP BY d.decision_type_id, dt.name ORDER BY dt.name`,
      [organizationId, teamId, current],
    );
    return rows.map((r) => ({
      decisionTypeId: r.decision_type_id,
      decisionTypeName: r.name,
      decidedLocally: r.local,
      escalated: r.escalated,
      beyondRights: r.beyond,
    }));
  }

  /** Teams × months: % settled without escalation, from the rollups. */
  async heatmap(viewer: Viewer, now = new Date()) {
    const teams = await visibleTeams(this.db, viewer);
    if (teams && !teams.length) throw forbidden('You manage no team');
    const { from, months } = monthStarts(now);
    const rows: Row[] = await this.db.query(
      `SELECT a.team_id, t.name, to_char(a.month, 'YYYY-MM') AS month, a.total, a.local, a.beyond_confirmed, a.beyond_pending
         FROM autonomy_monthly a JOIN team t ON t.id = a.team_id
        WHERE a.organization_id = $1 AND a.month >= $2::date ${teams ? 'AND a.team_id = ANY($3::uuid[])' : ''}
        ORDER BY t.name, a.team_id`,
      teams ? [viewer.organizationId, from, teams] : [viewer.organizationId, from],
    );
    const byTeam = new Map<string, { name: string; cells: Map<string, Row> }>();
    for (const r of rows) {
      let t = byTeam.get(r.team_id);
      if (!t) byTeam.set(r.team_id, (t = { name: r.name, cells: new Map() }));
      t.cells.set(r.month, r);
    }
    const pct = (local: number, confirmed: number, total: number, pending: number) =>
      total - pending > 0 ? ((local + confirmed) * 100) / (total - pending) : null;
    return {
      columns: months,
      rows: [...byTeam].map(([teamId, t]) => {
        let l = 0,
          c = 0,
          n = 0,
          p = 0;
        const cells = months.map((month) => {
          const r = t.cells.get(month);
          if (!r) return null;
          l += r.local;
          c += r.beyond_confirmed;
          n += r.total;
          p += r.beyond_pending;
          return pct(r.local, r.beyond_confirmed, r.total, r.beyond_pending);
        });
        return { teamId, teamName: t.name, cells, overall: pct(l, c, n, p) };
      }),
    };
  }
}

/** Median of a histogram of whole hours (each bucket read at its middle). */
export function histogramMedian(rows: { hour: number; n: number }[]): number | null {
  const buckets = new Map<number, number>();
  let total = 0;
  for (const r of rows) {
    buckets.set(r.hour, (buckets.get(r.hour) ?? 0) + r.n);
    total += r.n;
  }
  if (!total) return null;
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const at = (k: number) => {
    let seen = 0;
    for (const [hour, n] of sorted) {
      seen += n;
      if (seen > k) return hour + 0.5;
    }
    return sorted[sorted.length - 1][0] + 0.5;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
