import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { UserAccount } from './user-account.entity';
import { RefreshToken } from './refresh-token.entity';
import { Person } from '../person/person.entity';
import { dummyHash, verifyPassword } from './password';
import { TokenService } from '../../platform/auth/token.service';
import { AppError, ErrorCode, unauthenticated } from '../../platform/graphql/app-error';
import type { Viewer } from '../../platform/auth/viewer';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
/** A refresh token replaced less than this long ago may be presented again (two tabs refreshing). */
const ROTATION_GRACE_MS = 10_000;

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  person: Person;
  viewer: Viewer;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /**
   * Password sign-in. Failures are counted per e-mail in PostgreSQL (every instance sees them);
   * after MAX_FAILURES within the window the e-mail is locked for LOCK_MINUTES, whether or not an
   * account exists, so the answers never reveal which e-mails are registered.
   */
  async login(emailRaw: string, password: string): Promise<Session> {
    const email = emailRaw.trim().toLowerCase();
    const [lock] = await this.db.query(
      'SELECT locked_until FROM login_throttle WHERE email = $1 AND locked_until > now()',
      [email],
    );
    if (lock) throw this.lockedError(new Date(lock.locked_until));

    const account = await this.db.getRepository(UserAccount).findOneBy({ email });
    // A person whose leaving date has come is refused like a disabled account (same answer, same count).
    const open = account && !account.disabled && !(await this.hasLeft(this.db.manager, account.personId));
    const ok = open
      ? await verifyPassword(account.passwordHash, password)
      : (await verifyPassword(await dummyHash(), password)) && false;
    if (!ok || !account) {
      const [row] = await this.db.query(
        `INSERT INTO login_throttle (email, failures, window_started_at, locked_until) VALUES ($1, 1, now(), NULL)
         ON CONFLICT (email) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
           window_started_at = CASE WHEN login_throttle.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_started_at END,
           locked_until = CASE WHEN login_throttle.window_started_at >= now() - make_interval(mins => $2) AND login_throttle.failures + 1 >= $3
                               THEN now() + make_interval(mins => $4) ELSE NULL END
         RETURNING failures, locked_until`,
        [email, FAILURE_WINDOW_MINUTES, MAX_FAILURES, LOCK_MINUTES],
      );
      if (row?.locked_until) throw this.lockedError(new Date(row.locked_until));
      throw unauthenticated('Wrong e-mail or password');
    }
    await this.db.query('DELETE FROM login_throttle WHERE email = $1', [email]);
    return this.db.transaction((m) => this.issue(m, account, randomUUID()));
  }

  /** Rotates the refresh token; reuse of an already rotated token revokes its whole family. */
  async refresh(presented: string | undefined): Promise<Session> {
    if (!presented) throw unauthenticated('No session');
    const hash = this.tokens.hash(presented);
    const outcome = await this.db.transaction(async (m) => {
      const token = await m
        .getRepository(RefreshToken)
        .findOne({ where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!token) return { error: 'Session expired, sign in again' } as const;
      const now = Date.now();
      if (token.expiresAt.getTime() <= now) return { error: 'Session expired, sign in again' } as const;
      if (token.revokedAt) {
        const graceful = token.replacedById && now - token.revokedAt.getTime() < ROTATION_GRACE_MS;
        if (!graceful) {
          await m.update(
            RefreshToken,
            { familyId: token.familyId, revokedAt: IsNull() },
            { revokedAt: new Date() },
          );
          return { error: 'Session revoked, sign in again' } as const;
        }
      }
      const account = await m.getRepository(UserAccount).findOneBy({ id: token.accountId });
      if (!account || account.disabled) return { error: 'Account disabled' } as const;
      if (await this.hasLeft(m, account.personId)) {
        await m.update(
          RefreshToken,
          { familyId: token.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        return { error: 'This person has left the organisation' } as const;
      }
      const session = await this.issue(m, account, token.familyId);
      if (!token.revokedAt) {
        const next = await m
          .getRepository(RefreshToken)
          .findOneByOrFail({ tokenHash: this.tokens.hash(session.refreshToken) });
        await m.update(RefreshToken, { id: token.id }, { revokedAt: new Date(), replacedById: next.id });
      }
      return { session } as const;
    });
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return outcome.session;
  }

  /** Revokes the presented token's family (this browser's session). */
  async logout(presented: string | undefined): Promise<void> {
    if (!presented) return;
    await this.db.query(
      `UPDATE refresh_token SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1)`,
      [this.tokens.hash(presented)],
    );
  }

  /**
   * Whether the person's leaving date has come (in the organisation's time zone): from that day on
   * they cannot sign in or refresh a session. An access token already issued lives out its
   * ACCESS_TOKEN_TTL_SECONDS (15 minutes by default), like one of a disabled account.
   */
  private async hasLeft(m: EntityManager, personId: string): Promise<boolean> {
    const [row] = await m.query(
      `SELECT p.left_on <= (now() AT TIME ZONE o.time_zone)::date AS gone
         FROM person p JOIN organization o ON o.id = p.organization_id WHERE p.id = $1`,
      [personId],
    );
    return row?.gone === true;
  }

  private async issue(m: EntityManager, account: UserAccount, familyId: string): Promise<Session> {
    const viewer: Viewer = {
      accountId: account.id,
      personId: account.personId,
      organizationId: account.organizationId,
      roles: account.roles,
    };
    const { token, hash } = this.tokens.newRefreshToken();
    const refreshExpiresAt = new Date(Date.now() + this.tokens.refreshTtlMs);
    await m.insert(RefreshToken, {
      accountId: account.id,
      familyId,
      tokenHash: hash,
      expiresAt: refreshExpiresAt,
    });
    const person = await m.getRepository(Person).findOneByOrFail({ id: account.personId });
    return {
      accessToken: await this.tokens.signAccess(viewer),
      expiresIn: this.tokens.accessTtlSeconds,
      refreshToken: token,
      refreshExpiresAt,
      person,
      viewer,
    };
  }

  private lockedError(until: Date) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new AppError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Too many failed sign-in attempts. Try again in ${minutes} minute(s).`,
      undefined,
      {
        retryAfterSeconds: minutes * 60,
      },
    );
  }
}
