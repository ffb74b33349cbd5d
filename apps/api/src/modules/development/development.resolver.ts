import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AssessSkillInput,
  AutonomyView,
  CareerTrack,
  Course,
  CreateCourseInput,
  CreateDecisionTypeInput,
  CreatePlanInput,
  CreateSessionInput,
  CreateSkillInput,
  DecisionEntry,
  DecisionPage,
  DecisionRight,
  DecisionsArgs,
  DecisionType,
  DevelopmentPlan,
  DevelopmentReviewPage,
  DevHeatmap,
  EnrolInput,
  Enrolment,
  EnrolmentStatusInput,
  EscalationTarget,
  GoalProgressInput,
  LogDecisionInput,
  MyDevelopment,
  PastReview,
  PersonSkill,
  PositionSkill,
  RaiseNeedInput,
  RateTrainingInput,
  RecordReviewInput,
  RecordRoleChangeInput,
  ReviewDecisionInput,
  RoleChange,
  SetDecisionRightInput,
  SetPositionSkillInput,
  Skill,
  SkillAssessment,
  SkillsMatrix,
  TeamRef,
  TrainingNeed,
  TrainingSession,
} from './dto/development.types';
import { DecisionsService } from './decisions.service';
import { SkillsService } from './skills.service';
import { TrainingService } from './training.service';
import { CareersService } from './careers.service';
import { DevelopmentReviewService } from './review.service';
import { Authorize, HR_OR_ADMIN, Members } from '../../platform/auth/authorize.decorator';
import { Role } from '../organization/organization.enums';
import type { GqlContext } from '../../platform/graphql/gql-context';

const ANY_MANAGER = [Role.HR, Role.ADMIN, Role.MANAGER];

/** Autonomy: decision rights, the decision log, the autonomy index and heatmap. Scope checked in the services. */
@Resolver()
@Members()
export class AutonomyResolver {
  constructor(
    private readonly decisionsService: DecisionsService,
    private readonly review: DevelopmentReviewService,
  ) {}

  @Query(() => [DecisionType])
  decisionTypes(@Context() ctx: GqlContext) {
    return this.decisionsService.types(ctx.viewer!);
  }

  @Mutation(() => DecisionType)
  @Authorize({ roles: HR_OR_ADMIN })
  createDecisionType(@Args('input') input: CreateDecisionTypeInput, @Context() ctx: GqlContext) {
    return this.decisionsService.createType(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [DecisionRight], {
    description:
      'Rights in force (history: every version). A team (its managers, HR), all (HR) or the viewer’s own.',
  })
  decisionRights(
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | undefined,
    @Args('history', { defaultValue: false }) history: boolean,
    @Context() ctx: GqlContext,
  ) {
    return this.decisionsService.rights(ctx.viewer!, teamId ?? undefined, history);
  }

  @Mutation(() => DecisionRight, {
    description: 'A new version of a right (the current one ends now). Audited.',
  })
  @Authorize({ roles: ANY_MANAGER })
  setDecisionRight(@Args('input') input: SetDecisionRightInput, @Context() ctx: GqlContext) {
    return this.decisionsService.setRight(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => Boolean)
  @Authorize({ roles: ANY_MANAGER })
  endDecisionRight(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    return this.decisionsService.endRight(ctx.viewer!, id, ctx.requestId);
  }

  @Mutation(() => DecisionEntry, { description: 'Log a customer-facing decision of one’s own.' })
  logDecision(@Args('input') input: LogDecisionInput, @Context() ctx: GqlContext) {
    return this.decisionsService.log(ctx.viewer!, input);
  }

  @Mutation(() => DecisionEntry, { description: 'Confirm or overturn a decision taken beyond rights.' })
  reviewDecision(@Args('input') input: ReviewDecisionInput, @Context() ctx: GqlContext) {
    return this.decisionsService.review(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => DecisionEntry, { description: 'The answer to an escalation came now.' })
  answerEscalation(@Args('decisionId', { type: () => ID }) decisionId: string, @Context() ctx: GqlContext) {
    return this.decisionsService.answer(ctx.viewer!, decisionId);
  }

  @Query(() => DecisionPage)
  decisions(@Args() args: DecisionsArgs, @Context() ctx: GqlContext) {
    return this.decisionsService.list(ctx.viewer!, args);
  }

  @Query(() => [DecisionEntry], { description: 'Escalations waiting for the viewer’s answer.' })
  escalationsAwaitingMe(@Context() ctx: GqlContext) {
    return this.decisionsService.awaitingMe(ctx.viewer!);
  }

  @Query(() => [EscalationTarget], { description: 'The viewer’s managers, nearest first.' })
  escalationTargets(@Context() ctx: GqlContext) {
    return this.review.escalationTargets(ctx.viewer!);
  }

  @Query(() => AutonomyView, { description: 'Autonomy index of a team (its managers, HR) or a person.' })
  autonomyIndex(
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | undefined,
    @Args('personId', { type: () => ID, nullable: true }) personId: string | undefined,
    @Context() ctx: GqlContext,
  ): Promise<AutonomyView> {
    return this.review.autonomy(ctx.viewer!, teamId ?? undefined, personId ?? undefined);
  }

  @Query(() => DevHeatmap, {
    description: 'Teams × months: % settled without escalation (HR: all; managers: line).',
  })
  @Authorize({ roles: ANY_MANAGER })
  autonomyHeatmap(@Context() ctx: GqlContext) {
    return this.decisionsService.heatmap(ctx.viewer!);
  }
}

/** Skills, training, careers and the development review. */
@Resolver()
@Members()
export class DevelopmentResolver {
  constructor(
    private readonly skillsService: SkillsService,
    private readonly training: TrainingService,
    private readonly careers: CareersService,
    private readonly review: DevelopmentReviewService,
  ) {}

  // Skills
  @Query(() => [Skill])
  skills(@Context() ctx: GqlContext) {
    return this.skillsService.skills(ctx.viewer!);
  }

  @Mutation(() => Skill)
  @Authorize({ roles: HR_OR_ADMIN })
  createSkill(@Args('input') input: CreateSkillInput, @Context() ctx: GqlContext) {
    return this.skillsService.create(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [PositionSkill], { description: 'Required levels per position.' })
  positionSkills(
    @Args('positionId', { type: () => ID, nullable: true }) positionId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.skillsService.positionSkills(ctx.viewer!, positionId ?? undefined);
  }

  @Mutation(() => Boolean)
  @Authorize({ roles: HR_OR_ADMIN })
  setPositionSkill(@Args('input') input: SetPositionSkillInput, @Context() ctx: GqlContext) {
    return this.skillsService.setPositionSkill(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [PersonSkill])
  personSkills(@Args('personId', { type: () => ID }) personId: string, @Context() ctx: GqlContext) {
    return this.skillsService.personSkills(ctx.viewer!, personId);
  }

  @Query(() => [SkillAssessment])
  skillAssessments(@Args('personId', { type: () => ID }) personId: string, @Context() ctx: GqlContext) {
    return this.skillsService.history(ctx.viewer!, personId);
  }

  @Mutation(() => [PersonSkill], {
    description: 'Self-assessment (oneself) or manager’s assessment (line, HR).',
  })
  assessSkill(@Args('input') input: AssessSkillInput, @Context() ctx: GqlContext) {
    return this.skillsService.assess(ctx.viewer!, input);
  }

  @Query(() => SkillsMatrix)
  @Authorize({ roles: ANY_MANAGER })
  skillsMatrix(@Args('teamId', { type: () => ID }) teamId: string, @Context() ctx: GqlContext) {
    return this.skillsService.matrix(ctx.viewer!, teamId);
  }

  @Query(() => DevHeatmap, { description: 'Teams × skills coverage (HR: all; managers: line).' })
  @Authorize({ roles: ANY_MANAGER })
  skillsHeatmap(@Context() ctx: GqlContext) {
    return this.skillsService.heatmap(ctx.viewer!);
  }

  // Training
  @Query(() => [Course])
  courses(@Context() ctx: GqlContext) {
    return this.training.courses(ctx.viewer!);
  }

  @Mutation(() => Course)
  @Authorize({ roles: HR_OR_ADMIN })
  createCourse(@Args('input') input: CreateCourseInput, @Context() ctx: GqlContext) {
    return this.training.createCourse(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [TrainingSession], { description: 'Sessions not over yet (past: the latest past ones).' })
  trainingSessions(
    @Args('courseId', { type: () => ID, nullable: true }) courseId: string | undefined,
    @Args('past', { defaultValue: false }) past: boolean,
    @Context() ctx: GqlContext,
  ) {
    return this.training.sessions(ctx.viewer!, { courseId: courseId ?? undefined, past });
  }

  @Mutation(() => TrainingSession)
  @Authorize({ roles: HR_OR_ADMIN })
  createTrainingSession(@Args('input') input: CreateSessionInput, @Context() ctx: GqlContext) {
    return this.training.createSession(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => Enrolment, { description: 'Enrol oneself (or, for a manager, someone of the line).' })
  enrol(@Args('input') input: EnrolInput, @Context() ctx: GqlContext) {
    return this.training.enrol(ctx.viewer!, input);
  }

  @Mutation(() => Enrolment)
  setEnrolmentStatus(@Args('input') input: EnrolmentStatusInput, @Context() ctx: GqlContext) {
    return this.training.setStatus(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [Enrolment], {
    description: 'A person’s (default: the viewer’s), a session’s or a team’s enrolments.',
  })
  enrolments(
    @Args('personId', { type: () => ID, nullable: true }) personId: string | undefined,
    @Args('sessionId', { type: () => ID, nullable: true }) sessionId: string | undefined,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.training.enrolments(ctx.viewer!, {
      personId: personId ?? undefined,
      sessionId: sessionId ?? undefined,
      teamId: teamId ?? undefined,
    });
  }

  @Mutation(() => Boolean, { description: 'Rate a completed training (surveys engine, training template).' })
  rateTraining(@Args('input') input: RateTrainingInput, @Context() ctx: GqlContext) {
    return this.training.rate(ctx.viewer!, input);
  }

  @Mutation(() => TrainingNeed)
  raiseTrainingNeed(@Args('input') input: RaiseNeedInput, @Context() ctx: GqlContext) {
    return this.training.raiseNeed(ctx.viewer!, input);
  }

  @Query(() => [TrainingNeed])
  trainingNeeds(
    @Args('personId', { type: () => ID, nullable: true }) personId: string | undefined,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.training.needs(ctx.viewer!, { personId: personId ?? undefined, teamId: teamId ?? undefined });
  }

  // Careers
  @Query(() => [CareerTrack])
  careerTracks(@Context() ctx: GqlContext) {
    return this.careers.tracks(ctx.viewer!);
  }

  @Query(() => [RoleChange])
  roleHistory(@Args('personId', { type: () => ID }) personId: string, @Context() ctx: GqlContext) {
    return this.careers.roleHistory(ctx.viewer!, personId);
  }

  @Mutation(() => [RoleChange])
  @Authorize({ roles: ANY_MANAGER })
  recordRoleChange(@Args('input') input: RecordRoleChangeInput, @Context() ctx: GqlContext) {
    return this.careers.recordRoleChange(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => [DevelopmentPlan], { description: 'A person’s plans (default: the viewer’s) or a team’s.' })
  developmentPlans(
    @Args('personId', { type: () => ID, nullable: true }) personId: string | undefined,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.careers.plans(ctx.viewer!, { personId: personId ?? undefined, teamId: teamId ?? undefined });
  }

  @Mutation(() => DevelopmentPlan)
  createDevelopmentPlan(@Args('input') input: CreatePlanInput, @Context() ctx: GqlContext) {
    return this.careers.createPlan(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => DevelopmentPlan, { description: 'The employee’s or the manager’s agreement.' })
  agreeDevelopmentPlan(@Args('planId', { type: () => ID }) planId: string, @Context() ctx: GqlContext) {
    return this.careers.agree(ctx.viewer!, planId);
  }

  @Mutation(() => DevelopmentPlan)
  setGoalProgress(@Args('input') input: GoalProgressInput, @Context() ctx: GqlContext) {
    return this.careers.progress(ctx.viewer!, input);
  }

  // The review
  @Query(() => [TeamRef], { description: 'Teams whose development review the viewer can open.' })
  developmentReviewTeams(@Context() ctx: GqlContext) {
    return this.review.reviewTeams(ctx.viewer!);
  }

  @Query(() => DevelopmentReviewPage, { description: 'One team’s development review (its managers, HR).' })
  @Authorize({ roles: ANY_MANAGER })
  developmentReview(@Args('teamId', { type: () => ID }) teamId: string, @Context() ctx: GqlContext) {
    return this.review.page(ctx.viewer!, teamId);
  }

  @Mutation(() => [PastReview], { description: 'Record the review’s conclusions and actions.' })
  @Authorize({ roles: ANY_MANAGER })
  recordDevelopmentReview(@Args('input') input: RecordReviewInput, @Context() ctx: GqlContext) {
    return this.review.record(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => MyDevelopment, { description: 'A person’s development page (default: the viewer’s own).' })
  myDevelopment(
    @Args('personId', { type: () => ID, nullable: true }) personId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.review.mine(ctx.viewer!, personId ?? undefined);
  }
}
