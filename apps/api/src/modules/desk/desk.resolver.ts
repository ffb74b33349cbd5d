import {
  Args,
  Context,
  ID,
  Mutation,
  ObjectType,
  Field,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import {
  AssignInput,
  Commitment,
  CreateCategoryInput,
  DeskMetricRow,
  DeskMetricsArgs,
  DeskQueueArgs,
  DeskRole,
  OpenRequestInput,
  RateRequestInput,
  RenegotiateInput,
  ReplyInput,
  RequestCategory,
  RequestEvent,
  RequestIdArgs,
  RequesterContext,
  RequestRatingInfo,
  ServiceRequest,
  ServiceRequestPage,
  SpawnTaskInput,
  TransitionInput,
  UpdateCommitmentInput,
} from './dto/desk.types';
import { DeskService, toCommitment } from './desk.service';
import { Person } from '../person/person.entity';
import { Team } from '../team/team.entity';
import { SupportService } from '../support-service/support-service.entity';
import { Authorize, Members } from '../../platform/auth/authorize.decorator';
import { Role } from '../organization/organization.enums';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { PageArgs } from '../../platform/graphql/page';
import { Preloadable } from '../../platform/graphql/preloaded';

@ObjectType({ description: 'One request as its requester or its service sees it, with the timeline.' })
export class ServiceRequestDetail extends ServiceRequest {
  @Field(() => DeskRole) viewerRole: DeskRole;
}

@ObjectType()
export class CategorySummary {
  @Field(() => ID) id: string;
  @Field() name: string;
}

/**
 * Relations of a request, batched per request (DataLoaders), never one query per row; the queue
 * page joins requester, assignee, category and service into its statement and preloads them.
 */
@Resolver(() => ServiceRequest)
@Members()
export class ServiceRequestFieldsResolver {
  @ResolveField(() => SupportService, { nullable: true })
  @Preloadable()
  supportService(@Parent() r: ServiceRequest, @Context() ctx: GqlContext) {
    return ctx.loaders.supportService.load(r.supportServiceId);
  }

  @ResolveField(() => CategorySummary, { nullable: true })
  @Preloadable()
  category(@Parent() r: ServiceRequest, @Context() ctx: GqlContext) {
    return ctx.loaders.requestCategory.load(r.categoryId);
  }

  @ResolveField(() => Person, { nullable: true })
  @Preloadable()
  requester(@Parent() r: ServiceRequest, @Context() ctx: GqlContext) {
    return ctx.loaders.person.load(r.requesterId);
  }

  @ResolveField(() => Person, { nullable: true })
  @Preloadable()
  assignee(@Parent() r: ServiceRequest, @Context() ctx: GqlContext) {
    return r.assigneeId ? ctx.loaders.person.load(r.assigneeId) : null;
  }

  @ResolveField(() => Team, { nullable: true })
  requesterTeam(@Parent() r: ServiceRequest, @Context() ctx: GqlContext) {
    return r.requesterTeamId ? ctx.loaders.team.load(r.requesterTeamId) : null;
  }
}

@Resolver(() => ServiceRequestDetail)
@Members()
export class ServiceRequestDetailResolver {
  constructor(
    private readonly desk: DeskService,
    private readonly db: DataSource,
  ) {}

  private readonly relations = new ServiceRequestFieldsResolver();

  @ResolveField(() => SupportService, { nullable: true })
  supportService(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.relations.supportService(r, ctx);
  }

  @ResolveField(() => CategorySummary, { nullable: true })
  category(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.relations.category(r, ctx);
  }

  @ResolveField(() => Person, { nullable: true })
  requester(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.relations.requester(r, ctx);
  }

  @ResolveField(() => Person, { nullable: true })
  assignee(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.relations.assignee(r, ctx);
  }

  @ResolveField(() => Team, { nullable: true })
  requesterTeam(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.relations.requesterTeam(r, ctx);
  }

  @ResolveField(() => [RequestEvent], { description: 'Internal notes only for the service.' })
  timeline(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.desk.timeline(ctx.viewer!, r, r.viewerRole);
  }

  @ResolveField(() => [ServiceRequest], { description: 'Linked tasks for other services.' })
  children(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.desk.children(ctx.viewer!, r.id);
  }

  @ResolveField(() => RequestRatingInfo, { nullable: true })
  rating(@Parent() r: ServiceRequestDetail, @Context() ctx: GqlContext) {
    return this.desk.rating(ctx.viewer!, r, r.viewerRole);
  }

  @ResolveField(() => Commitment, { description: 'The commitment version the request was opened under.' })
  async commitment(@Parent() r: ServiceRequestDetail) {
    const [c] = await this.db.query(`SELECT * FROM category_commitment WHERE id = $1`, [r.commitmentId]);
    return toCommitment(c);
  }
}

/** The service desk: catalogue, requests, queues, ratings, metrics. Scope is checked per service. */
@Resolver()
@Members()
export class DeskResolver {
  constructor(
    private readonly desk: DeskService,
    private readonly db: DataSource,
  ) {}

  @Query(() => [RequestCategory], { description: 'What one can ask a service, with its commitment.' })
  requestCategories(
    @Args('supportServiceId', { type: () => ID, nullable: true }) supportServiceId: string | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.desk.categories(ctx.viewer!, supportServiceId ?? undefined);
  }

  @Query(() => [SupportService], {
    description: 'Services whose queue the viewer works (agent, manager, HR).',
  })
  async deskServices(@Context() ctx: GqlContext) {
    const roles = await this.desk.serviceRoles(ctx.viewer!);
    const services = await Promise.all([...roles.keys()].map((id) => ctx.loaders.supportService.load(id)));
    return services.filter(Boolean).sort((a, b) => a!.name.localeCompare(b!.name));
  }

  @Mutation(() => RequestCategory, {
    description: 'A new category with its commitment (service manager, HR).',
  })
  @Authorize({ roles: [Role.HR, Role.ADMIN, Role.MANAGER] })
  createRequestCategory(@Args('input') input: CreateCategoryInput, @Context() ctx: GqlContext) {
    return this.desk.createCategory(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => RequestCategory, { description: 'A new commitment version; open requests keep theirs.' })
  @Authorize({ roles: [Role.HR, Role.ADMIN, Role.MANAGER] })
  updateCommitment(@Args('input') input: UpdateCommitmentInput, @Context() ctx: GqlContext) {
    return this.desk.updateCommitment(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => ServiceRequest)
  openRequest(@Args('input') input: OpenRequestInput, @Context() ctx: GqlContext) {
    return this.desk.open(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => ServiceRequest, {
    description: 'A linked task for another service, under the same requester.',
  })
  spawnRequestTask(@Args('input') input: SpawnTaskInput, @Context() ctx: GqlContext) {
    return this.desk.open(ctx.viewer!, input, ctx.requestId);
  }

  @Query(() => ServiceRequestPage)
  myRequests(
    @Args() page: PageArgs,
    @Args('open', { type: () => Boolean, nullable: true }) open: boolean | undefined,
    @Context() ctx: GqlContext,
  ) {
    return this.desk.myRequests(ctx.viewer!, page.offset, page.limit, open ?? undefined);
  }

  @Query(() => ServiceRequestDetail)
  request(@Args() args: RequestIdArgs, @Context() ctx: GqlContext) {
    return this.desk.get(ctx.viewer!, args.id);
  }

  @Query(() => ServiceRequestPage, { description: 'A service’s queue, by due moment (agents, manager, HR).' })
  deskQueue(@Args() args: DeskQueueArgs, @Context() ctx: GqlContext) {
    return this.desk.queue(ctx.viewer!, args);
  }

  @Query(() => RequesterContext, {
    description: 'Who is asking: team, position, requests, ratings, look-alikes.',
  })
  requesterContext(@Args() args: RequestIdArgs, @Context() ctx: GqlContext) {
    return this.desk.context(ctx.viewer!, args.id);
  }

  @Mutation(() => ServiceRequest)
  transitionRequest(@Args('input') input: TransitionInput, @Context() ctx: GqlContext) {
    return this.desk.transition(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => ServiceRequest)
  assignRequest(@Args('input') input: AssignInput, @Context() ctx: GqlContext) {
    return this.desk.assign(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => RequestEvent)
  replyToRequest(@Args('input') input: ReplyInput, @Context() ctx: GqlContext) {
    return this.desk.reply(ctx.viewer!, input);
  }

  @Mutation(() => ServiceRequest, {
    description: 'Agree a new date with a reason. Conformity is still judged on the original commitment.',
  })
  renegotiateRequest(@Args('input') input: RenegotiateInput, @Context() ctx: GqlContext) {
    return this.desk.renegotiate(ctx.viewer!, input, ctx.requestId);
  }

  @Mutation(() => Boolean, {
    description: 'The requester rates a resolved request (CSAT 1-5, effort 1-7, comment).',
  })
  rateRequest(@Args('input') input: RateRequestInput, @Context() ctx: GqlContext) {
    return this.desk.rate(ctx.viewer!, input);
  }

  @Query(() => [DeskMetricRow], {
    description: 'Monthly figures per service (and category / requesting team). CSAT only from k ratings.',
  })
  deskMetrics(@Args() args: DeskMetricsArgs, @Context() ctx: GqlContext) {
    return this.desk.metrics(ctx.viewer!, args);
  }
}

/** Who wrote a timeline event (batched per request). */
@Resolver(() => RequestEvent)
@Members()
export class RequestEventFieldsResolver {
  @ResolveField(() => Person, { nullable: true })
  actor(@Parent() e: RequestEvent, @Context() ctx: GqlContext) {
    return e.actorId ? ctx.loaders.person.load(e.actorId) : null;
  }
}
