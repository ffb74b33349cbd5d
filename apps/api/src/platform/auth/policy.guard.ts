import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AUTHZ_KEY, type AuthzRule } from './authorize.decorator';
import { PolicyService } from './policy.service';
import type { GqlContext } from '../graphql/gql-context';
import { forbidden } from '../graphql/app-error';

/**
 * Global guard for every GraphQL operation and field resolver (and HTTP route). Fails closed: a
 * handler without a rule is refused, and a test lists every resolver to prove each has one.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: PolicyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthzRule | undefined>(AUTHZ_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw forbidden('This operation has no authorization rule');
    if (rule.public) return true;
    if (context.getType<string>() !== 'graphql') throw forbidden();
    const gql = GqlExecutionContext.create(context);
    await this.policy.enforce(gql.getContext<GqlContext>(), rule, gql.getArgs(), gql.getRoot());
    return true;
  }
}
