import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertValidQuestions,
  getTemplate,
  instantiateTemplate,
  isSurveyRuleError,
  listTemplates,
  pickPulseQuestions,
  type LocalizedText,
  type Question,
  type TemplateKey,
} from '@symmetry/surveys';
import {
  Confidentiality,
  RecurrenceKind,
  SubjectKind,
  SurveyStatus,
  type CreateSurveyInput,
  type ScheduleSurveyInput,
  type Survey,
  type UpdateSurveyInput,
} from './dto/survey.types';
import {
  fromQuestionInput,
  SURVEY_COLUMNS,
  toSurvey,
  toTemplateInfo,
  type StoredRecurrence,
  type SurveyRow,
} from './survey.mapping';
import { SurveyRuntimeService } from './survey-runtime.service';
import { AuditService } from '../../platform/audit/audit.service';
import { badInput, conflict, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

/** Subject names used when a template names its subject but the survey has none (e.g. every manager). */
const GENERIC_SUBJECT: Record<string, LocalizedText> = {
  TRAINING_SESSION: { en: 'this training', fr: 'cette formation' },
  SERVICE_REQUEST: { en: 'the team that handled your request', fr: 'l’équipe qui a traité votre demande' },
  MANAGER: { en: 'my manager', fr: 'mon ou ma manager' },
  SUPPORT_SERVICE: { en: 'this support service', fr: 'ce service support' },
  ORGANIZATION: { en: 'our organisation', fr: 'notre organisation' },
};

/** Engine rule violations (malformed question, …) are bad input on the given field. */
export function engineToInput<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isSurveyRuleError(e)) throw badInput(field, e.message);
    throw e;
  }
}

/**
 * HR's survey builder: create from a template or from scratch, edit while in draft, schedule
 * (one-off or recurring), close, delete drafts, publish results. Every mutation is one
 * transaction with its audit event; edits use the version for optimistic locking.
 */
@Injectable()
export class SurveyAuthoringService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly runtime: SurveyRuntimeService,
  ) {}

  templates() {
    return listTemplates().map(toTemplateInfo);
  }

  async list(viewer: Viewer, status?: SurveyStatus): Promise<Survey[]> {
    const rows: SurveyRow[] = await this.db.query(
      `SELECT ${SURVEY_COLUMNS} FROM survey s WHERE s.organization_id = $1 AND ($2::survey_status IS NULL OR s.status = $2)
       ORDER BY s.created_at DESC, s.id`,
      [viewer.organizationId, status ?? null],
    );
    return rows.map(toSurvey);
  }

  async get(viewer: Viewer, id: string, m: EntityManager = this.db.manager, lock = false) {
    const rows: SurveyRow[] = await m.query(
      `SELECT ${SURVEY_COLUMNS} FROM survey s WHERE s.id = $1 AND s.organization_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, viewer.organizationId],
    );
    if (!rows.length) throw notFound('Survey');
    return toSurvey(rows[0]);
  }

  async create(viewer: Viewer, input: CreateSurveyInput, requestId: string): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const template = input.templateKey ? getTemplate(input.templateKey as TemplateKey) : null;
      const subjectKind =
        input.subjectKind ?? (template?.subjectKind as SubjectKind) ?? SubjectKind.ORGANIZATION;
      const subject = await this.subject(m, viewer, subjectKind, input.subjectId ?? null);
      const locale = await this.locale(m, viewer.organizationId);
      let questions: Question[];
      const questionSubjects: Record<string, string> = {};
      let pulseItems: number | null = null;
      if (input.questions) {
        questions = input.questions.map(fromQuestionInput);
      } else if (!template) {
        throw badInput('input.questions', 'Give questions or a template');
      } else if (template.key === 'pulse') {
        pulseItems = input.pulseItemsPerWave ?? 4;
        questions = pickPulseQuestions(1, pulseItems);
      } else if (template.key === 'support_service' && !subject) {
        // Rate every support service: one block of questions per service.
        const services: { id: string; name: string }[] = await m.query(
          `SELECT id, name FROM support_service WHERE organization_id = $1 ORDER BY name, id`,
          [viewer.organizationId],
        );
        if (!services.length) throw badInput('input.templateKey', 'The organisation has no support service');
        questions = services.flatMap((s, i) =>
          instantiateTemplate(template, { en: s.name, fr: s.name }).map((q) => {
            const id = `s${i + 1}_${q.id}`;
            questionSubjects[id] = s.id;
            return { ...q, id };
          }),
        );
      } else {
        const name = subject ? { en: subject.name, fr: subject.name } : GENERIC_SUBJECT[subjectKind];
        questions = engineToInput('input.subjectId', () => instantiateTemplate(template, name));
      }
      engineToInput('input.questions', () => assertValidQuestions(questions));
      if (!questions.length) throw badInput('input.questions', 'A survey needs at least one question');
      await this.checkAudience(m, viewer, input.audienceTeamIds ?? [], input.audiencePositionIds ?? []);
      const title =
        input.title?.trim() ||
        (template
          ? (template.key === 'pulse'
              ? { en: 'Pulse survey', fr: 'Baromètre' }[locale]
              : template.name[locale]) + (subject ? ` — ${subject.name}` : '')
          : '') ||
        null;
      if (!title) throw badInput('input.title', 'A survey needs a title');
      const k: number = (
        await m.query(`SELECT anonymity_threshold FROM organization WHERE id = $1`, [viewer.organizationId])
      )[0].anonymity_threshold;
      const commentThreshold = input.commentThreshold ?? Math.max(10, k);
      if (commentThreshold < k)
        throw badInput('input.commentThreshold', `The comment threshold cannot be below k (${k})`);
      const [{ id }] = await m.query(
        `INSERT INTO survey (organization_id, title, description, template_key, subject_kind, subject_id,
           confidentiality, questions, question_subjects, audience_team_ids, audience_position_ids,
           pulse_items_per_wave, comment_threshold, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
        [
          viewer.organizationId,
          title,
          input.description ?? template?.description[locale] ?? '',
          template?.key ?? null,
          subjectKind,
          subject?.id ?? null,
          input.confidentiality ?? template?.defaultConfidentiality ?? Confidentiality.ANONYMOUS,
          JSON.stringify(questions),
          JSON.stringify(questionSubjects),
          input.audienceTeamIds ?? [],
          input.audiencePositionIds ?? [],
          pulseItems,
          commentThreshold,
          viewer.personId,
        ],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.create',
        entityType: 'survey',
        entityId: id,
        after: { title, templateKey: template?.key ?? null, questions: questions.length },
      });
      return this.get(viewer, id, m);
    });
  }

  async update(
    viewer: Viewer,
    id: string,
    version: number,
    input: UpdateSurveyInput,
    requestId: string,
  ): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.version !== version)
        throw conflict('This survey was changed by someone else: reload it and apply your change again');
      const editsSetup =
        input.questions !== undefined ||
        input.confidentiality !== undefined ||
        input.audienceTeamIds !== undefined ||
        input.audiencePositionIds !== undefined ||
        input.commentThreshold !== undefined;
      if (editsSetup && s.questionsFrozen) {
        throw badInput(
          input.questions !== undefined ? 'input.questions' : 'input',
          'The survey has opened: its questions, audience and confidentiality are frozen',
        );
      }
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (col: string, v: unknown) => {
        values.push(v);
        sets.push(`${col} = $${values.length + 2}`);
      };
      if (input.title !== undefined) set('title', input.title.trim());
      if (input.description !== undefined) set('description', input.description);
      if (input.confidentiality !== undefined) set('confidentiality', input.confidentiality);
      if (input.questions !== undefined) {
        const questions = input.questions.map(fromQuestionInput);
        engineToInput('input.questions', () => assertValidQuestions(questions));
        if (!questions.length) throw badInput('input.questions', 'A survey needs at least one question');
        set('questions', JSON.stringify(questions));
        // Edited questions no longer rotate like a pulse, nor map to support services by position.
        set('pulse_items_per_wave', null);
        const kept = Object.fromEntries(
          Object.entries(s.questionSubjects).filter(([qid]) => questions.some((q) => q.id === qid)),
        );
        set('question_subjects', JSON.stringify(kept));
      }
      if (input.audienceTeamIds !== undefined || input.audiencePositionIds !== undefined) {
        await this.checkAudience(
          m,
          viewer,
          input.audienceTeamIds ?? s.audienceTeamIds,
          input.audiencePositionIds ?? s.audiencePositionIds,
        );
        if (input.audienceTeamIds !== undefined) set('audience_team_ids', input.audienceTeamIds);
        if (input.audiencePositionIds !== undefined) set('audience_position_ids', input.audiencePositionIds);
      }
      if (input.commentThreshold !== undefined) {
        const k = await this.k(m, viewer.organizationId);
        if (input.commentThreshold < k)
          throw badInput('input.commentThreshold', `The comment threshold cannot be below k (${k})`);
        set('comment_threshold', input.commentThreshold);
      }
      if (!sets.length) return s;
      await m.query(
        `UPDATE survey SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 AND organization_id = $2`,
        [id, viewer.organizationId, ...values],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.update',
        entityType: 'survey',
        entityId: id,
        after: {
          fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined),
        },
      });
      return this.get(viewer, id, m);
    });
  }

  async schedule(viewer: Viewer, id: string, input: ScheduleSurveyInput, requestId: string): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.status !== SurveyStatus.DRAFT && s.status !== SurveyStatus.SCHEDULED)
        throw badInput('id', `A ${s.status.toLowerCase()} survey cannot be scheduled again`);
      const now = Date.now();
      const opensAt = input.opensAt.getTime() <= now ? new Date(now) : input.opensAt;
      let recurrence: StoredRecurrence;
      if (input.kind === RecurrenceKind.ONE_OFF) {
        if (!input.closesAt) throw badInput('input.closesAt', 'A one-off survey needs a closing time');
        if (input.closesAt.getTime() <= opensAt.getTime())
          throw badInput('input.closesAt', 'The closing time must come after the opening time');
        if (input.closesAt.getTime() <= now)
          throw badInput('input.closesAt', 'The closing time is in the past');
        recurrence = {
          kind: 'ONE_OFF',
          opensAt: opensAt.toISOString(),
          closesAt: input.closesAt.toISOString(),
        };
      } else {
        if (!input.openForDays)
          throw badInput('input.openForDays', 'A recurring survey needs how many days each wave stays open');
        const interval = input.interval ?? 1;
        const maxDays = input.kind === RecurrenceKind.WEEKLY ? 7 * interval : 28 * interval;
        if (input.openForDays > maxDays)
          throw badInput('input.openForDays', `Waves would overlap: at most ${maxDays} days`);
        recurrence = {
          kind: input.kind,
          opensAt: opensAt.toISOString(),
          openForDays: input.openForDays,
          interval,
          ...(input.waveCount ? { waveCount: input.waveCount } : {}),
        };
      }
      await m.query(
        `UPDATE survey SET recurrence = $2, status = 'SCHEDULED', updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, JSON.stringify(recurrence)],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.schedule',
        entityType: 'survey',
        entityId: id,
        after: { ...recurrence },
      });
      if (opensAt.getTime() <= now) await this.runtime.openNextWave(m, id);
      return this.get(viewer, id, m);
    });
  }

  /** Back to draft before it opens. */
  async unschedule(viewer: Viewer, id: string, requestId: string): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.status !== SurveyStatus.SCHEDULED)
        throw badInput('id', 'Only a scheduled survey can go back to draft');
      await m.query(
        `UPDATE survey SET status = 'DRAFT', recurrence = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.unschedule',
        entityType: 'survey',
        entityId: id,
      });
      return this.get(viewer, id, m);
    });
  }

  async close(viewer: Viewer, id: string, requestId: string): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.status !== SurveyStatus.OPEN)
        throw badInput('id', `Only an open survey can be closed (it is ${s.status})`);
      await this.runtime.closeSurvey(m, id);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.close',
        entityType: 'survey',
        entityId: id,
      });
      return this.get(viewer, id, m);
    });
  }

  async remove(viewer: Viewer, id: string, requestId: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.status !== SurveyStatus.DRAFT) throw badInput('id', 'Only a draft survey can be deleted');
      await m.query(`DELETE FROM survey WHERE id = $1`, [id]);
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'survey.delete',
        entityType: 'survey',
        entityId: id,
        before: { title: s.title },
      });
      return true;
    });
  }

  async setPublished(viewer: Viewer, id: string, published: boolean, requestId: string): Promise<Survey> {
    return this.db.transaction(async (m) => {
      const s = await this.get(viewer, id, m, true);
      if (s.status === SurveyStatus.DRAFT || s.status === SurveyStatus.SCHEDULED)
        throw badInput('id', 'A survey that has not opened has no results to publish');
      await m.query(
        `UPDATE survey SET results_published = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, published],
      );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: published ? 'survey.publish' : 'survey.unpublish',
        entityType: 'survey',
        entityId: id,
      });
      return this.get(viewer, id, m);
    });
  }

  async subjectName(s: Survey): Promise<string | null> {
    if (!s.subjectId) return null;
    const sub = await this.subject(
      this.db.manager,
      { organizationId: s.organizationId } as Viewer,
      s.subjectKind,
      s.subjectId,
    );
    return sub?.name ?? null;
  }

  private async subject(m: EntityManager, viewer: Viewer, kind: SubjectKind, id: string | null) {
    if (!id) return null;
    let rows: { id: string; name: string }[] = [];
    if (kind === SubjectKind.SUPPORT_SERVICE)
      rows = await m.query(`SELECT id, name FROM support_service WHERE id = $1 AND organization_id = $2`, [
        id,
        viewer.organizationId,
      ]);
    else if (kind === SubjectKind.MANAGER)
      rows = await m.query(
        `SELECT id, first_name || ' ' || last_name AS name FROM person WHERE id = $1 AND organization_id = $2`,
        [id, viewer.organizationId],
      );
    else throw badInput('input.subjectId', `A ${kind.toLowerCase()} survey takes no subject yet`);
    if (!rows.length) throw badInput('input.subjectId', 'Unknown subject');
    return rows[0];
  }

  private async checkAudience(m: EntityManager, viewer: Viewer, teamIds: string[], positionIds: string[]) {
    if (teamIds.length) {
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM team WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
        [viewer.organizationId, teamIds],
      );
      if (n !== new Set(teamIds).size)
        throw badInput('input.audienceTeamIds', 'Unknown team in the audience');
    }
    if (positionIds.length) {
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM position WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
        [viewer.organizationId, positionIds],
      );
      if (n !== new Set(positionIds).size)
        throw badInput('input.audiencePositionIds', 'Unknown position in the audience');
    }
  }

  private async locale(m: EntityManager, organizationId: string): Promise<'en' | 'fr'> {
    const [{ default_locale }] = await m.query(`SELECT default_locale FROM organization WHERE id = $1`, [
      organizationId,
    ]);
    return default_locale === 'fr' ? 'fr' : 'en';
  }

  private async k(m: EntityManager, organizationId: string): Promise<number> {
    const [{ anonymity_threshold }] = await m.query(
      `SELECT anonymity_threshold FROM organization WHERE id = $1`,
      [organizationId],
    );
    return anonymity_threshold;
  }
}
