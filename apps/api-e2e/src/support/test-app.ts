import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp, loadConfig } from '@xkx/api/testing';
import type { CreateAppOptions } from '@xkx/api/testing';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Rate limits so high that no spec meets them; a spec about limits passes its own lower ones.
 * Read from the config class, so a new limit is covered without touching this list.
 */
export const HIGH_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  Object.keys(loadConfig({}))
    .filter((key) => key.startsWith('RATE_LIMIT_'))
    .map((key) => [key, '1000000/1m']),
);

/**
 * The real application (same bootstrap as `npm start`) on a fresh database, copied from the one
 * the tier migrated (and, for XKX_DEMO_SEED=true, seeded) once: its start-up migrations and seed
 * then have nothing to do. Specs reach it through
 * supertest on loopback and pick client addresses with X-Forwarded-For, so loopback is a trusted proxy
 * here (the app's default trusts none).
 */
export async function startTestApp(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  // A spec that tells the app not to migrate at start is about the first start: it gets an empty database.
  // One that asks for the demo seed gets the copy it already ran on (its seed then finds data: a restart).
  const migrated = env['XKX_MIGRATE_ON_START'] !== 'false';
  const database: TestDatabase = await createTestDatabase({ migrated, seeded: migrated && env['XKX_DEMO_SEED'] === 'true' });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    XKX_DATA_DIR: 'memory:',
    XKX_WEB_DIR: '',
    XKX_DEMO_SEED: 'false',
    TRUST_PROXY: 'loopback',
    ...HIGH_RATE_LIMITS,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await createApp(config, { ...(database.embeddedSnapshot ? { embeddedSnapshot: database.embeddedSnapshot } : {}), ...options });
  return {
    app,
    http: request(app.getHttpServer()),
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
