import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { SupportService } from './support-service.entity';
import { Team } from '../team/team.entity';
import { Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';

@Resolver(() => SupportService)
@Members()
export class SupportServiceResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => [SupportService], { description: 'Support services the front line can turn to.' })
  supportServices(@Context() ctx: GqlContext) {
    return this.db.getRepository(SupportService).find({
      where: { organizationId: ctx.viewer!.organizationId },
      order: { name: 'ASC' },
    });
  }

  @ResolveField(() => Team)
  ownerTeam(@Parent() s: SupportService, @Context() ctx: GqlContext) {
    return ctx.loaders.team.load(s.ownerTeamId);
  }
}
