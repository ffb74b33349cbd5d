import { wallClockAt } from '@symmetry/domain';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';
import { UpdateOrganizationInput } from './dto/update-organization.input';
import { Authorize, HR_OR_ADMIN, Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import {
  CountryHolidaysArgs,
  HolidayCountry,
  HolidayLocaleArgs,
  HolidaysArgs,
  HolidaySource,
  OrganizationHoliday,
} from './dto/holidays.types';
import {
  countryHolidays,
  holidayCountries,
  isKnownHolidayPlace,
  organizationHolidays,
} from './public-holidays';
import { badInput } from '../../platform/graphql/app-error';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Query(() => Organization, { description: "The viewer's organisation." })
  @Members()
  organization(@Context() ctx: GqlContext) {
    return this.organizations.get(ctx.viewer!.organizationId);
  }

  @Mutation(() => Organization, { description: 'Change organisation settings (HR, ADMIN); audited.' })
  @Authorize({ roles: HR_OR_ADMIN })
  updateOrganization(@Args('input') input: UpdateOrganizationInput, @Context() ctx: GqlContext) {
    return this.organizations.update(ctx.viewer!, input, ctx.requestId);
  }

  @ResolveField(() => [OrganizationHoliday], {
    description:
      'The days off of a year: the country’s public holidays (those the organisation works marked removed) and the days HR added.',
  })
  @Members()
  holidays(@Parent() org: Organization, @Args() args: HolidaysArgs) {
    const year = args.year ?? wallClockAt(Date.now(), org.timeZone).year;
    return organizationHolidays(
      {
        public_holidays: org.publicHolidays,
        holiday_country: org.holidayCountry,
        holiday_region: org.holidayRegion,
        holidays_removed: org.holidaysRemoved,
      },
      year,
      args.locale,
    );
  }

  @Query(() => [HolidayCountry], {
    description: 'Countries whose public holidays are known (date-holidays), with their regions.',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  holidayCountries(@Args() args: HolidayLocaleArgs) {
    return holidayCountries(args.locale);
  }

  @Query(() => [OrganizationHoliday], {
    description: 'A country’s (and region’s) public holidays in a year: what a calendar on them would take.',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  countryHolidays(@Args() args: CountryHolidaysArgs): OrganizationHoliday[] {
    if (!isKnownHolidayPlace(args.country, null))
      throw badInput('country', `No public holidays are known for "${args.country}"`);
    if (args.region && !isKnownHolidayPlace(args.country, args.region))
      throw badInput('region', `"${args.region}" is not a region of ${args.country}`);
    return countryHolidays(args.country, args.region ?? null, args.year, args.locale).map((d) => ({
      ...d,
      source: HolidaySource.COUNTRY,
      removed: false,
    }));
  }
}
