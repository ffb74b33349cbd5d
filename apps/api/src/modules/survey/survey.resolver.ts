import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { ParseUUIDPipe } from '@nestjs/common';
import {
  CommentList,
  DriverAnalysis,
  Heatmap,
  ResultSlice,
  TrendPoint,
  CreateSurveyInput,
  MySurvey,
  ScheduleSurveyInput,
  SubmitSurveyResponseInput,
  SubmitSurveyResponseResult,
  Survey,
  SurveyIdArgs,
  SurveyResults,
  SurveyResultsArgs,
  SurveysArgs,
  SurveyTemplateInfo,
  SurveyWave,
  UpdateSurveyInput,
} from './dto/survey.types';
import { SurveyAuthoringService } from './survey-authoring.service';
import { SurveyRuntimeService } from './survey-runtime.service';
import { SurveyResultsService } from './survey-results.service';
import { Authorize, HR_OR_ADMIN, Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { Role } from '../organization/organization.enums';

/** HR's survey builder and lifecycle. */
@Resolver(() => Survey)
@Authorize({ roles: HR_OR_ADMIN })
export class SurveyResolver {
  constructor(
    private readonly authoring: SurveyAuthoringService,
    private readonly results: SurveyResultsService,
    private readonly db: DataSource,
  ) {}

  @Query(() => [SurveyTemplateInfo], { description: 'Shipped templates, in English and French (HR, ADMIN).' })
  surveyTemplates() {
    return this.authoring.templates();
  }

  @Query(() => [Survey], { description: 'Surveys of the organisation (HR, ADMIN).' })
  surveys(@Args() args: SurveysArgs, @Context() ctx: GqlContext) {
    return this.authoring.list(ctx.viewer!, args.status);
  }

  @Query(() => Survey, { description: 'One survey (HR, ADMIN).' })
  survey(@Args() args: SurveyIdArgs, @Context() ctx: GqlContext) {
    return this.authoring.get(ctx.viewer!, args.id);
  }

  @Mutation(() => Survey, { description: 'Create a draft survey, from a template or from questions.' })
  createSurvey(@Args('input') input: CreateSurveyInput, @Context() ctx: GqlContext) {
    return this.authoring.create(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => Survey, {
    description:
      'Edit a survey. `version` must be the one read (CONFLICT otherwise); questions freeze on opening.',
  })
  updateSurvey(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateSurveyInput,
    @Context() ctx: GqlContext,
  ) {
    return this.authoring.update(ctx.viewer!, id, version, input, ctx.requestId);
  }

  @Mutation(() => Survey, { description: 'Schedule (or open now) a one-off or recurring survey.' })
  scheduleSurvey(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('input') input: ScheduleSurveyInput,
    @Context() ctx: GqlContext,
  ) {
    return this.authoring.schedule(ctx.viewer!, id, input, ctx.requestId);
  }

  @Mutation(() => Survey, { description: 'Back to draft, before it opens.' })
  unscheduleSurvey(@Args() args: SurveyIdArgs, @Context() ctx: GqlContext) {
    return this.authoring.unschedule(ctx.viewer!, args.id, ctx.requestId);
  }

  @Mutation(() => Survey, { description: 'Close an open survey now.' })
  closeSurvey(@Args() args: SurveyIdArgs, @Context() ctx: GqlContext) {
    return this.authoring.close(ctx.viewer!, args.id, ctx.requestId);
  }

  @Mutation(() => Boolean, { description: 'Delete a draft.' })
  deleteSurvey(@Args() args: SurveyIdArgs, @Context() ctx: GqlContext) {
    return this.authoring.remove(ctx.viewer!, args.id, ctx.requestId);
  }

  @Mutation(() => Survey, {
    description:
      'Publish (or withdraw) organisation-level results to every employee; closed waves feed the organisation metrics (eNPS, internal CSAT and effort).',
  })
  async publishSurveyResults(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Args('published') published: boolean,
    @Context() ctx: GqlContext,
  ) {
    const survey = await this.authoring.setPublished(ctx.viewer!, id, published, ctx.requestId);
    await this.db.transaction(async (m) => {
      if (published) await this.results.publishMetrics(m, ctx.viewer!.organizationId, id);
      else
        await m.query(
          `DELETE FROM internal_metric_value WHERE source_wave_id IN (SELECT id FROM survey_wave WHERE survey_id = $1)`,
          [id],
        );
    });
    return survey;
  }

  @ResolveField(() => [SurveyWave])
  async waves(@Parent() s: Survey): Promise<SurveyWave[]> {
    const rows = await this.db.query(
      `SELECT id, number, status, opens_at, closes_at, invited, released, k FROM survey_wave WHERE survey_id = $1 ORDER BY number`,
      [s.id],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      number: r.number as number,
      status: r.status as string,
      opensAt: r.opens_at as Date,
      closesAt: r.closes_at as Date,
      invited: r.invited as number,
      answered: (r.released as number) >= (r.k as number) ? (r.released as number) : null,
    }));
  }

  @ResolveField(() => String, { nullable: true })
  subjectName(@Parent() s: Survey) {
    return this.authoring.subjectName(s);
  }
}

/** What every member does with surveys: answer their own, read the results they may see. */
@Resolver()
@Members()
export class SurveyParticipationResolver {
  constructor(
    private readonly runtime: SurveyRuntimeService,
    private readonly results: SurveyResultsService,
    private readonly db: DataSource,
  ) {}

  @Query(() => [MySurvey], { description: 'The viewer’s survey invitations: open ones first.' })
  mySurveys(@Context() ctx: GqlContext) {
    return this.runtime.mySurveys(ctx.viewer!);
  }

  @Mutation(() => SubmitSurveyResponseResult, {
    description: 'Answer a survey: the whole set is stored or nothing is; one answer per invitation.',
  })
  submitSurveyResponse(@Args('input') input: SubmitSurveyResponseInput, @Context() ctx: GqlContext) {
    return this.runtime.submit(ctx.viewer!, input);
  }

  @Query(() => [Survey], {
    description:
      'Surveys whose results the viewer may open: all opened ones for HR and managers (their line only), published ones for everyone.',
  })
  async resultSurveys(@Context() ctx: GqlContext): Promise<Partial<Survey>[]> {
    const v = ctx.viewer!;
    const hr = v.roles.includes(Role.HR) || v.roles.includes(Role.ADMIN);
    const rows = await this.db.query(
      `SELECT s.id, s.title, s.description, s.status, s.confidentiality, s.results_published, s.subject_kind,
              s.template_key, s.created_at, s.updated_at, s.version
         FROM survey s
        WHERE s.organization_id = $1 AND s.status IN ('OPEN', 'CLOSED')
          AND ($2 OR s.results_published OR EXISTS (
                SELECT 1 FROM team t WHERE t.organization_id = $1 AND t.manager_id = $3)
              OR EXISTS (SELECT 1 FROM person p WHERE p.manager_id = $3))
        ORDER BY s.created_at DESC`,
      [v.organizationId, hr, v.personId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      title: r.title as string,
      description: r.description as string,
      status: r.status as never,
      confidentiality: r.confidentiality as never,
      resultsPublished: r.results_published as boolean,
      subjectKind: r.subject_kind as never,
      templateKey: r.template_key as string | null,
      subjectId: null,
      questions: [],
      audienceTeamIds: [],
      audiencePositionIds: [],
      recurrence: null,
      pulseItemsPerWave: null,
      commentThreshold: 10,
      questionsFrozen: true,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      version: r.version as number,
    }));
  }

  @Query(() => SurveyResults, {
    description:
      'Results within the viewer’s scope (HR: organisation; managers: their line; employees: published organisation results). Groups below the threshold, or that would reveal one by subtraction, show no figure.',
  })
  surveyResults(@Args() args: SurveyResultsArgs, @Context() ctx: GqlContext) {
    return this.results.results(ctx.viewer!, args.surveyId, args.waveNumber, args.sliceId);
  }

  @Query(() => String, { description: 'The same results as CSV (UTF-8, one line per group and question).' })
  surveyResultsCsv(@Args() args: SurveyResultsArgs, @Context() ctx: GqlContext) {
    return this.results.csv(ctx.viewer!, args.surveyId, args.waveNumber);
  }
}

/** The heavy parts of survey results, computed only when a query selects them. */
@Resolver(() => SurveyResults)
@Members()
export class SurveyResultsFieldsResolver {
  @ResolveField(() => [ResultSlice], { description: 'Every group the viewer may look at.' })
  slices(@Parent() r: SurveyResults) {
    return r.deferred.slices();
  }

  @ResolveField(() => Heatmap)
  heatmap(@Parent() r: SurveyResults) {
    return r.deferred.heatmap();
  }

  @ResolveField(() => Heatmap, { description: 'Teams × drivers (mean favourability of the driver items).' })
  driverHeatmap(@Parent() r: SurveyResults) {
    return r.deferred.driverHeatmap();
  }

  @ResolveField(() => DriverAnalysis)
  drivers(@Parent() r: SurveyResults) {
    return r.deferred.drivers();
  }

  @ResolveField(() => [CommentList])
  comments(@Parent() r: SurveyResults) {
    return r.deferred.comments();
  }

  @ResolveField(() => [TrendPoint])
  trend(@Parent() r: SurveyResults) {
    return r.deferred.trend();
  }
}
