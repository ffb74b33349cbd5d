import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobsService } from '../../platform/jobs/jobs.service';

export const SESSION_PURGE = 'sessions.purge';

/**
 * Hourly: delete refresh tokens expired or revoked more than a day ago, and sign-in throttling
 * rows whose window and lock are long over. Without it both tables only grow.
 */
@Injectable()
export class SessionPurgeJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SESSION_PURGE, cron: '17 * * * *', handler: () => this.run() });
  }

  async run(): Promise<{ tokens: number; throttles: number; pid: number }> {
    const tokens = await this.db.query(
      `DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
    );
    const throttles = await this.db.query(
      `DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day'
         AND (locked_until IS NULL OR locked_until < now() - interval '1 day')`,
    );
    return { tokens: tokens[1] ?? 0, throttles: throttles[1] ?? 0, pid: process.pid };
  }
}
