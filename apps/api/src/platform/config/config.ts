import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type SeedMode = 'demo' | 'none';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  nodeEnv: NodeEnv;
  seed: SeedMode;
  logLevel: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  databasePoolSize: number;
  jobsEnabled: boolean;
  webDistDir: string | null;
  /** SMTP server for e-mail notifications (smtp:// or smtps://); null: in-app notifications only. */
  smtpUrl: string | null;
  /** Sender of e-mail notifications. */
  mailFrom: string;
  /** Address of the web app as users reach it, for links in e-mails. */
  publicUrl: string;
}

/** Thrown when the environment is invalid; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function intVar(
  env: NodeJS.ProcessEnv,
  name: string,
  def: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected an integer between ${min} and ${max}`);
    return def;
  }
  return n;
}

/**
 * Reads and validates the environment. Collects every problem before failing, so the operator
 * sees one clear line per bad variable. The JWT secret is generated and persisted under DATA_DIR
 * in embedded mode; it is required when DATABASE_URL points at a shared server.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  opts: { persistSecret?: boolean } = {},
): AppConfig {
  const problems: string[] = [];
  const port = intVar(env, 'PORT', 3000, 0, 65535, problems);

  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV=${JSON.stringify(nodeEnvRaw)}: expected development, production or test`);
  }
  const nodeEnv = (
    ['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development'
  ) as NodeEnv;

  const seedRaw = env.SEED ?? 'demo';
  if (!['demo', 'none'].includes(seedRaw))
    problems.push(`SEED=${JSON.stringify(seedRaw)}: expected demo or none`);
  const seed = (seedRaw === 'none' ? 'none' : 'demo') as SeedMode;

  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)}: expected one of ${LOG_LEVELS.join(', ')}`);

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('protocol');
    } catch {
      problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
      databaseUrl = null;
    }
  }

  const dataDir = resolve(env.DATA_DIR?.trim() || './.data');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET: must be at least 32 characters');
  if (!jwtSecret && env.DATABASE_URL) {
    problems.push('JWT_SECRET: required when DATABASE_URL is set (every instance must share it)');
  }

  const accessTokenTtlSeconds = intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400, problems);
  const refreshTokenTtlDays = intVar(env, 'REFRESH_TOKEN_TTL_DAYS', 14, 1, 365, problems);
  const databasePoolSize = intVar(env, 'DATABASE_POOL_SIZE', 10, 1, 100, problems);
  const jobsRaw = env.JOBS ?? 'on';
  if (!['on', 'off'].includes(jobsRaw)) problems.push(`JOBS=${JSON.stringify(jobsRaw)}: expected on or off`);

  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl))
    problems.push('SMTP_URL: expected smtp://[user:password@]host[:port] or smtps://…');
  const mailFrom = env.MAIL_FROM?.trim() || 'Symmetry <no-reply@symmetry.localhost>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM=${JSON.stringify(mailFrom)}: expected an e-mail address`);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl))
    problems.push(`PUBLIC_URL=${JSON.stringify(publicUrl)}: expected http(s)://host[:port][/path]`);

  if (problems.length) throw new ConfigError(problems);

  if (!jwtSecret) jwtSecret = embeddedSecret(dataDir, opts.persistSecret !== false);

  const webDist = env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : findWebDist();

  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir,
    jwtSecret,
    nodeEnv,
    seed,
    logLevel,
    accessTokenTtlSeconds,
    refreshTokenTtlDays,
    databasePoolSize,
    jobsEnabled: jobsRaw !== 'off',
    webDistDir: webDist,
    smtpUrl,
    mailFrom,
    publicUrl,
  };
}

/** The secret of the embedded mode: generated once, kept in DATA_DIR/jwt-secret (mode 600). */
function embeddedSecret(dataDir: string, persist: boolean): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  if (persist) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret + '\n', { mode: 0o600 });
  }
  return secret;
}

/** The repository root, found from this file whether it runs from src (ts) or dist (js). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

function findWebDist(): string | null {
  const dir = join(repoRoot(), 'apps', 'web', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}
