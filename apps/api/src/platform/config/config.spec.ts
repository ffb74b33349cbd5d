import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cfg-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults in embedded mode, and persists a generated JWT secret', () => {
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: null,
      nodeEnv: 'development',
      seed: 'demo',
      dataDir: dir,
    });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(c.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(c.jwtSecret);
  });

  it('reports one line per bad variable, all at once', () => {
    let err: ConfigError | undefined;
    try {
      loadConfig({
        PORT: '70000',
        NODE_ENV: 'prod',
        SEED: 'x',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'http://db',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems.map((p) => p.split(/[=:]/)[0])).toEqual([
      'PORT',
      'NODE_ENV',
      'SEED',
      'LOG_LEVEL',
      'DATABASE_URL',
      'JWT_SECRET',
    ]);
  });

  it('requires JWT_SECRET with an external database (instances must share it)', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/symmetry' })).toThrow(
      /JWT_SECRET: required/,
    );
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/symmetry',
      JWT_SECRET: 'k'.repeat(32),
      PORT: '8080',
      SEED: 'none',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/symmetry',
      jwtSecret: 'k'.repeat(32),
      port: 8080,
      seed: 'none',
    });
  });
});
