import { randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  pickPulseQuestions,
  validateAnswerSet,
  waveWindow,
  type NormalizedAnswer,
  type Question,
  type Recurrence,
  type RawAnswer,
} from '@symmetry/surveys';
import { wordNotification } from '@symmetry/domain';
import { planCells } from './survey-cells';
import { toGqlQuestion, type StoredRecurrence } from './survey.mapping';
import {
  Confidentiality,
  type AnswerInput,
  type MySurvey,
  type SubmitSurveyResponseInput,
  type SubmitSurveyResponseResult,
} from './dto/survey.types';
import { JobsService } from '../../platform/jobs/jobs.service';
import { NotificationService } from '../notification/notification.service';
import { AppError, badInput, conflict, ErrorCode, notFound } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

export const SURVEY_TICK = 'surveys.tick';
const REMINDER_BEFORE_CLOSE_MS = 48 * 3600_000;

/** The survey outcome question for driver analysis: eNPS when the wave has it. */
export function outcomeQuestion(questions: Question[]): string | null {
  return (questions.find((q) => q.id === 'enps') ?? questions.find((q) => q.type === 'NPS_0_10'))?.id ?? null;
}

function toEngineRecurrence(r: StoredRecurrence): Recurrence {
  if (r.kind === 'ONE_OFF') return { kind: 'ONE_OFF', opensAt: r.opensAt, closesAt: r.closesAt! };
  if (r.kind === 'WEEKLY')
    return {
      kind: 'WEEKLY',
      firstOpensAt: r.opensAt,
      openForDays: r.openForDays!,
      intervalWeeks: r.interval ?? 1,
      ...(r.waveCount ? { waveCount: r.waveCount } : {}),
    };
  return {
    kind: 'MONTHLY',
    firstOpensAt: r.opensAt,
    openForDays: r.openForDays!,
    intervalMonths: r.interval ?? 1,
    ...(r.waveCount ? { waveCount: r.waveCount } : {}),
  };
}

/** A typed GraphQL answer as the engine's raw answer, given the question it answers. */
function toRaw(a: AnswerInput, q: Question | undefined): RawAnswer {
  const given = [a.value, a.yes, a.optionIds, a.text].filter((v) => v !== undefined && v !== null).length;
  if (given > 1)
    throw badInput(`input.answers.${a.questionId}`, 'Give one of value, yes, optionIds or text per answer');
  let value: unknown = a.value ?? a.yes ?? a.text ?? undefined;
  if (a.optionIds)
    value = q?.type === 'SINGLE_CHOICE' && a.optionIds.length === 1 ? a.optionIds[0] : a.optionIds;
  return { questionId: a.questionId, value };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The running side of surveys: waves open (audience and demographic cells snapshotted, invitations
 * and notifications written), answers arrive (one per invitation, whole or not at all), anonymous
 * answers are released in shuffled batches of at least k, waves close, reminders go out. A pg-boss
 * cron (`surveys.tick`, every minute, once across instances) drives the clock; the submit path
 * enforces the closing time itself.
 */
@Injectable()
export class SurveyRuntimeService implements OnModuleInit {
  private readonly logger = new Logger('Surveys');

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SURVEY_TICK, cron: '* * * * *', handler: () => this.tick() });
  }

  // ------------------------------------------------------------------------------------------
  // Waves

  /**
   * Opens the survey's next wave if its window has started (the survey row must be locked by the
   * caller's transaction). Returns the wave id, or null when nothing was due.
   */
  async openNextWave(m: EntityManager, surveyId: string, now = new Date()): Promise<string | null> {
    const [s] = await m.query(
      `SELECT s.id, s.organization_id, s.status, s.questions, s.recurrence, s.pulse_items_per_wave,
              s.comment_threshold, s.audience_team_ids, s.audience_position_ids, s.subject_kind, s.subject_id,
              s.title, o.anonymity_threshold AS k,
              (SELECT max(number) FROM survey_wave w WHERE w.survey_id = s.id) AS last,
              (SELECT count(*)::int FROM survey_wave w WHERE w.survey_id = s.id AND w.status = 'OPEN') AS open_waves
         FROM survey s JOIN organization o ON o.id = s.organization_id WHERE s.id = $1`,
      [surveyId],
    );
    if (!s || !s.recurrence || s.status === 'CLOSED' || s.status === 'DRAFT' || s.open_waves > 0) return null;
    const rec = toEngineRecurrence(s.recurrence as StoredRecurrence);
    const limit = rec.kind === 'ONE_OFF' ? 1 : (rec.waveCount ?? Infinity);
    let number = (s.last ?? 0) + 1;
    // A tick that comes late skips waves whose window is already over.
    while (number <= limit && waveWindow(rec, number).closesAt.getTime() <= now.getTime()) number++;
    if (number > limit) {
      await m.query(`UPDATE survey SET status = 'CLOSED', updated_at = now() WHERE id = $1`, [surveyId]);
      return null;
    }
    const window = waveWindow(rec, number);
    if (window.opensAt.getTime() > now.getTime()) return null;
    const questions: Question[] = s.pulse_items_per_wave
      ? pickPulseQuestions(number, s.pulse_items_per_wave)
      : (s.questions as Question[]);
    const k: number = s.k;
    const commentThreshold = Math.max(s.comment_threshold, k);

    const invitees: { personId: string; teamId: string | null; hireDate: string }[] = await m.query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM team WHERE organization_id = $1 AND id = ANY($2::uuid[])
         UNION SELECT t.id FROM team t JOIN sub ON t.parent_id = sub.id
       )
       SELECT p.id AS "personId", p.team_id AS "teamId", p.hire_date::text AS "hireDate"
         FROM person p
        WHERE p.organization_id = $1
          AND (p.left_on IS NULL OR p.left_on > (SELECT (now() AT TIME ZONE time_zone)::date FROM organization WHERE id = $1))
          AND (cardinality($2::uuid[]) = 0 OR p.team_id IN (SELECT id FROM sub))
          AND (cardinality($3::uuid[]) = 0 OR p.position_id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR cardinality($2::uuid[]) > 0 OR cardinality($3::uuid[]) > 0 OR p.manager_id = $4)
          AND ($4::uuid IS NULL OR p.id <> $4)`,
      [
        s.organization_id,
        s.audience_team_ids,
        s.audience_position_ids,
        s.subject_kind === 'MANAGER' ? s.subject_id : null,
      ],
    );
    const teams: { id: string; parentId: string | null }[] = await m.query(
      `SELECT id, parent_id AS "parentId" FROM team WHERE organization_id = $1`,
      [s.organization_id],
    );
    const opensAt = new Date(
      Math.max(window.opensAt.getTime(), Math.min(now.getTime(), window.closesAt.getTime())),
    );
    const [{ id: waveId }] = await m.query(
      `INSERT INTO survey_wave (organization_id, survey_id, number, opens_at, closes_at, questions, k, comment_threshold, invited)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [
        s.organization_id,
        surveyId,
        number,
        opensAt,
        window.closesAt,
        JSON.stringify(questions),
        k,
        commentThreshold,
        invitees.length,
      ],
    );
    const cells = planCells(invitees, teams, k, opensAt);
    if (cells.length) {
      const cellIds = cells.map(() => randomUUID());
      await m.query(
        `INSERT INTO survey_cell (id, organization_id, wave_id, team_id, tenure_bucket, invited)
         SELECT id, $1, $2, team, bucket, invited
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[]) AS c(id, team, bucket, invited)`,
        [
          s.organization_id,
          waveId,
          cellIds,
          cells.map((c) => c.teamId),
          cells.map((c) => c.tenureBucket),
          cells.map((c) => c.personIds.length),
        ],
      );
      const persons = cells.flatMap((c) => c.personIds);
      const personCells = cells.flatMap((c, i) => c.personIds.map(() => cellIds[i]));
      await m.query(
        `INSERT INTO survey_invitation (organization_id, wave_id, person_id, cell_id)
         SELECT $1, $2, p, c FROM unnest($3::uuid[], $4::uuid[]) AS x(p, c)`,
        [s.organization_id, waveId, persons, personCells],
      );
      await this.notifications.notify(m, {
        organizationId: s.organization_id,
        personIds: persons,
        ...wordNotification({
          kind: 'SURVEY_INVITATION',
          survey: s.title,
          closesAt: window.closesAt.toISOString(),
        }),
        link: '/surveys/mine',
        dedupeKey: `survey-wave:${waveId}`,
      });
    }
    await m.query(`UPDATE survey SET status = 'OPEN', updated_at = now() WHERE id = $1`, [surveyId]);
    return waveId;
  }

  /** Closes the open wave of a survey (final release of every pending answer) and the survey if no wave follows. */
  async closeSurvey(m: EntityManager, surveyId: string): Promise<void> {
    const waves: { id: string }[] = await m.query(
      `SELECT id FROM survey_wave WHERE survey_id = $1 AND status = 'OPEN' FOR UPDATE`,
      [surveyId],
    );
    for (const w of waves) await this.closeWave(m, w.id);
    await m.query(
      `UPDATE survey SET status = 'CLOSED', updated_at = now(), version = version + 1 WHERE id = $1`,
      [surveyId],
    );
  }

  private async closeWave(m: EntityManager, waveId: string): Promise<void> {
    await this.flush(m, waveId, true);
    await m.query(`UPDATE survey_wave SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [waveId]);
    // The results snapshot is rebuilt from the stored answers once more, so it is exact for good.
    await this.rebuildSnapshot(m, waveId);
  }

  // ------------------------------------------------------------------------------------------
  // Answers

  async submit(viewer: Viewer, input: SubmitSurveyResponseInput): Promise<SubmitSurveyResponseResult> {
    const [inv] = await this.db.query(
      `SELECT i.id, i.consumed, i.wave_id, w.status, w.opens_at, w.closes_at, w.questions, w.k,
              s.confidentiality, w.organization_id
         FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id JOIN survey s ON s.id = w.survey_id
        WHERE i.id = $1 AND i.person_id = $2 AND i.organization_id = $3`,
      [input.invitationId, viewer.personId, viewer.organizationId],
    );
    if (!inv) throw notFound('Survey invitation');
    if (inv.consumed) throw conflict('You have already answered this survey');
    if (inv.status !== 'OPEN' || new Date(inv.closes_at).getTime() <= Date.now())
      throw badInput('input.invitationId', 'This survey is closed');
    const questions = inv.questions as Question[];
    const byId = new Map(questions.map((q) => [q.id, q]));
    const raw = input.answers.map((a) => toRaw(a, byId.get(a.questionId)));
    const checked = validateAnswerSet(questions, raw);
    if (!checked.ok) {
      const first = checked.errors[0];
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `${first.questionId}: ${first.message}`,
        `input.answers.${first.questionId}`,
        {
          problems: checked.errors.map((e) => ({
            questionId: e.questionId,
            code: e.code,
            message: e.message,
          })),
        },
      );
    }
    const anonymous = inv.confidentiality === Confidentiality.ANONYMOUS;
    // One statement, so one transaction: flip `consumed` (only one statement can, on any
    // instance) and, only if it flipped, store the answer set. It also counts what is pending.
    const [result] = await this.db.query(
      `WITH c AS (
         UPDATE survey_invitation i SET consumed = true
           FROM survey_wave w
          WHERE i.id = $1 AND i.person_id = $2 AND NOT i.consumed AND w.id = i.wave_id
            AND w.status = 'OPEN' AND now() < w.closes_at
          RETURNING i.cell_id
       ), stored AS (
         INSERT INTO survey_response_mailbox (organization_id, wave_id, cell_id, day, respondent_id, answers)
         SELECT $3, $4, c.cell_id, (now() AT TIME ZONE 'UTC')::date, $5, $6 FROM c
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM stored)::int AS stored,
              (SELECT count(*) FROM survey_response_mailbox WHERE wave_id = $4)::int AS pending_before`,
      [
        input.invitationId,
        viewer.personId,
        inv.organization_id,
        inv.wave_id,
        anonymous ? null : viewer.personId,
        JSON.stringify(checked.answers),
      ],
    );
    if (result.stored === 0) {
      const [again] = await this.db.query(`SELECT consumed FROM survey_invitation WHERE id = $1`, [
        input.invitationId,
      ]);
      if (again?.consumed) throw conflict('You have already answered this survey');
      throw badInput('input.invitationId', 'This survey is closed');
    }
    // A release of k pending answer sets, in its own transaction: its rows share no transaction
    // with any invitation. If it fails, the answers stay pending for the clock's next release.
    if (result.pending_before + 1 >= inv.k) {
      await this.db
        .transaction((m) => this.flush(m, inv.wave_id, false))
        .catch((e: unknown) =>
          this.logger.warn(`release deferred: ${e instanceof Error ? e.message : String(e)}`),
        );
    }
    return { accepted: true, confidentiality: inv.confidentiality };
  }

  /**
   * Moves pending answer sets of a wave into the reportable tables, in random order, in one
   * transaction, and adds them to the results snapshot. Without `force` it only moves a batch of
   * at least k (so results of an open wave change in steps of k).
   */
  async flush(m: EntityManager, waveId: string, force: boolean): Promise<number> {
    // One release at a time per wave. A submit that finds one under way does not wait for it (its
    // own answer set stays pending for the next release, the clock's, or the close); closing waits.
    if (force) await m.query(`SELECT pg_advisory_xact_lock(hashtext('survey-flush:' || $1::text))`, [waveId]);
    else {
      const [{ ok }] = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('survey-flush:' || $1::text)) AS ok`,
        [waveId],
      );
      if (!ok) return 0;
    }
    const [wave] = await m.query(`SELECT organization_id, k, questions FROM survey_wave WHERE id = $1`, [
      waveId,
    ]);
    const [{ pending }] = await m.query(
      `SELECT count(*)::int AS pending FROM survey_response_mailbox WHERE wave_id = $1`,
      [waveId],
    );
    if (pending === 0 || (!force && pending < wave.k)) return 0;
    const [taken] = await m.query(
      `DELETE FROM survey_response_mailbox WHERE wave_id = $1 RETURNING cell_id, day::text AS day, respondent_id, answers`,
      [waveId],
    );
    const batch = shuffle(
      (
        taken as { cell_id: string; day: string; respondent_id: string | null; answers: NormalizedAnswer[] }[]
      ).map((r) => ({ ...r, id: randomUUID() })),
    );
    await this.storeResponses(m, wave.organization_id, waveId, batch);
    await this.addToSnapshot(
      m,
      wave.organization_id,
      waveId,
      wave.questions,
      batch.map((b) => b.id),
    );
    await m.query(`UPDATE survey_wave SET released = released + $2 WHERE id = $1`, [waveId, batch.length]);
    return batch.length;
  }

  /** Writes responses and their answers (one row per answer, per option for multiple choice). */
  async storeResponses(
    m: EntityManager,
    organizationId: string,
    waveId: string,
    batch: {
      id: string;
      cell_id: string;
      day: string;
      respondent_id: string | null;
      answers: NormalizedAnswer[];
    }[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO survey_response (id, organization_id, wave_id, cell_id, day, respondent_id)
       SELECT id, $1, $2, cell, day, who FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::uuid[]) AS r(id, cell, day, who)`,
      [
        organizationId,
        waveId,
        batch.map((b) => b.id),
        batch.map((b) => b.cell_id),
        batch.map((b) => b.day),
        batch.map((b) => b.respondent_id),
      ],
    );
    const cols = { rid: [] as string[], cell: [] as string[], qid: [] as string[], ord: [] as number[] };
    const vals = {
      value: [] as (number | null)[],
      option: [] as (string | null)[],
      text: [] as (string | null)[],
    };
    const push = (
      b: (typeof batch)[number],
      qid: string,
      ord: number,
      v: number | null,
      o: string | null,
      t: string | null,
    ) => {
      cols.rid.push(b.id);
      cols.cell.push(b.cell_id);
      cols.qid.push(qid);
      cols.ord.push(ord);
      vals.value.push(v);
      vals.option.push(o);
      vals.text.push(t);
    };
    for (const b of batch) {
      for (const a of b.answers) {
        if (a.type === 'YES_NO') push(b, a.questionId, 0, a.value ? 1 : 0, null, null);
        else if (a.type === 'SINGLE_CHOICE') push(b, a.questionId, 0, null, a.optionId, null);
        else if (a.type === 'MULTIPLE_CHOICE')
          a.optionIds.forEach((o, i) => push(b, a.questionId, i, null, o, null));
        else if (a.type === 'FREE_TEXT') push(b, a.questionId, 0, null, null, a.text);
        else push(b, a.questionId, 0, a.value, null, null);
      }
    }
    // Chunks keep each statement's parameter arrays reasonable for very large batches.
    const CHUNK = 20_000;
    for (let i = 0; i < cols.rid.length; i += CHUNK) {
      const s = (arr: unknown[]) => arr.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO survey_answer (response_id, ordinal, organization_id, wave_id, cell_id, question_id, value, option_id, text)
         SELECT rid, ord, $1, $2, cell, qid, val, opt, txt
           FROM unnest($3::uuid[], $4::smallint[], $5::uuid[], $6::text[], $7::smallint[], $8::text[], $9::text[])
             AS a(rid, ord, cell, qid, val, opt, txt)`,
        [
          organizationId,
          waveId,
          s(cols.rid),
          s(cols.ord),
          s(cols.cell),
          s(cols.qid),
          s(vals.value),
          s(vals.option),
          s(vals.text),
        ],
      );
    }
  }

  /**
   * Adds responses (all of the wave's when `responseIds` is null) to the results snapshot, with
   * SQL GROUP BY: counts per cell × question × bucket, answered respondents per question ('#'),
   * respondents per cell ('*'), and the sums driver analysis needs.
   */
  async addToSnapshot(
    m: EntityManager,
    organizationId: string,
    waveId: string,
    questions: Question[],
    responseIds: string[] | null,
  ): Promise<void> {
    const only = responseIds ? 'AND a.response_id = ANY($3::uuid[])' : '';
    const onlyR = responseIds ? 'AND r.id = ANY($3::uuid[])' : '';
    const params = responseIds ? [organizationId, waveId, responseIds] : [organizationId, waveId];
    const add = `ON CONFLICT (wave_id, question_id, cell_id, bucket) DO UPDATE SET count = survey_result_count.count + EXCLUDED.count`;
    await m.query(
      `INSERT INTO survey_result_count (organization_id, wave_id, cell_id, question_id, bucket, count)
       SELECT $1, $2, a.cell_id, a.question_id, COALESCE(a.value::text, a.option_id), count(*)
         FROM survey_answer a WHERE a.wave_id = $2 AND a.text IS NULL ${only}
        GROUP BY a.cell_id, a.question_id, COALESCE(a.value::text, a.option_id)
       ${add}`,
      params,
    );
    await m.query(
      `INSERT INTO survey_result_count (organization_id, wave_id, cell_id, question_id, bucket, count)
       SELECT $1, $2, a.cell_id, a.question_id, '#', count(DISTINCT a.response_id)
         FROM survey_answer a WHERE a.wave_id = $2 ${only}
        GROUP BY a.cell_id, a.question_id
       ${add}`,
      params,
    );
    await m.query(
      `INSERT INTO survey_result_count (organization_id, wave_id, cell_id, question_id, bucket, count)
       SELECT $1, $2, r.cell_id, '*', '*', count(*) FROM survey_response r WHERE r.wave_id = $2 ${onlyR}
        GROUP BY r.cell_id
       ${add}`,
      params,
    );
    const outcome = outcomeQuestion(questions);
    const items = questions.filter(
      (q) => q.type === 'LIKERT_5' || q.type === 'CSAT_1_5' || q.type === 'CES_1_7',
    );
    if (!items.length) return;
    const likert = questions.filter((q) => q.type === 'LIKERT_5').map((q) => q.id);
    // y: the respondent's eNPS answer, or their engagement (% favourable of their Likert answers).
    const ySql = outcome
      ? `SELECT a.response_id, a.value::numeric AS y FROM survey_answer a
          WHERE a.wave_id = $2 AND a.question_id = '${outcome.replace(/'/g, "''")}' ${only}`
      : `SELECT a.response_id, 100.0 * avg((a.value >= 4)::int) AS y FROM survey_answer a
          WHERE a.wave_id = $2 AND a.question_id = ANY($${params.length + 2}::text[]) ${only} GROUP BY a.response_id`;
    const driverParams = [...params, items.map((q) => q.id), ...(outcome ? [] : [likert])];
    // A full rebuild joins every answer to its respondent's outcome: a hash join, whatever the
    // (often missing) statistics of a survey's fresh rows make the planner think.
    if (!responseIds) await m.query(`SET LOCAL enable_nestloop = off`);
    await m.query(
      `WITH y AS (${ySql})
       INSERT INTO survey_result_driver (organization_id, wave_id, cell_id, question_id, n, sum_x, sum_y, sum_xx, sum_yy, sum_xy)
       SELECT $1, $2, a.cell_id, a.question_id, count(*), sum(a.value), sum(y.y), sum(a.value * a.value),
              sum(y.y * y.y), sum(a.value * y.y)
         FROM survey_answer a JOIN y ON y.response_id = a.response_id
        WHERE a.wave_id = $2 AND a.question_id = ANY($${params.length + 1}::text[]) ${only}
        GROUP BY a.cell_id, a.question_id
       ON CONFLICT (wave_id, question_id, cell_id) DO UPDATE SET
         n = survey_result_driver.n + EXCLUDED.n, sum_x = survey_result_driver.sum_x + EXCLUDED.sum_x,
         sum_y = survey_result_driver.sum_y + EXCLUDED.sum_y, sum_xx = survey_result_driver.sum_xx + EXCLUDED.sum_xx,
         sum_yy = survey_result_driver.sum_yy + EXCLUDED.sum_yy, sum_xy = survey_result_driver.sum_xy + EXCLUDED.sum_xy`,
      driverParams,
    );
    if (!responseIds) await m.query(`SET LOCAL enable_nestloop = on`);
  }

  /** Rebuilds a wave's results snapshot from its stored answers. */
  async rebuildSnapshot(m: EntityManager, waveId: string): Promise<void> {
    const [wave] = await m.query(`SELECT organization_id, questions FROM survey_wave WHERE id = $1`, [
      waveId,
    ]);
    await m.query(`DELETE FROM survey_result_count WHERE wave_id = $1`, [waveId]);
    await m.query(`DELETE FROM survey_result_driver WHERE wave_id = $1`, [waveId]);
    await this.addToSnapshot(m, wave.organization_id, waveId, wave.questions, null);
    await m.query(
      `UPDATE survey_wave SET released = (SELECT count(*) FROM survey_response WHERE wave_id = $1) WHERE id = $1`,
      [waveId],
    );
  }

  // ------------------------------------------------------------------------------------------
  // The viewer's own surveys

  async mySurveys(viewer: Viewer): Promise<MySurvey[]> {
    const rows = await this.db.query(
      `SELECT i.id AS invitation_id, i.consumed, s.id AS survey_id, s.title, s.description, s.subject_kind,
              s.confidentiality, w.number, w.opens_at, w.closes_at, w.status, w.questions, w.k,
              CASE s.subject_kind WHEN 'SUPPORT_SERVICE' THEN (SELECT name FROM support_service WHERE id = s.subject_id)
                                  WHEN 'MANAGER' THEN (SELECT first_name || ' ' || last_name FROM person WHERE id = s.subject_id)
              END AS subject_name
         FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id JOIN survey s ON s.id = w.survey_id
        WHERE i.person_id = $1 AND i.organization_id = $2
          AND (w.status = 'OPEN' OR w.closes_at > now() - interval '90 days')
        ORDER BY (w.status = 'OPEN' AND NOT i.consumed) DESC, w.closes_at DESC
        LIMIT 100`,
      [viewer.personId, viewer.organizationId],
    );
    const now = Date.now();
    return rows.map((r: Record<string, unknown>) => {
      const open = r.status === 'OPEN' && new Date(r.closes_at as Date).getTime() > now;
      return {
        invitationId: r.invitation_id as string,
        surveyId: r.survey_id as string,
        title: r.title as string,
        description: r.description as string,
        subjectKind: r.subject_kind,
        subjectName: (r.subject_name as string | null) ?? null,
        confidentiality: r.confidentiality,
        waveNumber: r.number as number,
        opensAt: r.opens_at as Date,
        closesAt: r.closes_at as Date,
        answered: r.consumed as boolean,
        canAnswer: open && !r.consumed,
        k: r.k as number,
        questions: open && !r.consumed ? (r.questions as Question[]).map(toGqlQuestion) : [],
      } as MySurvey;
    });
  }

  // ------------------------------------------------------------------------------------------
  // The clock

  /** One pass of the survey clock; safe to run on several instances at once. */
  async tick(
    now = new Date(),
  ): Promise<{ opened: number; closed: number; reminded: number; flushed: number }> {
    let opened = 0;
    let closed = 0;
    let reminded = 0;
    let flushed = 0;
    // Close waves whose time is over.
    const due: { id: string; survey_id: string }[] = await this.db.query(
      `SELECT id, survey_id FROM survey_wave WHERE status = 'OPEN' AND closes_at <= $1`,
      [now],
    );
    for (const w of due) {
      await this.db.transaction(async (m) => {
        const [s] = await m.query(`SELECT recurrence FROM survey WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
          w.survey_id,
        ]);
        if (!s) return;
        const [still] = await m.query(`SELECT status FROM survey_wave WHERE id = $1`, [w.id]);
        if (still.status !== 'OPEN') return;
        await this.closeWave(m, w.id);
        closed++;
        const rec = s.recurrence as StoredRecurrence;
        if (rec.kind === 'ONE_OFF') {
          await m.query(`UPDATE survey SET status = 'CLOSED', updated_at = now() WHERE id = $1`, [
            w.survey_id,
          ]);
        }
      });
    }
    // Open first waves of scheduled surveys and next waves of recurring ones.
    const candidates: { id: string }[] = await this.db.query(
      `SELECT id FROM survey WHERE status IN ('SCHEDULED', 'OPEN') AND recurrence IS NOT NULL
          AND (recurrence->>'opensAt')::timestamptz <= $1
          AND NOT EXISTS (SELECT 1 FROM survey_wave w WHERE w.survey_id = survey.id AND w.status = 'OPEN')`,
      [now],
    );
    for (const c of candidates) {
      await this.db.transaction(async (m) => {
        const [s] = await m.query(`SELECT id FROM survey WHERE id = $1 FOR UPDATE SKIP LOCKED`, [c.id]);
        if (s && (await this.openNextWave(m, c.id, now))) opened++;
      });
    }
    // Reminders, once per wave, to those who have not answered, 48 hours before closing.
    const [remind] = (await this.db.query(
      `UPDATE survey_wave w SET last_reminder_at = $1
         FROM survey s
        WHERE s.id = w.survey_id AND w.status = 'OPEN' AND w.last_reminder_at IS NULL
          AND w.closes_at - $1::timestamptz <= $2 * interval '1 millisecond'
          AND w.opens_at <= $1::timestamptz - interval '1 day'
        RETURNING w.id, w.organization_id, s.title, w.closes_at`,
      [now, REMINDER_BEFORE_CLOSE_MS],
    )) as [{ id: string; organization_id: string; title: string; closes_at: Date }[], number];
    for (const w of remind) {
      await this.db.transaction(async (m) => {
        const [people] = (await m.query(
          `UPDATE survey_invitation SET reminders = reminders + 1 WHERE wave_id = $1 AND NOT consumed RETURNING person_id`,
          [w.id],
        )) as [{ person_id: string }[], number];
        reminded += await this.notifications.notify(m, {
          organizationId: w.organization_id,
          personIds: people.map((p) => p.person_id),
          ...wordNotification({
            kind: 'SURVEY_REMINDER',
            survey: w.title,
            closesAt: w.closes_at.toISOString(),
          }),
          link: '/surveys/mine',
          dedupeKey: `survey-reminder:${w.id}`,
        });
      });
    }
    // Release batches that reached k while racing submits each saw fewer.
    const pendingWaves: { wave_id: string }[] = await this.db.query(
      `SELECT b.wave_id FROM survey_response_mailbox b JOIN survey_wave w ON w.id = b.wave_id
        GROUP BY b.wave_id, w.k HAVING count(*) >= w.k`,
    );
    for (const p of pendingWaves)
      flushed += await this.db.transaction((m) => this.flush(m, p.wave_id, false));
    if (opened || closed || flushed)
      this.logger.log(`tick: opened ${opened}, closed ${closed}, flushed ${flushed}`);
    return { opened, closed, reminded, flushed };
  }
}
