import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AuthService, type Session } from './auth.service';
import { AuthPayload, LoginArgs } from './dto/auth.types';
import { Public } from '../../platform/auth/authorize.decorator';
import type { GqlContext } from '../../platform/graphql/gql-context';
import { APP_CONFIG } from '../../platform/config/config.module';
import type { AppConfig } from '../../platform/config/config';

export const REFRESH_COOKIE = 'symmetry_rt';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Nullable on purpose: each aliased login in one request is attempted, and counted, on its own.
  @Mutation(() => AuthPayload, { nullable: true, description: 'Sign in; also sets the refresh cookie.' })
  @Public()
  async login(@Args() args: LoginArgs, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.open(ctx, await this.auth.login(args.email, args.password));
  }

  @Mutation(() => AuthPayload, { description: 'New access token from the refresh cookie (rotated).' })
  @Public()
  async refreshSession(@Context() ctx: GqlContext): Promise<AuthPayload> {
    try {
      return this.open(ctx, await this.auth.refresh(ctx.req.cookies?.[REFRESH_COOKIE]));
    } catch (e) {
      ctx.reply.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
      throw e;
    }
  }

  @Mutation(() => Boolean, { description: 'Revoke this session and clear its cookie.' })
  @Public()
  async logout(@Context() ctx: GqlContext): Promise<boolean> {
    await this.auth.logout(ctx.req.cookies?.[REFRESH_COOKIE]);
    ctx.reply.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
    return true;
  }

  private open(ctx: GqlContext, s: Session): AuthPayload {
    ctx.reply.setCookie(REFRESH_COOKIE, s.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: '/graphql',
      expires: s.refreshExpiresAt,
    });
    // The payload's person is resolved as the newly signed-in viewer.
    ctx.viewer = s.viewer;
    ctx.lineCache = undefined;
    ctx.loaders.switchOrganization(s.viewer.organizationId);
    return { accessToken: s.accessToken, expiresIn: s.expiresIn, person: s.person };
  }
}
