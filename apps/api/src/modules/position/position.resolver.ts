import { Context, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Position } from './position.entity';
import { Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';

@Resolver(() => Position)
@Members()
export class PositionResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => [Position], { description: 'Positions of the organisation, by track and level.' })
  positions(@Context() ctx: GqlContext) {
    return this.db.getRepository(Position).find({
      where: { organizationId: ctx.viewer!.organizationId },
      order: { track: 'ASC', level: 'ASC', title: 'ASC' },
    });
  }
}
