import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';
import { UpdateOrganizationInput } from './dto/update-organization.input';
import { Authorize, HR_OR_ADMIN, Members } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';

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
}
