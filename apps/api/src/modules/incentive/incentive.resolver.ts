import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authorize, HR_OR_ADMIN, Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { Role } from '../organization/organization.enums';
import {
  DisputeStatus,
  IncentiveDispute,
  IncentiveInputRow,
  IncentiveInputValue,
  IncentiveRun,
  IncentiveRunDetail,
  IncentiveScheme,
  IncentiveSchemeInput,
  IncentiveSimulation,
  IncentiveStatement,
  InputUploadResult,
  SimulateArgs,
  TeamPayout,
} from './dto/incentive.types';
import { IncentiveService } from './incentive.service';

const uuid = new ParseUUIDPipe();
const MANAGERS_AND_HR = [Role.HR, Role.ADMIN, Role.MANAGER];

/**
 * Incentive schemes. Design, simulation, runs and disputes' resolution: HR and admins. Objectives:
 * managers for their reporting line (checked in the service) and HR. Statements: the person, their
 * line's managers, HR (checked in the service).
 */
@Resolver()
@Authorize({ roles: HR_OR_ADMIN })
export class IncentiveResolver {
  constructor(private readonly incentives: IncentiveService) {}

  @Query(() => [IncentiveScheme], { description: 'HR: every scheme; managers: approved and closed ones.' })
  @Authorize({ roles: MANAGERS_AND_HR })
  incentiveSchemes(@Context() ctx: GqlContext) {
    return this.incentives.schemes(ctx.viewer!);
  }

  @Query(() => IncentiveScheme)
  @Authorize({ roles: MANAGERS_AND_HR })
  incentiveScheme(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.scheme(ctx.viewer!, id);
  }

  @Mutation(() => IncentiveScheme)
  createIncentiveScheme(@Args('input') input: IncentiveSchemeInput, @Context() ctx: GqlContext) {
    return this.incentives.createScheme(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme, { description: 'Edits a draft; rowVersion guards against lost updates.' })
  updateIncentiveScheme(
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('rowVersion', { type: () => Int }) rowVersion: number,
    @Args('input') input: IncentiveSchemeInput,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.updateScheme(ctx.viewer!, id, rowVersion, input, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme)
  submitIncentiveScheme(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.submitScheme(ctx.viewer!, id, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme, { description: 'Maker-checker: not by the scheme’s designer.' })
  approveIncentiveScheme(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.approveScheme(ctx.viewer!, id, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme)
  sendBackIncentiveScheme(
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('comment') comment: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.sendBackScheme(ctx.viewer!, id, comment, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme)
  closeIncentiveScheme(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.closeScheme(ctx.viewer!, id, ctx.requestId);
  }

  @Mutation(() => IncentiveScheme)
  newIncentiveSchemeVersion(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.newVersion(ctx.viewer!, id, ctx.requestId);
  }

  @Query(() => [IncentiveInputValue], {
    description: 'People of a scheme with their entered value (managers: their line).',
  })
  @Authorize({ roles: MANAGERS_AND_HR })
  incentiveInputs(
    @Args('schemeId', { type: () => ID }, uuid) schemeId: string,
    @Args('measureKey') measureKey: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.inputValues(ctx.viewer!, schemeId, measureKey);
  }

  @Mutation(() => Int, { description: 'Objectives (managers, their line) or uploaded figures (HR).' })
  @Authorize({ roles: MANAGERS_AND_HR })
  setIncentiveInputs(
    @Args('schemeId', { type: () => ID }, uuid) schemeId: string,
    @Args('measureKey') measureKey: string,
    @Args('rows', { type: () => [IncentiveInputRow] }) rows: IncentiveInputRow[],
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.setInputs(ctx.viewer!, schemeId, measureKey, rows, ctx.requestId);
  }

  @Mutation(() => InputUploadResult, { description: 'CSV with columns email,value; all rows or none.' })
  uploadIncentiveInputs(
    @Args('schemeId', { type: () => ID }, uuid) schemeId: string,
    @Args('uploadKey') uploadKey: string,
    @Args('csv') csv: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.uploadInputs(ctx.viewer!, schemeId, uploadKey, csv, ctx.requestId);
  }

  @Query(() => IncentiveSimulation, {
    description: 'A scheme on past data or what-if inputs; nothing is stored.',
  })
  simulateIncentiveScheme(@Args() args: SimulateArgs, @Context() ctx: GqlContext) {
    return this.incentives.simulate(ctx.viewer!, args);
  }

  @Query(() => [IncentiveRun])
  incentiveRuns(@Args('schemeId', { type: () => ID }, uuid) schemeId: string, @Context() ctx: GqlContext) {
    return this.incentives.runs(ctx.viewer!, schemeId);
  }

  @Query(() => IncentiveRunDetail)
  incentiveRun(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.runDetail(ctx.viewer!, id);
  }

  @Query(() => Boolean, { description: 'Recomputes a run from its snapshot: true when the hash matches.' })
  verifyIncentiveRun(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.verifyRun(ctx.viewer!, id);
  }

  @Mutation(() => IncentiveRun, { description: 'Computes a run (a correction when one is approved).' })
  startIncentiveRun(
    @Args('schemeId', { type: () => ID }, uuid) schemeId: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.startRun(ctx.viewer!, schemeId, ctx.requestId);
  }

  @Mutation(() => IncentiveRun, { description: 'Locks the run and writes payouts; not by who started it.' })
  approveIncentiveRun(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.approveRun(ctx.viewer!, id, ctx.requestId);
  }

  @Mutation(() => IncentiveRun)
  discardIncentiveRun(@Args('id', { type: () => ID }, uuid) id: string, @Context() ctx: GqlContext) {
    return this.incentives.discardRun(ctx.viewer!, id, ctx.requestId);
  }

  @Query(() => [IncentiveStatement], {
    description: 'Variable-pay statements of a person (default: the viewer): themself, their managers, HR.',
  })
  @Members()
  incentiveStatements(
    @Args('personId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    personId: string | null,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.statements(ctx.viewer!, personId ?? ctx.viewer!.personId);
  }

  @Query(() => [TeamPayout], {
    description: 'Approved payouts: a manager’s reporting line, or everyone for HR.',
  })
  @Authorize({ roles: MANAGERS_AND_HR })
  teamIncentivePayouts(
    @Args('schemeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    schemeId: string | null,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.teamPayouts(ctx.viewer!, schemeId);
  }

  @Query(() => [IncentiveDispute], { description: 'HR: the disputes inbox; others: their own disputes.' })
  @Members()
  incentiveDisputes(
    @Args('status', { type: () => DisputeStatus, nullable: true }) status: DisputeStatus | null,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.disputes(ctx.viewer!, status);
  }

  @Mutation(() => IncentiveDispute, { description: 'Disputes one line of the viewer’s own statement.' })
  @Members()
  disputeIncentiveLine(
    @Args('runId', { type: () => ID }, uuid) runId: string,
    @Args('componentId') componentId: string,
    @Args('reason') reason: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.dispute(ctx.viewer!, runId, componentId, reason, ctx.requestId);
  }

  @Mutation(() => IncentiveDispute, {
    description: 'Accepted (a correction run is computed, to be approved) or rejected, with an answer.',
  })
  resolveIncentiveDispute(
    @Args('id', { type: () => ID }, uuid) id: string,
    @Args('accept') accept: boolean,
    @Args('answer') answer: string,
    @Context() ctx: GqlContext,
  ) {
    return this.incentives.resolveDispute(ctx.viewer!, id, accept, answer, ctx.requestId);
  }
}
