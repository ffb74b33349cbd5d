import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { wordNotification } from '@symmetry/domain';
import { TRAINING_FEEDBACK_TEMPLATE, validateAnswerSet } from '@symmetry/surveys';
import {
  EnrolmentStatus,
  NeedSource,
  type Course,
  type CreateCourseInput,
  type CreateSessionInput,
  type EnrolInput,
  type Enrolment,
  type EnrolmentStatusInput,
  type RaiseNeedInput,
  type RateTrainingInput,
  type TrainingNeed,
  type TrainingSession,
} from './dto/development.types';
import { assertTeamAccess, personRelation, type PersonRelation } from './development-access';
import { NotificationService } from '../notification/notification.service';
import { AuditService } from '../../platform/audit/audit.service';
import {
  AppError,
  badInput,
  conflict,
  ErrorCode,
  forbidden,
  notFound,
} from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const ENROLMENT_SELECT = `SELECT e.id, e.session_id, c.title, s.starts_at, s.ends_at, e.person_id,
  p.first_name || ' ' || p.last_name AS person_name, e.status, e.requested_at, e.completed_at, e.hours, f.status AS feedback
  FROM enrolment e JOIN training_session s ON s.id = e.session_id JOIN course c ON c.id = s.course_id
  JOIN person p ON p.id = e.person_id LEFT JOIN enrolment_feedback f ON f.enrolment_id = e.id`;

export function toEnrolment(r: Row): Enrolment {
  return {
    id: r.id,
    sessionId: r.session_id,
    courseTitle: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    personId: r.person_id,
    personName: r.person_name,
    status: r.status,
    requestedAt: r.requested_at,
    completedAt: r.completed_at,
    hours: r.hours === null ? null : Number(r.hours),
    feedbackStatus: r.feedback ?? null,
  };
}

/** Seats are held from the request until a cancellation or a refusal. */
const HOLDS_SEAT = new Set<string>([
  EnrolmentStatus.REQUESTED,
  EnrolmentStatus.APPROVED,
  EnrolmentStatus.ATTENDED,
  EnrolmentStatus.COMPLETED,
]);

/**
 * Courses, sessions (capacity held by an atomic seat counter), enrolments through requested →
 * approved → attended → completed, training needs, and training feedback: a completed enrolment
 * invites its person to rate it with the surveys engine's training template, like a closed request.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async courses(viewer: Viewer): Promise<Course[]> {
    const rows: Row[] = await this.db.query(
      `SELECT c.id, c.title, c.description, c.skill_id, s.name AS skill_name, c.hours, c.active,
              f.n, f.fav, o.anonymity_threshold AS k
         FROM course c JOIN organization o ON o.id = c.organization_id LEFT JOIN skill s ON s.id = c.skill_id
         LEFT JOIN LATERAL (SELECT count(*)::int AS n, count(*) FILTER (WHERE csat >= 4)::int AS fav
                              FROM enrolment_feedback WHERE course_id = c.id AND status = 'RATED') f ON true
        WHERE c.organization_id = $1 ORDER BY c.title`,
      [viewer.organizationId],
    );
    return rows.map((r) => {
      const enough = r.n >= r.k;
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        skillId: r.skill_id,
        skillName: r.skill_name,
        hours: Number(r.hours),
        active: r.active,
        ratings: enough ? r.n : null,
        csat: enough ? (100 * r.fav) / r.n : null,
      };
    });
  }

  async createCourse(viewer: Viewer, input: CreateCourseInput, requestId: string): Promise<Course> {
    return this.db.transaction(async (m) => {
      if (input.skillId) {
        const [s] = await m.query(`SELECT 1 FROM skill WHERE id = $1 AND organization_id = $2`, [
          input.skillId,
          viewer.organizationId,
        ]);
        if (!s) throw badInput('input.skillId', 'Unknown skill');
      }
      const [row] = await m.query(
        `INSERT INTO course (organization_id, title, description, skill_id, hours) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [viewer.organizationId, input.title.trim(), input.description, input.skillId ?? null, input.hours],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.course.create',
        entityType: 'course',
        entityId: row.id,
        after: { title: input.title, hours: input.hours },
      });
      return {
        id: row.id,
        title: input.title.trim(),
        description: input.description,
        skillId: input.skillId ?? null,
        skillName: null,
        hours: input.hours,
        active: true,
        ratings: null,
        csat: null,
      };
    });
  }

  async createSession(
    viewer: Viewer,
    input: CreateSessionInput,
    requestId: string,
  ): Promise<TrainingSession> {
    if (input.endsAt.getTime() <= input.startsAt.getTime())
      throw badInput('input.endsAt', 'A session ends after it starts');
    const id = await this.db.transaction(async (m) => {
      const [c] = await m.query(`SELECT hours FROM course WHERE id = $1 AND organization_id = $2`, [
        input.courseId,
        viewer.organizationId,
      ]);
      if (!c) throw badInput('input.courseId', 'Unknown course');
      const [row] = await m.query(
        `INSERT INTO training_session (organization_id, course_id, starts_at, ends_at, trainer, location, capacity, hours, requires_approval)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          viewer.organizationId,
          input.courseId,
          input.startsAt,
          input.endsAt,
          input.trainer.trim(),
          input.location,
          input.capacity,
          input.hours ?? c.hours,
          input.requiresApproval,
        ],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.session.create',
        entityType: 'training_session',
        entityId: row.id,
        after: { courseId: input.courseId, capacity: input.capacity },
      });
      return row.id as string;
    });
    return (await this.sessions(viewer, { id }))[0];
  }

  /** Sessions (upcoming and running by default), with the viewer's own enrolment. */
  async sessions(
    viewer: Viewer,
    opts: { id?: string; courseId?: string; past?: boolean } = {},
  ): Promise<TrainingSession[]> {
    const where = ['s.organization_id = $1'];
    const params: unknown[] = [viewer.organizationId, viewer.personId];
    if (opts.id) {
      params.push(opts.id);
      where.push(`s.id = $${params.length}`);
    } else if (!opts.past) where.push('s.ends_at > now()');
    if (opts.courseId) {
      params.push(opts.courseId);
      where.push(`s.course_id = $${params.length}`);
    }
    const rows: Row[] = await this.db.query(
      `SELECT s.*, c.title, e.id AS my_id, e.status AS my_status
         FROM training_session s JOIN course c ON c.id = s.course_id
         LEFT JOIN enrolment e ON e.session_id = s.id AND e.person_id = $2
        WHERE ${where.join(' AND ')} ORDER BY s.starts_at ${opts.past ? 'DESC' : ''}, s.id LIMIT 100`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      courseId: r.course_id,
      courseTitle: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      trainer: r.trainer,
      location: r.location,
      capacity: r.capacity,
      seatsTaken: r.seats_taken,
      hours: Number(r.hours),
      requiresApproval: r.requires_approval,
      myStatus: r.my_status ?? null,
      myEnrolmentId: r.my_id ?? null,
    }));
  }

  /**
   * Enrols the viewer (or someone of their line, for a manager; anyone for HR). The seat is taken
   * by one conditional UPDATE of the session's counter, so two people racing for the last seat
   * cannot both get it; enrolling twice is refused; a failure leaves nothing behind.
   */
  async enrol(viewer: Viewer, input: EnrolInput): Promise<Enrolment> {
    const personId = input.personId ?? viewer.personId;
    const id = await this.db.transaction(async (m) => {
      const relation = await personRelation(m, viewer, personId);
      const [s] = await m.query(
        `SELECT id, ends_at, requires_approval FROM training_session WHERE id = $1 AND organization_id = $2`,
        [input.sessionId, viewer.organizationId],
      );
      if (!s) throw badInput('input.sessionId', 'Unknown session');
      if (new Date(s.ends_at).getTime() <= Date.now())
        throw badInput('input.sessionId', 'This session is over');
      const [existing] = await m.query(
        `SELECT id, status FROM enrolment WHERE session_id = $1 AND person_id = $2 FOR UPDATE`,
        [s.id, personId],
      );
      if (existing && HOLDS_SEAT.has(existing.status)) throw conflict('Already enrolled in this session');
      const [, taken] = (await m.query(
        `UPDATE training_session SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity`,
        [s.id],
      )) as [unknown, number];
      if (!taken) throw conflict('This session is full');
      const status =
        s.requires_approval && relation === 'SELF' ? EnrolmentStatus.REQUESTED : EnrolmentStatus.APPROVED;
      const approved = status === EnrolmentStatus.APPROVED;
      const [row] = existing
        ? (
            (await m.query(
              `UPDATE enrolment SET status = $2, requested_at = now(), requested_by = $3,
               approved_at = CASE WHEN $4 THEN now() END, approved_by = CASE WHEN $4 THEN $3::uuid END,
               attended_at = NULL, completed_at = NULL, hours = NULL
             WHERE id = $1 RETURNING id`,
              [existing.id, status, viewer.personId, approved],
            )) as [Row[], number]
          )[0]
        : await m.query(
            `INSERT INTO enrolment (organization_id, session_id, person_id, team_id, status, requested_by, approved_at, approved_by)
             SELECT $1, $2, $3, p.team_id, $4, $5, CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN $5::uuid END
               FROM person p WHERE p.id = $3 RETURNING id`,
            [viewer.organizationId, s.id, personId, status, viewer.personId, approved],
          );
      return row.id as string;
    });
    return this.enrolment(this.db, viewer.organizationId, id);
  }

  private async enrolment(m: EntityManager | DataSource, org: string, id: string): Promise<Enrolment> {
    const [r] = await m.query(`${ENROLMENT_SELECT} WHERE e.id = $1 AND e.organization_id = $2`, [id, org]);
    if (!r) throw notFound('Enrolment');
    return toEnrolment(r);
  }

  /**
   * Moves an enrolment on: a manager (of the person's line) or HR approves, rejects, records
   * attendance; the person, their manager or HR records completion once the session has started
   * (hours counted, feedback invited) or cancels before completion (the seat is freed).
   */
  async setStatus(viewer: Viewer, input: EnrolmentStatusInput, requestId: string): Promise<Enrolment> {
    await this.db.transaction(async (m) => {
      const [e] = await m.query(
        `SELECT e.id, e.person_id, e.status, e.session_id, s.starts_at, s.hours, s.course_id, c.title
           FROM enrolment e JOIN training_session s ON s.id = e.session_id JOIN course c ON c.id = s.course_id
          WHERE e.id = $1 AND e.organization_id = $2 FOR UPDATE OF e`,
        [input.enrolmentId, viewer.organizationId],
      );
      if (!e) throw notFound('Enrolment');
      const relation: PersonRelation = await personRelation(m, viewer, e.person_id);
      const from = e.status as EnrolmentStatus;
      const to = input.status;
      const managerOnly = () => {
        if (relation === 'SELF') throw forbidden('Your manager or HR decides this');
      };
      const allowed: Record<string, EnrolmentStatus[]> = {
        [EnrolmentStatus.APPROVED]: [EnrolmentStatus.REQUESTED],
        [EnrolmentStatus.REJECTED]: [EnrolmentStatus.REQUESTED],
        [EnrolmentStatus.ATTENDED]: [EnrolmentStatus.APPROVED],
        [EnrolmentStatus.COMPLETED]: [EnrolmentStatus.APPROVED, EnrolmentStatus.ATTENDED],
        [EnrolmentStatus.CANCELLED]: [EnrolmentStatus.REQUESTED, EnrolmentStatus.APPROVED],
      };
      if (!(allowed[to] ?? []).includes(from))
        throw badInput('input.status', `An enrolment cannot go from ${from} to ${to}`);
      if (
        to === EnrolmentStatus.APPROVED ||
        to === EnrolmentStatus.REJECTED ||
        to === EnrolmentStatus.ATTENDED
      )
        managerOnly();
      if (
        (to === EnrolmentStatus.ATTENDED || to === EnrolmentStatus.COMPLETED) &&
        new Date(e.starts_at) > new Date()
      )
        throw badInput('input.status', 'The session has not started yet');
      const sets: Record<string, [string, unknown[]]> = {
        [EnrolmentStatus.APPROVED]: [`, approved_at = now(), approved_by = $3`, [viewer.personId]],
        [EnrolmentStatus.REJECTED]: [`, approved_by = $3`, [viewer.personId]],
        [EnrolmentStatus.ATTENDED]: [`, attended_at = now()`, []],
        [EnrolmentStatus.COMPLETED]: [
          `, completed_at = now(), attended_at = coalesce(attended_at, now()), hours = $3`,
          [e.hours],
        ],
        [EnrolmentStatus.CANCELLED]: ['', []],
      };
      const [sql, extra] = sets[to];
      await m.query(`UPDATE enrolment SET status = $2 ${sql} WHERE id = $1`, [e.id, to, ...extra]);
      if (to === EnrolmentStatus.CANCELLED || to === EnrolmentStatus.REJECTED)
        await m.query(`UPDATE training_session SET seats_taken = seats_taken - 1 WHERE id = $1`, [
          e.session_id,
        ]);
      if (to === EnrolmentStatus.COMPLETED) {
        await m.query(
          `INSERT INTO enrolment_feedback (enrolment_id, organization_id, course_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [e.id, viewer.organizationId, e.course_id],
        );
        await m.query(
          `UPDATE training_need SET status = 'DONE' WHERE person_id = $1 AND status IN ('OPEN', 'PLANNED')
             AND (course_id = $2 OR skill_id = (SELECT skill_id FROM course WHERE id = $2))`,
          [e.person_id, e.course_id],
        );
        await this.notifications.notify(m, {
          organizationId: viewer.organizationId,
          personIds: [e.person_id],
          ...wordNotification({ kind: 'TRAINING_FEEDBACK', course: e.title }),
          link: '/development/me',
          dedupeKey: `training-feedback:${e.id}`,
        });
      }
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.enrolment.status',
        entityType: 'enrolment',
        entityId: e.id,
        before: { status: from },
        after: { status: to },
      });
    });
    return this.enrolment(this.db, viewer.organizationId, input.enrolmentId);
  }

  /** A person's enrolments, or a session's (manager of the line, HR). */
  async enrolments(viewer: Viewer, opts: { personId?: string; sessionId?: string; teamId?: string }) {
    if (opts.sessionId) {
      const rows: Row[] = await this.db.query(
        `${ENROLMENT_SELECT} WHERE e.session_id = $1 AND e.organization_id = $2 ORDER BY p.last_name, p.first_name`,
        [opts.sessionId, viewer.organizationId],
      );
      const visible: Enrolment[] = [];
      for (const r of rows) {
        try {
          await personRelation(this.db, viewer, r.person_id);
          visible.push(toEnrolment(r));
        } catch {
          // Not someone the viewer may see.
        }
      }
      return visible;
    }
    if (opts.teamId) {
      await assertTeamAccess(this.db, viewer, opts.teamId);
      const rows: Row[] = await this.db.query(
        `${ENROLMENT_SELECT} WHERE e.team_id = $1 AND e.organization_id = $2 ORDER BY s.starts_at DESC LIMIT 100`,
        [opts.teamId, viewer.organizationId],
      );
      return rows.map(toEnrolment);
    }
    const personId = opts.personId ?? viewer.personId;
    await personRelation(this.db, viewer, personId);
    const rows: Row[] = await this.db.query(
      `${ENROLMENT_SELECT} WHERE e.person_id = $1 AND e.organization_id = $2 ORDER BY s.starts_at DESC LIMIT 100`,
      [personId, viewer.organizationId],
    );
    return rows.map(toEnrolment);
  }

  /** The person rates a completed training, validated by the surveys engine (training template). */
  async rate(viewer: Viewer, input: RateTrainingInput): Promise<boolean> {
    const answers = [
      { questionId: 'training_csat', value: input.csat },
      ...(input.relevance != null ? [{ questionId: 'training_relevance', value: input.relevance }] : []),
      ...(input.apply != null ? [{ questionId: 'training_apply', value: input.apply }] : []),
      ...(input.trainer != null ? [{ questionId: 'training_trainer', value: input.trainer }] : []),
      ...(input.recommend != null ? [{ questionId: 'training_recommend', value: input.recommend }] : []),
      ...(input.comment?.trim() ? [{ questionId: 'training_comment', value: input.comment }] : []),
    ];
    // The template's Likert items are optional here: a one-minute rating needs the satisfaction only.
    const questions = TRAINING_FEEDBACK_TEMPLATE.questions.map((q) => ({
      ...q,
      required: q.id === 'training_csat',
    }));
    const checked = validateAnswerSet(questions, answers);
    if (!checked.ok) {
      const e = checked.errors[0];
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        e.message,
        `input.${e.questionId.replace('training_', '')}`,
      );
    }
    return this.db.transaction(async (m) => {
      const [e] = await m.query(
        `SELECT id, person_id FROM enrolment WHERE id = $1 AND organization_id = $2`,
        [input.enrolmentId, viewer.organizationId],
      );
      if (!e) throw notFound('Enrolment');
      if (e.person_id !== viewer.personId) throw forbidden('Only the trainee rates a training');
      const [f] = await m.query(`SELECT status FROM enrolment_feedback WHERE enrolment_id = $1 FOR UPDATE`, [
        e.id,
      ]);
      if (!f) throw badInput('input.enrolmentId', 'Rate a training once it is completed');
      if (f.status === 'RATED') throw conflict('You have already rated this training');
      await m.query(
        `UPDATE enrolment_feedback SET status = 'RATED', rated_at = now(), csat = $2, relevance = $3, apply = $4,
           trainer = $5, recommend = $6, comment = $7 WHERE enrolment_id = $1`,
        [
          e.id,
          input.csat,
          input.relevance ?? null,
          input.apply ?? null,
          input.trainer ?? null,
          input.recommend ?? null,
          input.comment?.trim() || null,
        ],
      );
      return true;
    });
  }

  /** A training need: raised by the person, by their manager, or from a skill gap. */
  async raiseNeed(viewer: Viewer, input: RaiseNeedInput): Promise<TrainingNeed> {
    const personId = input.personId ?? viewer.personId;
    if (!input.skillId && !input.courseId && !input.note.trim())
      throw badInput('input.note', 'Say what the need is: a skill, a course or a note');
    const id = await this.db.transaction(async (m) => {
      const relation = await personRelation(m, viewer, personId);
      if (input.skillId) {
        const [s] = await m.query(`SELECT 1 FROM skill WHERE id = $1 AND organization_id = $2`, [
          input.skillId,
          viewer.organizationId,
        ]);
        if (!s) throw badInput('input.skillId', 'Unknown skill');
      }
      if (input.courseId) {
        const [c] = await m.query(`SELECT 1 FROM course WHERE id = $1 AND organization_id = $2`, [
          input.courseId,
          viewer.organizationId,
        ]);
        if (!c) throw badInput('input.courseId', 'Unknown course');
      }
      const [gap] = input.skillId
        ? await m.query(
            `SELECT 1 FROM person p JOIN position_skill ps ON ps.position_id = p.position_id AND ps.skill_id = $2
               LEFT JOIN person_skill k ON k.person_id = p.id AND k.skill_id = $2
              WHERE p.id = $1 AND coalesce(k.manager_level, k.self_level, 0) < ps.required_level`,
            [personId, input.skillId],
          )
        : [];
      const source = gap ? NeedSource.GAP : relation === 'SELF' ? NeedSource.EMPLOYEE : NeedSource.MANAGER;
      const [row] = await m.query(
        `INSERT INTO training_need (organization_id, person_id, skill_id, course_id, source, note, raised_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          viewer.organizationId,
          personId,
          input.skillId ?? null,
          input.courseId ?? null,
          source,
          input.note.trim(),
          viewer.personId,
        ],
      );
      return row.id as string;
    });
    return (await this.needs(viewer, { id }))[0];
  }

  async needs(
    viewer: Viewer,
    opts: { id?: string; personId?: string; teamId?: string },
  ): Promise<TrainingNeed[]> {
    let where: string;
    let param: string;
    if (opts.id) {
      where = 'n.id = $2';
      param = opts.id;
    } else if (opts.teamId) {
      await assertTeamAccess(this.db, viewer, opts.teamId);
      where = `p.team_id = $2 AND n.status IN ('OPEN', 'PLANNED')`;
      param = opts.teamId;
    } else {
      param = opts.personId ?? viewer.personId;
      await personRelation(this.db, viewer, param);
      where = 'n.person_id = $2';
    }
    const rows: Row[] = await this.db.query(
      `SELECT n.*, p.first_name || ' ' || p.last_name AS person_name, s.name AS skill_name, c.title AS course_title
         FROM training_need n JOIN person p ON p.id = n.person_id LEFT JOIN skill s ON s.id = n.skill_id
         LEFT JOIN course c ON c.id = n.course_id
        WHERE n.organization_id = $1 AND ${where} ORDER BY n.created_at DESC LIMIT 100`,
      [viewer.organizationId, param],
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      skillId: r.skill_id,
      skillName: r.skill_name,
      courseId: r.course_id,
      courseTitle: r.course_title,
      source: r.source,
      note: r.note,
      status: r.status,
      createdAt: r.created_at,
    }));
  }
}
