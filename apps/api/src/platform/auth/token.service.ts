import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { Viewer } from './viewer';
import type { Role } from '../../modules/organization/organization.enums';

export const ISSUER = 'symmetry';

/** Access tokens remembered once verified (per instance, until they expire). */
const VERIFIED_TOKENS = 1000;

/** Short-lived signed access tokens (JWT, HS256) and opaque refresh tokens (stored hashed). */
@Injectable()
export class TokenService {
  /** A key object made once: passing raw bytes would have jose import the key on every call. */
  private readonly key: KeyObject;
  /**
   * A signed token never changes, so verifying it again gives the same viewer until it expires:
   * the HMAC check and the claims parsing (about 60 µs) are done once per token and instance. This
   * changes nothing about what a token allows (roles are in the token for its lifetime, as before;
   * a disabled account is refused at the next refresh), and nothing any other instance must know.
   */
  private readonly verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  get accessTtlSeconds() {
    return this.config.accessTokenTtlSeconds;
  }

  get refreshTtlMs() {
    return this.config.refreshTokenTtlDays * 86_400_000;
  }

  async signAccess(viewer: Viewer): Promise<string> {
    return new SignJWT({ pid: viewer.personId, org: viewer.organizationId, roles: viewer.roles })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(viewer.accountId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.config.accessTokenTtlSeconds)
      .sign(this.key);
  }

  /** The viewer of a valid token, or the reason it is not valid. */
  async verifyAccess(token: string): Promise<{ viewer: Viewer } | { problem: string }> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return { viewer: known.viewer };
      this.verified.delete(token);
      return { problem: 'Access token expired' };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.pid !== 'string' ||
        typeof payload.org !== 'string'
      ) {
        return { problem: 'Invalid access token' };
      }
      const viewer: Viewer = Object.freeze({
        accountId: payload.sub,
        personId: payload.pid,
        organizationId: payload.org,
        roles: Object.freeze(Array.isArray(payload.roles) ? [...(payload.roles as Role[])] : []) as Role[],
      });
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { viewer, expiresAtMs: payload.exp * 1000 });
      }
      return { viewer };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) return { problem: 'Access token expired' };
      return { problem: 'Invalid access token' };
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
