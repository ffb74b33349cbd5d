import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Team } from './team.entity';
import { Person } from '../person/person.entity';
import { SupportService } from '../support-service/support-service.entity';
import { Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { notFound } from '../../platform/graphql/app-error';
import { ParseUUIDArg } from '../../platform/graphql/uuid';

@Resolver(() => Team)
@Members()
export class TeamResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => [Team], {
    description: 'Every team of the organisation (a few hundred at most), by kind then name.',
  })
  teams(@Context() ctx: GqlContext) {
    return this.db.getRepository(Team).find({
      where: { organizationId: ctx.viewer!.organizationId },
      order: { kind: 'ASC', name: 'ASC' },
    });
  }

  @Query(() => Team)
  async team(@Args('id', { type: () => ID }, ParseUUIDArg) id: string, @Context() ctx: GqlContext) {
    const team = await ctx.loaders.team.load(id);
    if (!team) throw notFound('Team');
    return team;
  }

  @ResolveField(() => Team, { nullable: true })
  parent(@Parent() t: Team, @Context() ctx: GqlContext) {
    return t.parentId ? ctx.loaders.team.load(t.parentId) : null;
  }

  @ResolveField(() => [Team])
  children(@Parent() t: Team, @Context() ctx: GqlContext) {
    return ctx.loaders.teamChildren.load(t.id);
  }

  @ResolveField(() => Person, { nullable: true })
  manager(@Parent() t: Team, @Context() ctx: GqlContext) {
    return t.managerId ? ctx.loaders.person.load(t.managerId) : null;
  }

  @ResolveField(() => Int)
  memberCount(@Parent() t: Team, @Context() ctx: GqlContext) {
    return ctx.loaders.memberCount.load(t.id);
  }

  @ResolveField(() => [SupportService], { description: 'Support services this team runs.' })
  supportServices(@Parent() t: Team, @Context() ctx: GqlContext) {
    return ctx.loaders.supportServicesByTeam.load(t.id);
  }
}
