import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../graphql/gql-context';
import type { AuthzRule, Relation } from './authorize.decorator';
import { forbidden, unauthenticated } from '../graphql/app-error';

/**
 * The one policy layer. Rules are declared on resolvers with @Authorize / @Members / @Public and
 * evaluated here: role first, then scope (self, reporting line). The reporting line (whole subtree
 * under the viewer) is read once per request with a recursive query and cached in the context.
 */
@Injectable()
export class PolicyService {
  constructor(private readonly db: DataSource) {}

  /** Throws UNAUTHENTICATED or FORBIDDEN unless the rule allows the viewer. */
  async enforce(
    ctx: GqlContext,
    rule: AuthzRule,
    args: Record<string, unknown>,
    parent: unknown,
  ): Promise<void> {
    if (rule.public) return;
    if (!ctx.viewer) throw unauthenticated(ctx.authProblem ?? 'Sign in first');
    if (!(await this.allows(ctx, rule, args, parent))) throw forbidden();
  }

  /** Whether the rule allows the signed-in viewer (no throw). */
  async allows(
    ctx: GqlContext,
    rule: AuthzRule,
    args: Record<string, unknown>,
    parent: unknown,
  ): Promise<boolean> {
    if (rule.public) return true;
    const viewer = ctx.viewer;
    if (!viewer) return false;
    if (rule.roles === 'ANY_MEMBER' || rule.roles.some((r) => viewer.roles.includes(r))) return true;
    if (!rule.scope) return false;
    const subject = rule.scope.subject(args, parent);
    if (!subject) return false;
    return this.relatesTo(ctx, subject, rule.scope.relations);
  }

  /** Whether `personId` is the viewer (SELF) or below them in the reporting line (LINE). */
  async relatesTo(ctx: GqlContext, personId: string, relations: Relation[]): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    if (relations.includes('SELF') && personId === viewer.personId) return true;
    if (relations.includes('LINE')) return (await this.line(ctx)).has(personId);
    return false;
  }

  /**
   * Everyone reporting to the viewer, directly or not (the viewer excluded), still employed: from
   * their leaving date on (in the organisation's time zone), former staff's HR data is HR's only.
   * The people below a former manager, who may still report to them, stay in the line.
   */
  line(ctx: GqlContext): Promise<Set<string>> {
    if (!ctx.lineCache) {
      const viewer = ctx.viewer!;
      ctx.lineCache = this.db
        .query(
          `WITH RECURSIVE line AS (
             SELECT id, left_on FROM person WHERE manager_id = $1 AND organization_id = $2
             UNION
             SELECT p.id, p.left_on FROM person p JOIN line l ON p.manager_id = l.id WHERE p.organization_id = $2
           )
           SELECT id FROM line
            WHERE left_on IS NULL
               OR left_on > (SELECT (now() AT TIME ZONE time_zone)::date FROM organization WHERE id = $2)`,
          [viewer.personId, viewer.organizationId],
        )
        .then((rows: { id: string }[]) => new Set(rows.map((r) => r.id)));
    }
    return ctx.lineCache;
  }
}
