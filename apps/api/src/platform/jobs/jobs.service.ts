import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DATABASE_URL } from '../config/config.module';
import type { AppConfig } from '../config/config';

export interface JobDefinition<T extends object = object> {
  /** Queue name, e.g. `sessions.purge`. */
  name: string;
  /** Runs one job; what it returns is kept as the job's output. */
  handler: (data: T) => Promise<object | void>;
  /** Optional cron (UTC): pg-boss sends it once per tick across every instance. */
  cron?: string;
}

/**
 * Background jobs on pg-boss, in the application's own PostgreSQL (schema `pgboss`). Any instance
 * may work any job; workers fetch with SKIP LOCKED, so each job runs once however many instances
 * there are. Modules declare their jobs with `define()` while the app starts.
 */
const QUEUE_SETUP_LOCK = 727_002;

@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions: JobDefinition[] = [];
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly db: DataSource,
  ) {}

  define<T extends object>(definition: JobDefinition<T>): void {
    this.definitions.push(definition as JobDefinition);
  }

  get enabled(): boolean {
    return this.config.jobsEnabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      application_name: 'symmetry-jobs',
      max: 3,
      pollingIntervalSeconds: 1,
    });
    boss.on('error', (e) => this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    await boss.start();
    // pg-boss 10 deadlocks when two instances create the same queue at once: take turns.
    const runner = this.db.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
      for (const d of this.definitions) if (!(await boss.getQueue(d.name))) await boss.createQueue(d.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]).catch(() => undefined);
      await runner.release();
    }
    for (const d of this.definitions) {
      await boss.work(d.name, async (jobs) => {
        const outputs: (object | void)[] = [];
        for (const job of jobs) outputs.push(await d.handler(job.data as object));
        return outputs.length === 1 ? outputs[0] : outputs;
      });
      if (d.cron) await boss.schedule(d.name, d.cron, {}, { tz: 'UTC' });
    }
    this.boss = boss;
  }

  /** Queues a job; returns its id. */
  async send(name: string, data: object = {}): Promise<string | null> {
    if (!this.boss) throw new Error('Jobs are disabled (JOBS=off)');
    return this.boss.send(name, data);
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Let running jobs finish (up to 10 s), then close pg-boss's own pool.
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
