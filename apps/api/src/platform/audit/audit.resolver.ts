import {
  Args,
  Context,
  Field,
  Int,
  ObjectType,
  Query,
  ResolveField,
  Resolver,
  Parent,
} from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { Authorize, Members } from '../auth/authorize.decorator';
import { Role } from '../../modules/organization/organization.enums';
import { PageArgs } from '../graphql/page';
import type { GqlContext } from '../graphql/gql-context';
import { Person } from '../../modules/person/person.entity';

@ObjectType()
export class AuditEventPage {
  @Field(() => [AuditEvent]) items: AuditEvent[];
  @Field(() => Int) totalCount: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => AuditEventPage, { description: 'The audit log, newest first (ADMIN).' })
  @Authorize({ roles: [Role.ADMIN] })
  async auditEvents(@Args() page: PageArgs, @Context() ctx: GqlContext): Promise<AuditEventPage> {
    const [items, totalCount] = await this.db.getRepository(AuditEvent).findAndCount({
      where: { organizationId: ctx.viewer!.organizationId },
      order: { at: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items, totalCount, offset: page.offset, limit: page.limit };
  }

  @ResolveField(() => Person, { nullable: true })
  @Members()
  actor(@Parent() e: AuditEvent, @Context() ctx: GqlContext) {
    return e.actorPersonId ? ctx.loaders.person.load(e.actorPersonId) : null;
  }
}
