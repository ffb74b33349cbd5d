import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from './person.entity';
import { displayName, PersonService } from './person.service';
import { Pay, PeopleArgs, PersonPage, SetMyLocaleArgs } from './dto/person.types';
import { Team } from '../team/team.entity';
import { Position } from '../position/position.entity';
import { Role } from '../organization/organization.enums';
import { Authorize, HR_OR_ADMIN, Members, PERSONAL_HR_DATA } from '../../platform/auth/authorize.decorator';
import { PolicyService } from '../../platform/auth/policy.service';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { DecimalScalar } from '../../platform/graphql/scalars';
import { notFound } from '../../platform/graphql/app-error';
import { ParseUUIDArg } from '../../platform/graphql/uuid';
import { Preloadable } from '../../platform/graphql/preloaded';

@Resolver(() => Person)
@Members()
export class PersonResolver {
  constructor(
    private readonly personService: PersonService,
    private readonly policy: PolicyService,
  ) {}

  @Query(() => Person, { description: 'The signed-in person.' })
  async me(@Context() ctx: GqlContext) {
    const me = await ctx.loaders.person.load(ctx.viewer!.personId);
    if (!me) throw notFound('Person');
    return me;
  }

  @Query(() => String, {
    nullable: true,
    description:
      "The language the viewer last used the app in (null until the app has said): their e-mail copies are written in it, else in the organisation's default language.",
  })
  myLocale(@Context() ctx: GqlContext): Promise<string | null> {
    return this.personService.locale(ctx.viewer!);
  }

  @Mutation(() => String, {
    description: 'Remember the language the viewer uses the app in (en, fr), for their e-mail copies.',
  })
  setMyLocale(@Args() args: SetMyLocaleArgs, @Context() ctx: GqlContext): Promise<string> {
    return this.personService.setLocale(ctx.viewer!, args.locale);
  }

  @Query(() => PersonPage, { description: 'The people directory, paged, with search and team filter.' })
  people(@Args() args: PeopleArgs, @Context() ctx: GqlContext) {
    return this.personService.page(ctx.viewer!, args);
  }

  @Query(() => Person)
  async person(@Args('id', { type: () => ID }, ParseUUIDArg) id: string, @Context() ctx: GqlContext) {
    const p = await ctx.loaders.person.load(id);
    if (!p) throw notFound('Person');
    return p;
  }

  @Mutation(() => Person, { description: "Replace a person's roles (ADMIN); audited." })
  @Authorize({ roles: [Role.ADMIN] })
  setPersonRoles(
    @Args('personId', { type: () => ID }, ParseUUIDArg) personId: string,
    @Args('roles', { type: () => [Role] }) roles: Role[],
    @Context() ctx: GqlContext,
  ) {
    return this.personService.setRoles(ctx.viewer!, personId, roles, ctx.requestId);
  }

  @Mutation(() => Person, { description: "Set a person's base salary (HR, ADMIN); audited." })
  @Authorize({ roles: HR_OR_ADMIN })
  setPersonPay(
    @Args('personId', { type: () => ID }, ParseUUIDArg) personId: string,
    @Args('baseSalary', { type: () => DecimalScalar }) baseSalary: string,
    @Args('currency') currency: string,
    @Context() ctx: GqlContext,
  ) {
    return this.personService.setPay(ctx.viewer!, personId, baseSalary, currency, ctx.requestId);
  }

  @Mutation(() => Person, {
    description:
      "Set or clear a person's leaving date, YYYY-MM-DD (HR, ADMIN); audited. From that day on the person is former staff: no sign-in, not listed by default.",
  })
  @Authorize({ roles: HR_OR_ADMIN })
  setPersonLeaving(
    @Args('personId', { type: () => ID }, ParseUUIDArg) personId: string,
    @Args('leftOn', { type: () => String, nullable: true }) leftOn: string | null,
    @Context() ctx: GqlContext,
  ) {
    return this.personService.setLeaving(ctx.viewer!, personId, leftOn ?? null, ctx.requestId);
  }

  @ResolveField(() => String)
  @Preloadable()
  displayName(@Parent() p: Person) {
    return displayName(p);
  }

  @ResolveField(() => Team, { nullable: true })
  @Preloadable()
  team(@Parent() p: Person, @Context() ctx: GqlContext) {
    return p.teamId ? ctx.loaders.team.load(p.teamId) : null;
  }

  @ResolveField(() => Person, { nullable: true })
  @Preloadable()
  manager(@Parent() p: Person, @Context() ctx: GqlContext) {
    return p.managerId ? ctx.loaders.person.load(p.managerId) : null;
  }

  @ResolveField(() => Position, { nullable: true })
  @Preloadable()
  position(@Parent() p: Person, @Context() ctx: GqlContext) {
    return p.positionId ? ctx.loaders.position.load(p.positionId) : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The position's title." })
  @Preloadable()
  async jobTitle(@Parent() p: Person, @Context() ctx: GqlContext) {
    return p.positionId ? ((await ctx.loaders.position.load(p.positionId))?.title ?? null) : null;
  }

  @ResolveField(() => [Person])
  directReports(@Parent() p: Person, @Context() ctx: GqlContext) {
    return ctx.loaders.directReports.load(p.id);
  }

  @ResolveField(() => [Role])
  async roles(@Parent() p: Person, @Context() ctx: GqlContext) {
    return (await ctx.loaders.accountByPerson.load(p.id))?.roles ?? [];
  }

  @ResolveField(() => Boolean, { description: "Whether the viewer may read this person's pay." })
  canViewPay(@Parent() p: Person, @Context() ctx: GqlContext) {
    return this.policy.allows(ctx, PERSONAL_HR_DATA, {}, p);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Leaving date, YYYY-MM-DD (null while employed). Restricted like pay: FORBIDDEN unless canViewPay.',
  })
  @Authorize(PERSONAL_HR_DATA)
  leftOn(@Parent() p: Person): string | null {
    return p.leftOn ?? null;
  }

  @ResolveField(() => Pay, { nullable: true, description: 'Restricted: FORBIDDEN unless canViewPay.' })
  @Authorize(PERSONAL_HR_DATA)
  pay(@Parent() p: Person): Pay | null {
    return p.baseSalary === null ? null : { baseSalary: p.baseSalary, currency: p.salaryCurrency ?? 'EUR' };
  }
}
