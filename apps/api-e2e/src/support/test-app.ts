import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp, loadConfig } from '@xkx/api/testing';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** The real application (same bootstrap as `npm start`) on a fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    XKX_DATA_DIR: 'memory:',
    XKX_WEB_DIR: '',
    XKX_DEMO_SEED: 'false',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await createApp(config);
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
