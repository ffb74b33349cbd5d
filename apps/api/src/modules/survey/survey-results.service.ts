import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  distributionFromCounts,
  MIN_DRIVER_ANALYSIS_RESPONDENTS,
  pearsonFromSums,
  scoreScale,
  isScaleType,
  type Question,
} from '@symmetry/surveys';
import {
  type CommentList,
  type DriverAnalysis,
  type Heatmap,
  type QuestionResult,
  type ResultSlice,
  type SurveyResults,
  type TrendPoint,
  QuestionType,
  SuppressedReason,
} from './dto/survey.types';
import { outcomeQuestion } from './survey-runtime.service';
import {
  buildSlices,
  decideSuppression,
  type CellRow,
  type Decisions,
  type SliceDef,
  type ViewerScope,
} from './survey-slices';
import { Role } from '../organization/organization.enums';
import { forbidden, notFound, badInput } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';
import { lineTeams } from '../../platform/auth/line-teams';

interface WaveInfo {
  id: string;
  number: number;
  status: string;
  closes_at: Date;
  questions: Question[];
  k: number;
  comment_threshold: number;
  released: number;
}

type View = Awaited<ReturnType<SurveyResultsService['buildView']>>;

type Counts = Map<string, Map<string, Map<string, number>>>; // question → cell → bucket → count

interface DriverRow {
  cell_id: string;
  question_id: string;
  n: number;
  sum_x: string;
  sum_y: string;
  sum_xx: string;
  sum_yy: string;
  sum_xy: string;
}

const MEMO_SIZE = 200;
const VIEW_CACHE_SIZE = 50;
const SCORE_TYPES = new Set(['LIKERT_5', 'CSAT_1_5', 'CES_1_7', 'NPS_0_10', 'YES_NO']);

/** Headline 0-100 score of a question (NPS −100..100): what heatmaps and trends show. */
function headline(r: QuestionResult): number | null {
  return r.favourable ?? r.csat ?? r.nps ?? r.easy ?? r.yes ?? null;
}

/**
 * Survey results for one viewer: the slices they may see (organisation or their line, teams,
 * tenure), small-cell and differencing suppression over all of them at once (libs/surveys
 * `suppress`), then statistics from the SQL-built snapshot counts. Decisions are memoised per
 * wave, release count and slice set: they are a pure function of data in PostgreSQL, so any
 * instance computes the same.
 */
@Injectable()
export class SurveyResultsService {
  private readonly memo = new Map<string, Decisions>();
  private readonly views = new Map<string, Promise<View>>();

  constructor(private readonly db: DataSource) {}

  async results(
    viewer: Viewer,
    surveyId: string,
    waveNumber?: number,
    sliceId?: string,
  ): Promise<SurveyResults> {
    const { survey, waves, wave, scope } = await this.select(viewer, surveyId, waveNumber);
    const view = await this.view(wave, scope);
    const focusId = sliceId ?? view.slices[0].id;
    const focus = view.slices.find((s) => s.id === focusId);
    if (!focus) throw badInput('sliceId', 'Unknown group, or not one you may see');
    const questions = this.questionResults(wave, view, focus);
    // The heavy parts are computed only when selected (SurveyResultsFieldsResolver): one team's
    // results do not pay for the organisation's heatmaps.
    return {
      surveyId,
      title: survey.title,
      confidentiality: survey.confidentiality,
      waveNumber: wave.number,
      waveStatus: wave.status,
      closesAt: wave.closes_at,
      k: wave.k,
      commentThreshold: wave.comment_threshold,
      scope: scope.kind,
      focus: this.sliceInfo(view, focus),
      questions,
      engagement: this.engagement(questions),
      deferred: {
        slices: () => view.slices.map((s) => this.sliceInfo(view, s)),
        heatmap: () => this.heatmap(wave, view),
        driverHeatmap: () => this.driverHeatmap(wave, view),
        drivers: () => this.drivers(wave, view, focus),
        comments: () => this.comments(wave, view, focus),
        trend: () => this.trend(waves, scope, focus.id),
      },
    };
  }

  /** The survey, its waves, the wave asked for (or the latest the viewer may read) and the viewer's scope. */
  private async select(viewer: Viewer, surveyId: string, waveNumber?: number) {
    const survey = await this.survey(viewer, surveyId);
    const waves = await this.waves(surveyId);
    if (!waves.length) throw badInput('surveyId', 'This survey has not opened yet: no results');
    const scope = await this.scope(viewer, survey.results_published);
    // Employees read published results of closed waves: by default the latest closed one.
    const readable = scope.kind === 'PUBLISHED' ? waves.filter((w) => w.status === 'CLOSED') : waves;
    const wave = waveNumber
      ? waves.find((w) => w.number === waveNumber)
      : (readable[readable.length - 1] ?? waves[waves.length - 1]);
    if (!wave) throw notFound('Wave');
    if (scope.kind === 'PUBLISHED' && wave.status !== 'CLOSED')
      throw forbidden('Results are published when the survey closes');
    return { survey, waves, wave, scope };
  }

  /** The results as CSV: one line per visible group and question; hidden figures say so. */
  async csv(viewer: Viewer, surveyId: string, waveNumber?: number): Promise<string> {
    const { wave, scope } = await this.select(viewer, surveyId, waveNumber);
    const view = await this.view(wave, scope);
    const esc = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s)
        ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"`
        : s;
    };
    const lines = [
      [
        'group',
        'question',
        'type',
        'respondents',
        'n',
        'mean',
        'favourable_pct',
        'csat_pct',
        'nps',
        'easy_pct',
        'yes_pct',
        'note',
      ]
        .map(esc)
        .join(','),
    ];
    for (const slice of view.slices) {
      const info = this.sliceInfo(view, slice);
      for (const r of this.questionResults(wave, view, slice)) {
        if (r.type === QuestionType.FREE_TEXT) continue;
        lines.push(
          [
            info.label,
            r.questionId,
            r.type,
            info.respondents,
            r.n,
            r.mean,
            r.favourable,
            r.csat,
            r.nps,
            r.easy,
            r.yes,
            r.shown ? '' : 'not enough answers',
          ]
            .map(esc)
            .join(','),
        );
      }
    }
    return lines.join('\n') + '\n';
  }

  /** Organisation-level headline figures of a closed wave, for the metrics the mirror reads. */
  async publishMetrics(m: EntityManager, organizationId: string, surveyId: string): Promise<number> {
    const waves = (await this.waves(surveyId, m)).filter((w) => w.status === 'CLOSED');
    const [survey] = await m.query(
      `SELECT subject_kind, subject_id, question_subjects FROM survey WHERE id = $1`,
      [surveyId],
    );
    let written = 0;
    for (const wave of waves) {
      const view = await this.view(wave, { kind: 'ORGANIZATION', teamIds: null, includeOrg: true }, m);
      await m.query(`DELETE FROM internal_metric_value WHERE source_wave_id = $1`, [wave.id]);
      for (const slice of view.slices.filter((s) => s.kind === 'ORGANIZATION' || s.kind === 'TEAM')) {
        for (const r of this.questionResults(wave, view, slice)) {
          if (!r.shown || r.n === null) continue;
          const serviceId =
            (survey.question_subjects as Record<string, string>)[r.questionId] ??
            (survey.subject_kind === 'SUPPORT_SERVICE' ? survey.subject_id : null);
          let metric: string | null = null;
          let value: number | null = null;
          if (r.type === QuestionType.NPS_0_10 && r.questionId === outcomeQuestion(wave.questions)) {
            metric = 'ENPS';
            value = r.nps;
          } else if (r.type === QuestionType.CSAT_1_5 && serviceId) {
            metric = 'INTERNAL_CSAT';
            value = r.csat;
          } else if (r.type === QuestionType.CES_1_7 && serviceId) {
            metric = 'INTERNAL_EFFORT';
            value = r.mean;
          }
          if (!metric || value === null) continue;
          await m.query(
            `INSERT INTO internal_metric_value (organization_id, metric, team_id, support_service_id, source_wave_id, period_end, value, n)
             VALUES ($1, $2, $3, $4, $5, $6::date, round($7::numeric, 3), $8)`,
            [
              organizationId,
              metric,
              slice.teamId,
              metric === 'ENPS' ? null : serviceId,
              wave.id,
              wave.closes_at,
              value,
              r.n,
            ],
          );
          written++;
        }
      }
    }
    return written;
  }

  // ------------------------------------------------------------------------------------------

  private async survey(viewer: Viewer, id: string) {
    const [s] = await this.db.query(
      `SELECT id, title, confidentiality, results_published FROM survey WHERE id = $1 AND organization_id = $2`,
      [id, viewer.organizationId],
    );
    if (!s) throw notFound('Survey');
    return s as { id: string; title: string; confidentiality: never; results_published: boolean };
  }

  private waves(surveyId: string, m: EntityManager | DataSource = this.db): Promise<WaveInfo[]> {
    return m.query(
      `SELECT id, number, status, closes_at, questions, k, comment_threshold, released
         FROM survey_wave WHERE survey_id = $1 ORDER BY number`,
      [surveyId],
    );
  }

  /** What the viewer may see: the organisation (HR), their line's teams (managers), or published results. */
  private async scope(
    viewer: Viewer,
    published: boolean,
  ): Promise<{
    kind: 'ORGANIZATION' | 'LINE' | 'PUBLISHED';
    teamIds: Set<string> | null;
    includeOrg: boolean;
  }> {
    if (viewer.roles.includes(Role.HR) || viewer.roles.includes(Role.ADMIN))
      return { kind: 'ORGANIZATION', teamIds: null, includeOrg: true };
    const teams = await lineTeams(this.db, viewer);
    if (teams.length)
      return { kind: 'LINE', teamIds: new Set(teams.map((t) => t.id)), includeOrg: published };
    if (published) return { kind: 'PUBLISHED', teamIds: new Set(), includeOrg: true };
    throw forbidden('Results of this survey are not published');
  }

  /** Cells, slices, counts and suppression decisions for one wave and one scope. */
  /**
   * The viewer's view of a wave, cached per wave, release count, status and scope: a closed wave
   * never changes, an open one only in batches (the release count is in the key). Pure function
   * of PostgreSQL data, so every instance builds the same; an instance only saves the work.
   */
  private view(wave: WaveInfo, scope: ViewerScope, m: EntityManager | DataSource = this.db): Promise<View> {
    const key = `${wave.id}|${wave.released}|${wave.status}|${scope.kind}|${scope.includeOrg}|${
      scope.teamIds ? [...scope.teamIds].sort().join(',') : '*'
    }`;
    if (m !== this.db) return this.buildView(wave, scope, m);
    let hit = this.views.get(key);
    if (!hit) {
      hit = this.buildView(wave, scope, m);
      hit.catch(() => this.views.delete(key));
      if (this.views.size >= VIEW_CACHE_SIZE) this.views.delete(this.views.keys().next().value!);
      this.views.set(key, hit);
    }
    return hit;
  }

  private async buildView(wave: WaveInfo, scope: ViewerScope, m: EntityManager | DataSource) {
    // On the pool the four reads run in parallel; inside a transaction (one connection) in turn.
    const q =
      <T>(sql: string) =>
      () =>
        m.query(sql, [wave.id]) as Promise<T>;
    const reads = [
      q<CellRow[]>(
        `SELECT id, team_id, tenure_bucket, invited FROM survey_cell WHERE wave_id = $1 ORDER BY id`,
      ),
      q<{ cell_id: string; question_id: string; bucket: string; count: number }[]>(
        `SELECT cell_id, question_id, bucket, count FROM survey_result_count WHERE wave_id = $1`,
      ),
      q<{ id: string; name: string; parent_id: string | null }[]>(
        `SELECT t.id, t.name, t.parent_id FROM team t WHERE t.organization_id = (SELECT organization_id FROM survey_wave WHERE id = $1)`,
      ),
      q<DriverRow[]>(
        `SELECT cell_id, question_id, n, sum_x, sum_y, sum_xx, sum_yy, sum_xy FROM survey_result_driver WHERE wave_id = $1`,
      ),
    ] as const;
    let results: unknown[];
    if (m === this.db) results = await Promise.all(reads.map((read) => read()));
    else {
      results = [];
      for (const read of reads) results.push(await read());
    }
    const [cells, counts, teams, driverRows] = results as [
      CellRow[],
      { cell_id: string; question_id: string; bucket: string; count: number }[],
      { id: string; name: string; parent_id: string | null }[],
      DriverRow[],
    ];
    const driverSums = new Map<string, DriverRow[]>();
    for (const r of driverRows) {
      const list = driverSums.get(r.question_id);
      if (list) list.push(r);
      else driverSums.set(r.question_id, [r]);
    }
    const byQuestion: Counts = new Map();
    for (const c of counts) {
      let q = byQuestion.get(c.question_id);
      if (!q) byQuestion.set(c.question_id, (q = new Map()));
      let cell = q.get(c.cell_id);
      if (!cell) q.set(c.cell_id, (cell = new Map()));
      cell.set(c.bucket, c.count);
    }
    const slices = buildSlices(cells, teams, scope);
    const decisions = this.decide(wave, cells, slices, byQuestion);
    return {
      cells: new Map(cells.map((c) => [c.id, c])),
      slices,
      counts: byQuestion,
      decisions,
      driverSums,
      results: new Map<string, QuestionResult[]>(),
    };
  }

  private decide(wave: WaveInfo, cells: CellRow[], slices: SliceDef[], counts: Counts): Decisions {
    const key = `${wave.id}|${wave.released}|${wave.status}|${slices.map((s) => s.id + ':' + s.cellIds.length).join(',')}|${cells.length}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const result = decideSuppression(
      cells,
      slices,
      (qid, bucket, cellId) => counts.get(qid)?.get(cellId)?.get(bucket) ?? 0,
      wave.questions,
      wave.k,
      wave.comment_threshold,
    );
    if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, result);
    return result;
  }

  private sliceInfo(view: View, s: SliceDef): ResultSlice {
    const d = view.decisions.respondents.get(s.id)!;
    const invited = s.cellIds.reduce((sum, id) => sum + (view.cells.get(id)?.invited ?? 0), 0);
    return {
      id: s.id,
      kind: s.kind,
      label: s.label,
      teamId: s.teamId,
      tenureBucket: s.tenureBucket,
      invited,
      shown: d.shown,
      reason: d.shown ? null : (d.reason as SuppressedReason),
      respondents: d.shown ? d.n : null,
      responseRate: d.shown && invited > 0 ? (100 * d.n) / invited : null,
    };
  }

  private sum(view: { counts: Counts }, qid: string, cellIds: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    const q = view.counts.get(qid);
    if (!q) return out;
    for (const id of cellIds) {
      const c = q.get(id);
      if (!c) continue;
      for (const [b, n] of c) out.set(b, (out.get(b) ?? 0) + n);
    }
    return out;
  }

  private questionResults(wave: WaveInfo, view: View, slice: SliceDef): QuestionResult[] {
    const cached = view.results.get(slice.id);
    if (cached) return cached;
    const computed = wave.questions.map((q) => {
      const d =
        q.type === 'FREE_TEXT'
          ? view.decisions.comments.get(q.id)!.get(slice.id)!
          : view.decisions.questions.get(q.id)!.get(slice.id)!;
      const base: QuestionResult = {
        questionId: q.id,
        type: q.type as QuestionType,
        text: q.text,
        driver: q.driver ?? null,
        shown: d.shown,
        reason: d.shown ? null : (d.reason as SuppressedReason),
        n: null,
        mean: null,
        favourable: null,
        csat: null,
        nps: null,
        easy: null,
        yes: null,
        score: null,
        distribution: null,
      };
      if (!d.shown) return base;
      const counts = this.sum(view, q.id, slice.cellIds);
      const n = counts.get('#') ?? 0;
      base.n = n;
      if (isScaleType(q.type)) {
        const rows = [...counts]
          .filter(([b]) => b !== '#')
          .map(([value, count]) => ({ value: Number(value), count }));
        const score = scoreScale(distributionFromCounts(q.type, rows));
        base.mean = score.mean;
        base.distribution = score.distribution.map((b) => ({
          key: String(b.value),
          count: b.count,
          share: score.n ? (100 * b.count) / score.n : 0,
        }));
        if (score.type === 'LIKERT_5') base.favourable = score.favourable;
        if (score.type === 'CSAT_1_5') base.csat = score.csat;
        if (score.type === 'CES_1_7') base.easy = score.easy;
        if (score.type === 'NPS_0_10') base.nps = score.nps?.score ?? null;
      } else if (q.type === 'YES_NO') {
        const yes = counts.get('1') ?? 0;
        base.yes = n ? (100 * yes) / n : null;
        base.distribution = [
          { key: 'yes', count: yes, share: n ? (100 * yes) / n : 0 },
          { key: 'no', count: n - yes, share: n ? (100 * (n - yes)) / n : 0 },
        ];
      } else if (q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE') {
        base.distribution = q.options.map((o) => {
          const c = counts.get(o.id) ?? 0;
          return { key: o.id, label: o.label, count: c, share: n ? (100 * c) / n : 0 };
        });
      }
      base.score = headline(base);
      return base;
    });
    view.results.set(slice.id, computed);
    return computed;
  }

  private engagement(results: QuestionResult[]): number | null {
    const fav = results
      .filter((r) => r.type === QuestionType.LIKERT_5 && r.favourable !== null)
      .map((r) => r.favourable!);
    return fav.length ? fav.reduce((a, b) => a + b, 0) / fav.length : null;
  }

  private heatmap(wave: WaveInfo, view: View): Heatmap {
    const rows = view.slices.filter((s) => s.kind !== 'TENURE' && s.kind !== 'TEAM_TENURE');
    const columns = wave.questions.filter((q) => SCORE_TYPES.has(q.type)).map((q) => q.id);
    const cells = rows.flatMap((s) => {
      const results = new Map(this.questionResults(wave, view, s).map((r) => [r.questionId, r]));
      return columns.map((c) => {
        const r = results.get(c)!;
        return { sliceId: s.id, column: c, score: r.shown ? r.score : null, shown: r.shown };
      });
    });
    return { rows: rows.map((s) => this.sliceInfo(view, s)), columns, cells };
  }

  private driverHeatmap(wave: WaveInfo, view: View): Heatmap {
    const rows = view.slices.filter((s) => s.kind !== 'TENURE' && s.kind !== 'TEAM_TENURE');
    const drivers = [
      ...new Set(wave.questions.filter((q) => q.type === 'LIKERT_5' && q.driver).map((q) => q.driver!)),
    ];
    const cells = rows.flatMap((s) => {
      const results = this.questionResults(wave, view, s);
      return drivers.map((d) => {
        const items = results.filter((r) => r.driver === d && r.type === QuestionType.LIKERT_5);
        const shown = items.length > 0 && items.every((r) => r.shown);
        const score = shown ? items.reduce((a, r) => a + (r.favourable ?? 0), 0) / items.length : null;
        return { sliceId: s.id, column: d, score, shown };
      });
    });
    return { rows: rows.map((s) => this.sliceInfo(view, s)), columns: drivers, cells };
  }

  private drivers(wave: WaveInfo, view: View, slice: SliceDef): DriverAnalysis {
    const outcome = outcomeQuestion(wave.questions) ?? 'engagement';
    const d = view.decisions.respondents.get(slice.id)!;
    const out: DriverAnalysis = {
      outcome,
      computed: false,
      reason: null,
      minRespondents: MIN_DRIVER_ANALYSIS_RESPONDENTS,
      items: [],
    };
    if (!d.shown) return { ...out, reason: 'NOT_ENOUGH_ANSWERS' };
    if (d.n < MIN_DRIVER_ANALYSIS_RESPONDENTS) return { ...out, reason: 'GROUP_TOO_SMALL' };
    const results = new Map(this.questionResults(wave, view, slice).map((r) => [r.questionId, r]));
    const sums = view.driverSums;
    const cellSet = new Set(slice.cellIds);
    const items = wave.questions
      .filter((q) => q.type === 'LIKERT_5' || q.type === 'CSAT_1_5' || q.type === 'CES_1_7')
      .map((q) => {
        const rows = (sums.get(q.id) ?? []).filter((r) => cellSet.has(r.cell_id));
        const total = rows.reduce(
          (a, r) => ({
            n: a.n + r.n,
            sumX: a.sumX + Number(r.sum_x),
            sumY: a.sumY + Number(r.sum_y),
            sumXX: a.sumXX + Number(r.sum_xx),
            sumYY: a.sumYY + Number(r.sum_yy),
            sumXY: a.sumXY + Number(r.sum_xy),
          }),
          { n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 },
        );
        const shown = results.get(q.id)?.shown ?? false;
        const corr = shown ? pearsonFromSums(total) : null;
        return {
          questionId: q.id,
          driver: q.driver ?? null,
          text: q.text,
          r: corr?.ok ? corr.r : null,
          n: shown ? total.n : 0,
          favourable: results.get(q.id)?.score ?? null,
        };
      })
      .sort((a, b) => (b.r ?? -2) - (a.r ?? -2));
    return { ...out, computed: true, items };
  }

  private async comments(wave: WaveInfo, view: View, slice: SliceDef): Promise<CommentList[]> {
    const out: CommentList[] = [];
    for (const q of wave.questions.filter((x) => x.type === 'FREE_TEXT')) {
      const d = view.decisions.comments.get(q.id)!.get(slice.id)!;
      let comments: string[] = [];
      if (d.shown) {
        const rows: { text: string }[] = await this.db.query(
          `SELECT text FROM survey_answer WHERE wave_id = $1 AND question_id = $2 AND cell_id = ANY($3::uuid[])
            ORDER BY md5(text || response_id::text) LIMIT 500`,
          [wave.id, q.id, slice.cellIds],
        );
        comments = rows.map((r) => r.text);
      }
      out.push({
        questionId: q.id,
        text: q.text,
        shown: d.shown,
        reason: d.shown ? null : (d.reason as SuppressedReason),
        comments,
      });
    }
    return out;
  }

  private async trend(
    waves: WaveInfo[],
    scope: { kind: 'ORGANIZATION' | 'LINE' | 'PUBLISHED'; teamIds: Set<string> | null; includeOrg: boolean },
    sliceId: string,
  ): Promise<TrendPoint[]> {
    if (waves.length < 2) return [];
    const points: TrendPoint[] = [];
    for (const wave of waves.slice(-24)) {
      if (scope.kind === 'PUBLISHED' && wave.status !== 'CLOSED') continue;
      const view = await this.view(wave, scope);
      const slice = view.slices.find((s) => s.id === sliceId);
      const d = slice ? view.decisions.respondents.get(slice.id)! : null;
      if (!slice || !d?.shown) {
        points.push({
          waveNumber: wave.number,
          closesAt: wave.closes_at,
          shown: false,
          enps: null,
          engagement: null,
          respondents: null,
        });
        continue;
      }
      const results = this.questionResults(wave, view, slice);
      const enpsId = outcomeQuestion(wave.questions);
      points.push({
        waveNumber: wave.number,
        closesAt: wave.closes_at,
        shown: true,
        enps: results.find((r) => r.questionId === enpsId)?.nps ?? null,
        engagement: this.engagement(results),
        respondents: d.n,
      });
    }
    return points;
  }
}
