import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { PeopleImportService } from './people-import.service';
import { ImportPeopleArgs, PeopleImportResult } from './dto/people-import.types';
import { Authorize, HR_OR_ADMIN } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';

@Resolver()
export class PeopleImportResolver {
  constructor(private readonly importer: PeopleImportService) {}

  @Mutation(() => PeopleImportResult, {
    description:
      'Import people and teams from CSV (HR, ADMIN). VALIDATE reports only; APPLY writes only a fully valid file.',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  importPeople(@Args() args: ImportPeopleArgs, @Context() ctx: GqlContext) {
    return this.importer.run(ctx.viewer!, args.csv, args.mode, ctx.requestId);
  }
}
