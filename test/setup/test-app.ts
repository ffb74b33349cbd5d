import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/server';
import type { AppConfig } from '../../apps/api/src/platform/config/config';
import { createTestDatabase } from './test-db';
import { TokenService } from '../../apps/api/src/platform/auth/token.service';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const DEMO_PASSWORD = 'symmetry-demo';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; field?: string; [k: string]: unknown };
  }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  gql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GqlResult<T>>;
  login: (email: string, password?: string) => Promise<string>;
  /** An access token for a person without a password round-trip (for tests acting as many people). */
  tokenFor: (personId: string) => Promise<string>;
  /** The test file's own database (to start a second instance on it). */
  databaseUrl: string;
  close: () => Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: null,
    dataDir: '/nonexistent',
    jwtSecret: TEST_SECRET,
    nodeEnv: 'test',
    seed: 'none',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 14,
    databasePoolSize: 5,
    jobsEnabled: false,
    webDistDir: null,
    smtpUrl: null,
    mailFrom: 'Symmetry <no-reply@test.example>',
    publicUrl: 'http://symmetry.test',
    ...overrides,
  };
}

/** The API in-process on its own database (a clone of the seeded template), driven with supertest. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await createApp(config, database.url);
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const req = http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  };
  const tokens = new Map<string, string>();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const key = `${email}:${password}`;
    if (tokens.has(key)) return tokens.get(key)!;
    const r = await gql<{ login: { accessToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: email, p: password },
    );
    if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
    tokens.set(key, r.data.login.accessToken);
    return r.data.login.accessToken;
  };
  const tokenFor = async (personId: string) => {
    const [a] = await db.query(
      'SELECT id, organization_id, roles::text[] AS roles FROM user_account WHERE person_id = $1',
      [personId],
    );
    if (!a) throw new Error(`no account for person ${personId}`);
    return app
      .get(TokenService)
      .signAccess({ accountId: a.id, personId, organizationId: a.organization_id, roles: a.roles });
  };
  return {
    app,
    db,
    config,
    http,
    gql,
    login,
    tokenFor,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The error codes of a GraphQL response, in order. */
export const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);
