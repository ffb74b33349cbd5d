import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import {
  CreatedIntakeApiKey,
  ImportCustomerCsvArgs,
  IntakeApiKey,
  IntakeResultGql,
  MetricDefinition,
  MirrorArgs,
  MirrorView,
  ServiceMirror,
  UpdateMetricDefinitionInput,
  UpsertCustomerMetricsInput,
} from './dto/mirror.types';
import { MirrorService } from './mirror.service';
import { Authorize, HR_OR_ADMIN } from '../../platform/auth/authorize.decorator';
import { Role } from '../organization/organization.enums';
import { AppError, ErrorCode } from '../../platform/graphql/app-error';
import type { GqlContext } from '../../platform/graphql/gql-context';

const toKey = (r: Record<string, unknown>) => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

/** The mirror: HR and managers (their line); intake and its keys: HR. */
@Resolver()
@Authorize({ roles: [Role.HR, Role.ADMIN, Role.MANAGER] })
export class MirrorResolver {
  constructor(private readonly mirror: MirrorService) {}

  @Query(() => [MetricDefinition], { description: 'Metric definitions on both sides.' })
  async metricDefinitions(@Context() ctx: GqlContext) {
    return (await this.mirror.definitions(ctx.viewer!.organizationId)).map((d) => this.mirror.toDef(d));
  }

  @Query(() => MirrorView, {
    description:
      'Each customer metric beside its internal twin, with trends, a team heatmap and lagged correlations.',
  })
  mirrorView(@Args() args: MirrorArgs, @Context() ctx: GqlContext) {
    return this.mirror.mirror(ctx.viewer!, args);
  }

  @Query(() => [ServiceMirror], {
    description: 'How the front-line teams rate each support service, beside their customers.',
  })
  supportServiceMirror(
    @Args('months', { type: () => Int, defaultValue: 12 }) months: number,
    @Context() ctx: GqlContext,
  ) {
    return this.mirror.supportServiceMirror(ctx.viewer!, Math.min(Math.max(months, 1), 24));
  }

  @Mutation(() => MetricDefinition)
  @Authorize({ roles: HR_OR_ADMIN })
  async updateMetricDefinition(
    @Args('key') key: string,
    @Args('input') input: UpdateMetricDefinitionInput,
    @Context() ctx: GqlContext,
  ) {
    return this.mirror.toDef(
      await this.mirror.updateDefinition(ctx.viewer!, key, input as never, ctx.requestId),
    );
  }

  @Mutation(() => IntakeResultGql, {
    description:
      'Customer figures per team and period; upserted by source, team, period and metric. A bad row refuses the batch.',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  async upsertCustomerMetrics(@Args('input') input: UpsertCustomerMetricsInput, @Context() ctx: GqlContext) {
    const result = await this.mirror.intake(
      ctx.viewer!.organizationId,
      input.source,
      input.rows.map((r) => ({ ...r, value: String(Math.round(r.value * 1e4) / 1e4) })),
      true,
      0,
      { personId: ctx.viewer!.personId, requestId: ctx.requestId },
    );
    if (!result.valid) {
      const p = result.problems[0];
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Row ${p.line}: ${p.message}`,
        `input.rows.${p.line}.${p.field}`,
        {
          problems: result.problems,
        },
      );
    }
    return result;
  }

  @Mutation(() => IntakeResultGql, { description: 'The same from a CSV file, with a row-by-row report.' })
  @Authorize({ roles: HR_OR_ADMIN })
  async importCustomerMetricsCsv(@Args() args: ImportCustomerCsvArgs, @Context() ctx: GqlContext) {
    const parsed = this.mirror.parseCsv(args.csv);
    if (parsed.problems.length)
      return {
        valid: false,
        applied: false,
        rows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        problems: parsed.problems,
      };
    return this.mirror.intake(ctx.viewer!.organizationId, 'csv', parsed.rows, args.apply, 2, {
      personId: ctx.viewer!.personId,
      requestId: ctx.requestId,
    });
  }

  @Query(() => [IntakeApiKey])
  @Authorize({ roles: HR_OR_ADMIN })
  async intakeApiKeys(@Context() ctx: GqlContext) {
    return (await this.mirror.keys(ctx.viewer!)).map(toKey);
  }

  @Mutation(() => CreatedIntakeApiKey, {
    description: 'A key for a CRM to push customer figures (intake only).',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  async createIntakeApiKey(@Args('name') name: string, @Context() ctx: GqlContext) {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'A key needs a name (1-100 characters)', 'name');
    const created = await this.mirror.createKey(ctx.viewer!, trimmed, ctx.requestId);
    return { key: created.key, apiKey: toKey(created.apiKey) };
  }

  @Mutation(() => IntakeApiKey)
  @Authorize({ roles: HR_OR_ADMIN })
  async revokeIntakeApiKey(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Context() ctx: GqlContext,
  ) {
    return toKey(await this.mirror.revokeKey(ctx.viewer!, id, ctx.requestId));
  }

  @Mutation(() => Int, {
    description: 'Recompute the internal figures from surveys and the service desk now.',
  })
  @Authorize({ roles: HR_OR_ADMIN })
  refreshInternalMetrics(@Context() ctx: GqlContext) {
    return this.mirror.refreshPlatform(ctx.viewer!.organizationId);
  }
}
