import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AutonomyView,
  type DevelopmentReviewPage,
  type MyDevelopment,
  type PastReview,
  type PerceivedAutonomy,
  type RecordReviewInput,
  type ReviewRetention,
  type ReviewSurvey,
} from './dto/development.types';
import {
  assertTeamAccess,
  day,
  hasLeftOn,
  isAdmin,
  managerChain,
  personRelation,
  presentSql,
} from './development-access';
import { monthStarts } from './development-rules';
import { DecisionsService } from './decisions.service';
import { SkillsService } from './skills.service';
import { TrainingService } from './training.service';
import { CareersService } from './careers.service';
import { SurveyResultsService } from '../survey/survey-results.service';
import { QuestionType, type QuestionResult } from '../survey/dto/survey.types';
import { AuditService } from '../../platform/audit/audit.service';
import { lineTeams } from '../../platform/auth/line-teams';
import { badInput } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

/** How long the organisation's averages are reused before they are recomputed. */
export const ORG_FIGURES_TTL_MS = 10 * 60_000;

interface OrgFigures {
  autonomy: Awaited<ReturnType<DecisionsService['organizationFigures']>>;
  coverage: number | null;
  hoursPerFte: number | null;
  hoursPerFtePrev: number | null;
  completionsPerPerson: number | null;
  completionsPerPersonPrev: number | null;
  monthlyHoursPerFte: Record<string, number>;
  onTrackPercent: number | null;
  tenureYears: number | null;
  stablePercent: number | null;
  retention: number | null;
}

const ratio = (a: number, b: number, scale = 1) => (b > 0 ? (a * scale) / b : null);

/**
 * The manager's development review of a team (and HR's), an employee's own page, and the
 * organisation's averages beside each figure (stored in development_org_figures, recomputed at
 * most every ten minutes by the first reader: every instance shows the same).
 */
@Injectable()
export class DevelopmentReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly decisions: DecisionsService,
    private readonly skills: SkillsService,
    private readonly training: TrainingService,
    private readonly careers: CareersService,
    private readonly surveys: SurveyResultsService,
    private readonly audit: AuditService,
  ) {}

  async page(viewer: Viewer, teamId: string): Promise<DevelopmentReviewPage> {
    const team = await assertTeamAccess(this.db, viewer, teamId);
    const org = viewer.organizationId;
    const present = await presentSql(this.db, 'p');
    const now = new Date();
    const [orgFigures, people, autonomy, usage, coverage, training, months, plans, reviews] =
      await Promise.all([
        this.orgFigures(org),
        this.db.query(
          `SELECT count(*)::int AS n, coalesce(sum(p.fte), 0)::float AS fte,
                avg((current_date - p.hire_date) / 365.25)::float AS tenure,
                (100.0 * count(*) FILTER (WHERE p.hire_date <= current_date - 365) / nullif(count(*), 0))::float AS stable,
                (SELECT m.first_name || ' ' || m.last_name FROM team t JOIN person m ON m.id = t.manager_id WHERE t.id = $1) AS manager,
                (SELECT manager_id FROM team WHERE id = $1) AS manager_id
           FROM person p WHERE p.team_id = $1 AND p.organization_id = $2 AND ${present}`,
          [teamId, org],
        ) as Promise<Row[]>,
        this.decisions.figures('team_id', org, teamId, now),
        this.decisions.rightsUsage(org, teamId, now),
        this.skills.coverageRows(org, [teamId]),
        this.db.query(
          `SELECT coalesce(sum(hours) FILTER (WHERE completed_at >= now() - interval '12 months'), 0)::float AS h,
                coalesce(sum(hours) FILTER (WHERE completed_at < now() - interval '12 months'), 0)::float AS h_prev,
                count(*) FILTER (WHERE completed_at >= now() - interval '12 months')::int AS c,
                count(*) FILTER (WHERE completed_at < now() - interval '12 months')::int AS c_prev,
                (SELECT count(*)::int FROM training_need n JOIN person p ON p.id = n.person_id
                  WHERE p.team_id = $2 AND n.status IN ('OPEN', 'PLANNED')) AS needs
           FROM enrolment WHERE organization_id = $1 AND team_id = $2 AND status = 'COMPLETED'
            AND completed_at >= now() - interval '24 months'`,
          [org, teamId],
        ) as Promise<Row[]>,
        this.db.query(
          `SELECT to_char(date_trunc('month', completed_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, sum(hours)::float AS h
           FROM enrolment WHERE organization_id = $1 AND team_id = $2 AND status = 'COMPLETED' AND completed_at >= $3
          GROUP BY 1`,
          [org, teamId, monthStarts(now).from],
        ) as Promise<Row[]>,
        this.db.query(
          `SELECT dp.id, dp.status, dp.next_review_on, pe.first_name || ' ' || pe.last_name AS name,
                EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = dp.id AND g.progress < 100 AND g.due_on < current_date) AS late
           FROM development_plan dp JOIN person pe ON pe.id = dp.person_id
          WHERE dp.organization_id = $1 AND pe.team_id = $2 AND dp.status <> 'CLOSED'`,
          [org, teamId],
        ) as Promise<Row[]>,
        this.pastReviews(org, teamId),
      ]);
    const [p] = people;
    const [t] = training;
    const o = orgFigures;
    const orgByMonth = new Map(o.autonomy.trend.map((x) => [x.month, x.settledWithoutEscalationPercent]));
    const met = coverage.reduce((s, r) => s + r.met, 0);
    const required = coverage.reduce((s, r) => s + r.required, 0);
    const monthly = new Map(months.map((r) => [r.month as string, r.h as number]));
    const soon = new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const today = now.toISOString().slice(0, 10);
    const [perceived, engagement, upward] = await Promise.all([
      this.perceived(viewer, teamId),
      this.engagement(viewer, teamId, o),
      this.upward(viewer, p.manager_id),
    ]);
    const autonomyView: AutonomyView = {
      scope: 'TEAM',
      current: autonomy.current,
      previous: autonomy.previous,
      organization: o.autonomy.current,
      trend: autonomy.trend.map((x) => ({ ...x, organizationPercent: orgByMonth.get(x.month) ?? null })),
      perceived,
      rightsUsage: usage,
    };
    return {
      teamId,
      teamName: team.name,
      managerName: p.manager,
      headcount: p.n,
      autonomy: autonomyView,
      skills: {
        coverage: { value: ratio(met, required, 100), previous: null, organization: o.coverage },
        gaps: coverage
          .filter((r) => r.met < r.required)
          .sort((a, b) => b.required - b.met - (a.required - a.met))
          .slice(0, 10)
          .map((r) => ({
            skillId: r.skill_id,
            skillName: r.skill_name,
            below: r.required - r.met,
            required: r.required,
          })),
      },
      training: {
        hoursPerFte: {
          value: ratio(t.h, p.fte),
          previous: ratio(t.h_prev, p.fte),
          organization: o.hoursPerFte,
        },
        completions: {
          value: ratio(t.c, p.n),
          previous: ratio(t.c_prev, p.n),
          organization: o.completionsPerPerson,
        },
        openNeeds: t.needs,
        monthlyHours: monthStarts(now).months.map((month) => ({
          month,
          value: p.fte > 0 ? (monthly.get(month) ?? 0) / p.fte : null,
          organization: o.monthlyHoursPerFte[month] ?? 0,
        })),
      },
      plans: {
        total: plans.length,
        onTrack: plans.filter((x) => !x.late).length,
        late: plans.filter((x) => x.late).length,
        agreed: plans.filter((x) => x.status === 'AGREED').length,
        onTrackPercent: {
          value: ratio(plans.filter((x) => !x.late).length, plans.length, 100),
          previous: null,
          organization: o.onTrackPercent,
        },
        upcoming: plans
          .filter((x) => x.next_review_on && day(x.next_review_on) >= today && day(x.next_review_on) <= soon)
          .sort((a, b) => day(a.next_review_on).localeCompare(day(b.next_review_on)))
          .slice(0, 10)
          .map((x) => ({ planId: x.id, personName: x.name, nextReviewOn: day(x.next_review_on) })),
      },
      engagement,
      upwardFeedback: upward,
      retention: await this.retention(teamId, org, p, o),
      reviews,
    };
  }

  private async retention(teamId: string, org: string, p: Row, o: OrgFigures): Promise<ReviewRetention> {
    let retention: number | null = null;
    const leaving = await hasLeftOn(this.db);
    if (leaving) {
      const [r] = await this.db.query(
        `SELECT count(*) FILTER (WHERE hire_date <= current_date - 365 AND (left_on IS NULL OR left_on > current_date - 365))::int AS base,
                count(*) FILTER (WHERE left_on > current_date - 365 AND left_on <= current_date AND hire_date <= current_date - 365)::int AS gone
           FROM person WHERE team_id = $1 AND organization_id = $2`,
        [teamId, org],
      );
      retention = ratio(r.base - r.gone, r.base, 100);
    }
    return {
      basis: leaving ? 'LEAVING_DATES' : 'TENURE',
      headcount: p.n,
      retention: { value: retention, previous: null, organization: o.retention },
      tenureYears: { value: p.tenure, previous: null, organization: o.tenureYears },
      stablePercent: { value: p.stable, previous: null, organization: o.stablePercent },
    };
  }

  private async pastReviews(org: string, teamId: string): Promise<PastReview[]> {
    const rows: Row[] = await this.db.query(
      `SELECT r.id, r.reviewed_on, r.conclusions, b.first_name || ' ' || b.last_name AS by_name,
              coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'ownerId', a.owner_id,
                'ownerName', o.first_name || ' ' || o.last_name, 'dueOn', a.due_on, 'done', a.done)
                ORDER BY a.due_on NULLS LAST, a.title) FILTER (WHERE a.id IS NOT NULL), '[]') AS actions
         FROM development_review r LEFT JOIN person b ON b.id = r.recorded_by
         LEFT JOIN development_review_action a ON a.review_id = r.id LEFT JOIN person o ON o.id = a.owner_id
        WHERE r.organization_id = $1 AND r.team_id = $2
        GROUP BY r.id, b.first_name, b.last_name ORDER BY r.reviewed_on DESC, r.created_at DESC LIMIT 5`,
      [org, teamId],
    );
    return rows.map((r) => ({
      id: r.id,
      reviewedOn: day(r.reviewed_on),
      conclusions: r.conclusions,
      recordedByName: r.by_name,
      actions: (r.actions as Row[]).map((a) => ({
        id: a.id,
        title: a.title,
        ownerId: a.ownerId,
        ownerName: a.ownerName,
        dueOn: a.dueOn ? day(a.dueOn) : null,
        done: a.done,
      })),
    }));
  }

  /** Records the review's conclusions and actions (each with an owner), with a snapshot of the figures. */
  async record(viewer: Viewer, input: RecordReviewInput, requestId: string): Promise<PastReview[]> {
    await assertTeamAccess(this.db, viewer, input.teamId);
    for (const [i, a] of input.actions.entries())
      if (!a.ownerId) throw badInput(`input.actions.${i}.ownerId`, 'Every action needs an owner');
    const page = await this.page(viewer, input.teamId);
    await this.db.transaction(async (m) => {
      const owners: Row[] = await m.query(
        `SELECT id FROM person WHERE id = ANY($1::uuid[]) AND organization_id = $2`,
        [input.actions.map((a) => a.ownerId), viewer.organizationId],
      );
      const known = new Set(owners.map((o) => o.id));
      input.actions.forEach((a, i) => {
        if (!known.has(a.ownerId)) throw badInput(`input.actions.${i}.ownerId`, 'Unknown owner');
      });
      const [r] = await m.query(
        `INSERT INTO development_review (organization_id, team_id, reviewed_on, conclusions, snapshot, recorded_by)
         VALUES ($1, $2, current_date, $3, $4, $5) RETURNING id`,
        [
          viewer.organizationId,
          input.teamId,
          input.conclusions.trim(),
          JSON.stringify({
            autonomy: page.autonomy.current.settledWithoutEscalationPercent,
            coverage: page.skills.coverage.value,
            hoursPerFte: page.training.hoursPerFte.value,
            plansOnTrack: page.plans.onTrackPercent.value,
          }),
          viewer.personId,
        ],
      );
      if (input.actions.length)
        await m.query(
          `INSERT INTO development_review_action (organization_id, review_id, title, owner_id, due_on)
           SELECT $1, $2, a.title, a.owner, a.due FROM unnest($3::text[], $4::uuid[], $5::date[]) AS a(title, owner, due)`,
          [
            viewer.organizationId,
            r.id,
            input.actions.map((a) => a.title.trim()),
            input.actions.map((a) => a.ownerId),
            input.actions.map((a) => a.dueOn ?? null),
          ],
        );
      await this.audit.record(m, {
        organizationId: viewer.organizationId,
        actorPersonId: viewer.personId,
        requestId,
        action: 'development.review.record',
        entityType: 'development_review',
        entityId: r.id,
        after: { teamId: input.teamId, actions: input.actions.length },
      });
    });
    return this.pastReviews(viewer.organizationId, input.teamId);
  }

  // ------------------------------------------------------------------------------------------
  // Surveys, through the survey results service (its suppression decides what is shown)

  private async engagementSurveys(org: string, template: string, subjectId?: string) {
    const rows: Row[] = await this.db.query(
      `SELECT s.id, s.title, max(w.number) FILTER (WHERE w.status = 'CLOSED') AS wave, max(w.closes_at) AS closes_at
         FROM survey s JOIN survey_wave w ON w.survey_id = s.id
        WHERE s.organization_id = $1 AND s.template_key = $2 ${subjectId ? 'AND s.subject_id = $3' : ''}
        GROUP BY s.id, s.title HAVING count(*) FILTER (WHERE w.status = 'CLOSED') > 0
        ORDER BY max(w.closes_at) DESC LIMIT 2`,
      subjectId ? [org, template, subjectId] : [org, template],
    );
    return rows;
  }

  private async results(viewer: Viewer, surveyId: string, wave: number, slice?: string) {
    try {
      return await this.surveys.results(viewer, surveyId, wave, slice);
    } catch {
      return null; // The viewer may not see this group (or it has no cells): nothing shown.
    }
  }

  private autonomyScore(questions: QuestionResult[]): number | null {
    const items = questions.filter((q) => q.driver === 'autonomy' && q.type === QuestionType.LIKERT_5);
    if (!items.length || items.some((q) => !q.shown || q.favourable === null)) return null;
    return items.reduce((s, q) => s + q.favourable!, 0) / items.length;
  }

  /** Perceived autonomy: the engagement survey's autonomy items for the team, hidden below k. */
  async perceived(viewer: Viewer, teamId: string): Promise<PerceivedAutonomy | null> {
    const surveys = await this.engagementSurveys(viewer.organizationId, 'engagement');
    if (!surveys.length) return null;
    const [latest, before] = surveys;
    const [team, org, prev] = await Promise.all([
      this.results(viewer, latest.id, latest.wave, `team:${teamId}`),
      this.results(viewer, latest.id, latest.wave, 'org'),
      before ? this.results(viewer, before.id, before.wave, `team:${teamId}`) : null,
    ]);
    const favourable = team ? this.autonomyScore(team.questions) : null;
    return {
      shown: favourable !== null,
      surveyTitle: latest.title,
      closesAt: latest.closes_at,
      favourable,
      previous: prev ? this.autonomyScore(prev.questions) : null,
      organization: org ? this.autonomyScore(org.questions) : null,
      respondents: favourable !== null ? (team!.focus.respondents ?? null) : null,
    };
  }

  private async engagement(viewer: Viewer, teamId: string, o: OrgFigures): Promise<ReviewSurvey> {
    void o;
    const surveys = await this.engagementSurveys(viewer.organizationId, 'engagement');
    if (!surveys.length)
      return {
        shown: false,
        surveyTitle: null,
        score: { value: null, previous: null, organization: null },
        enps: null,
        respondents: null,
        note: 'NO_SURVEY',
      };
    const [latest, before] = surveys;
    const [team, org, prev] = await Promise.all([
      this.results(viewer, latest.id, latest.wave, `team:${teamId}`),
      this.results(viewer, latest.id, latest.wave, 'org'),
      before ? this.results(viewer, before.id, before.wave, `team:${teamId}`) : null,
    ]);
    const shown = !!team?.focus.shown;
    const enps = team?.questions.find((q) => q.type === QuestionType.NPS_0_10 && q.shown)?.nps ?? null;
    return {
      shown,
      surveyTitle: latest.title,
      score: {
        value: shown ? team!.engagement : null,
        previous: prev?.focus.shown ? prev.engagement : null,
        organization: org?.focus.shown ? org.engagement : null,
      },
      enps: shown ? enps : null,
      respondents: shown ? team!.focus.respondents : null,
      note: shown ? null : 'NOT_ENOUGH_ANSWERS',
    };
  }

  /** Upward feedback about the team's manager: the latest manager-feedback survey about them. */
  private async upward(viewer: Viewer, managerId: string | null): Promise<ReviewSurvey> {
    const none: ReviewSurvey = {
      shown: false,
      surveyTitle: null,
      score: { value: null, previous: null, organization: null },
      enps: null,
      respondents: null,
      note: 'NO_SURVEY',
    };
    if (!managerId) return none;
    const surveys = await this.engagementSurveys(viewer.organizationId, 'manager_feedback', managerId);
    if (!surveys.length) return none;
    const [latest, before] = surveys;
    const [r, prev] = await Promise.all([
      this.results(viewer, latest.id, latest.wave),
      before ? this.results(viewer, before.id, before.wave) : null,
    ]);
    const shown = !!r?.focus.shown;
    return {
      shown,
      surveyTitle: latest.title,
      score: {
        value: shown ? r!.engagement : null,
        previous: prev?.focus.shown ? prev.engagement : null,
        organization: null,
      },
      enps: null,
      respondents: shown ? r!.focus.respondents : null,
      note: shown ? null : 'NOT_ENOUGH_ANSWERS',
    };
  }

  // ------------------------------------------------------------------------------------------
  // The organisation's averages

  async orgFigures(org: string): Promise<OrgFigures> {
    const [hit] = await this.db.query(
      `SELECT figures FROM development_org_figures WHERE organization_id = $1 AND computed_at > now() - $2 * interval '1 millisecond'`,
      [org, ORG_FIGURES_TTL_MS],
    );
    if (hit) return hit.figures as OrgFigures;
    const figures = await this.computeOrgFigures(org);
    await this.db.query(
      `INSERT INTO development_org_figures (organization_id, computed_at, figures) VALUES ($1, now(), $2)
       ON CONFLICT (organization_id) DO UPDATE SET computed_at = now(), figures = EXCLUDED.figures`,
      [org, JSON.stringify(figures)],
    );
    return figures;
  }

  async computeOrgFigures(org: string): Promise<OrgFigures> {
    const now = new Date();
    const present = await presentSql(this.db, 'p');
    const leaving = await hasLeftOn(this.db);
    const [autonomy, coverage, [people], [t], months, [plans], retention] = await Promise.all([
      this.decisions.organizationFigures(org, now),
      this.skills.coverageTable(org, null),
      this.db.query(
        `SELECT count(*)::int AS n, coalesce(sum(p.fte), 0)::float AS fte,
                avg((current_date - p.hire_date) / 365.25)::float AS tenure,
                (100.0 * count(*) FILTER (WHERE p.hire_date <= current_date - 365) / nullif(count(*), 0))::float AS stable
           FROM person p WHERE p.organization_id = $1 AND ${present}`,
        [org],
      ) as Promise<Row[]>,
      this.db.query(
        `SELECT coalesce(sum(hours) FILTER (WHERE completed_at >= now() - interval '12 months'), 0)::float AS h,
                coalesce(sum(hours) FILTER (WHERE completed_at < now() - interval '12 months'), 0)::float AS h_prev,
                count(*) FILTER (WHERE completed_at >= now() - interval '12 months')::int AS c,
                count(*) FILTER (WHERE completed_at < now() - interval '12 months')::int AS c_prev
           FROM enrolment WHERE organization_id = $1 AND status = 'COMPLETED' AND completed_at >= now() - interval '24 months'`,
        [org],
      ) as Promise<Row[]>,
      this.db.query(
        `SELECT to_char(date_trunc('month', completed_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, sum(hours)::float AS h
           FROM enrolment WHERE organization_id = $1 AND status = 'COMPLETED' AND completed_at >= $2 GROUP BY 1`,
        [org, monthStarts(now).from],
      ) as Promise<Row[]>,
      this.db.query(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = dp.id AND g.progress < 100
                                                   AND g.due_on < current_date))::int AS on_track
           FROM development_plan dp WHERE dp.organization_id = $1 AND dp.status <> 'CLOSED'`,
        [org],
      ) as Promise<Row[]>,
      leaving
        ? (this.db.query(
            `SELECT count(*) FILTER (WHERE hire_date <= current_date - 365 AND (left_on IS NULL OR left_on > current_date - 365))::int AS base,
                    count(*) FILTER (WHERE left_on > current_date - 365 AND left_on <= current_date AND hire_date <= current_date - 365)::int AS gone
               FROM person WHERE organization_id = $1`,
            [org],
          ) as Promise<Row[]>)
        : Promise.resolve([] as Row[]),
    ]);
    const met = coverage.reduce((s, r) => s + r.met, 0);
    const required = coverage.reduce((s, r) => s + r.required, 0);
    return {
      autonomy,
      coverage: ratio(met, required, 100),
      hoursPerFte: ratio(t.h, people.fte),
      hoursPerFtePrev: ratio(t.h_prev, people.fte),
      completionsPerPerson: ratio(t.c, people.n),
      completionsPerPersonPrev: ratio(t.c_prev, people.n),
      monthlyHoursPerFte: Object.fromEntries(
        months.map((r) => [r.month, people.fte > 0 ? (r.h as number) / people.fte : 0]),
      ),
      onTrackPercent: ratio(plans.on_track, plans.n, 100),
      tenureYears: people.tenure,
      stablePercent: people.stable,
      retention: retention.length
        ? ratio(retention[0].base - retention[0].gone, retention[0].base, 100)
        : null,
    };
  }

  // ------------------------------------------------------------------------------------------
  // The employee's own page

  async mine(viewer: Viewer, personId?: string): Promise<MyDevelopment> {
    const id = personId ?? viewer.personId;
    if (personId) await personRelation(this.db, viewer, id);
    const org = viewer.organizationId;
    const [[p], skills, enrolments, needs, plans, roleHistory, rights, figures, orgFigures] =
      await Promise.all([
        this.db.query(
          `SELECT p.first_name || ' ' || p.last_name AS name, po.title, t.name AS team
           FROM person p LEFT JOIN position po ON po.id = p.position_id LEFT JOIN team t ON t.id = p.team_id
          WHERE p.id = $1 AND p.organization_id = $2`,
          [id, org],
        ) as Promise<Row[]>,
        this.skills.personSkills(viewer, id, true),
        this.training.enrolments(viewer, { personId: id }),
        this.training.needs(viewer, { personId: id }),
        this.careers.plans(viewer, { personId: id }),
        this.careers.roleHistory(viewer, id, true),
        this.decisions.applicableRights(this.db, org, id),
        this.decisions.figures('person_id', org, id),
        this.orgFigures(org),
      ]);
    const year = String(new Date().getUTCFullYear());
    return {
      personId: id,
      personName: p.name,
      positionTitle: p.title,
      teamName: p.team,
      skills,
      enrolments,
      hoursThisYear: enrolments
        .filter(
          (e) =>
            e.status === 'COMPLETED' &&
            e.completedAt &&
            new Date(e.completedAt).toISOString().startsWith(year),
        )
        .reduce((s, e) => s + (e.hours ?? 0), 0),
      needs,
      plans,
      roleHistory,
      rights,
      autonomy: {
        scope: 'PERSON',
        current: figures.current,
        previous: figures.previous,
        organization: orgFigures.autonomy.current,
        trend: figures.trend.map((x) => ({
          ...x,
          organizationPercent:
            orgFigures.autonomy.trend.find((o) => o.month === x.month)?.settledWithoutEscalationPercent ??
            null,
        })),
        perceived: null,
        rightsUsage: [],
      },
    };
  }

  /** Autonomy index of a team (its managers, HR) or a person (themself, their line, HR). */
  async autonomy(viewer: Viewer, teamId?: string, personId?: string): Promise<AutonomyView> {
    if (teamId) await assertTeamAccess(this.db, viewer, teamId);
    else if (personId) await personRelation(this.db, viewer, personId);
    const id = teamId ?? personId ?? viewer.personId;
    const [f, org, perceived, usage] = await Promise.all([
      this.decisions.figures(teamId ? 'team_id' : 'person_id', viewer.organizationId, id),
      this.orgFigures(viewer.organizationId),
      teamId ? this.perceived(viewer, teamId) : null,
      teamId ? this.decisions.rightsUsage(viewer.organizationId, teamId) : [],
    ]);
    const orgByMonth = new Map(org.autonomy.trend.map((x) => [x.month, x.settledWithoutEscalationPercent]));
    return {
      scope: teamId ? 'TEAM' : 'PERSON',
      current: f.current,
      previous: f.previous,
      organization: org.autonomy.current,
      trend: f.trend.map((x) => ({ ...x, organizationPercent: orgByMonth.get(x.month) ?? null })),
      perceived,
      rightsUsage: usage,
    };
  }

  /** Who the viewer may escalate to: their managers, nearest first. */
  async escalationTargets(viewer: Viewer) {
    const chain = await managerChain(this.db, viewer.organizationId, viewer.personId);
    if (!chain.length) return [];
    const rows: Row[] = await this.db.query(
      `SELECT id, first_name || ' ' || last_name AS name FROM person WHERE id = ANY($1::uuid[])`,
      [chain],
    );
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return chain.map((id, i) => ({ personId: id, name: names.get(id) ?? '', levels: i + 1 }));
  }

  /** Teams whose review the viewer can open. */
  async reviewTeams(viewer: Viewer) {
    if (isAdmin(viewer))
      return this.db.query(`SELECT id, name FROM team WHERE organization_id = $1 ORDER BY name`, [
        viewer.organizationId,
      ]);
    return lineTeams(this.db, viewer);
  }
}
