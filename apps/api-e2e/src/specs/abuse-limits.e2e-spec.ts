import { createDataSource, PgThrottlerStorage, RedisThrottlerStorage } from '@xkx/api/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { bearer, DEMO, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

const SOME_ID = randomUUID();

/** 429, a Retry-After within the window, and the one error body saying how long to wait. */
function expectLimited(res: Response, windowSeconds = 60): void {
  expect([res.status, res.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/^请求过于频繁，请 \d+ (秒|分钟)后再试$/) });
}

describe('abuse limits: rate limits per account, address and user; trusted proxies', () => {
  let t: TestApp;
  let enterprise: Session;
  let researcher: Session;
  let broker: Session;
  beforeAll(async () => {
    t = await startTestApp({
      XKX_DEMO_SEED: 'true',
      RATE_LIMIT_SIGN_IN_ACCOUNT: '3/1m',
      RATE_LIMIT_SIGN_IN_ADDRESS: '5/1m',
      RATE_LIMIT_REGISTER: '2/1m',
      RATE_LIMIT_FORGOT_PASSWORD_ADDRESS: '3/1m',
      RATE_LIMIT_FORGOT_PASSWORD_EMAIL: '2/1m',
      RATE_LIMIT_OBJECTIONS: '2/1m',
      RATE_LIMIT_INTRODUCTIONS: '1/1m',
      RATE_LIMIT_MESSAGES: '2/1m',
      RATE_LIMIT_SEARCH: '3/1m',
      RATE_LIMIT_IMPORTS: '1/1m',
    });
    // Signed in before the sign-in limits are spent below.
    [enterprise, researcher, broker] = await Promise.all([loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'researcher'), loginDemo(t.http, 'broker')]);
  }, 180_000);
  afterAll(() => t?.close());

  const signIn = (email: string, ip: string) => t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password: 'Not-The-Password-1' });

  it('sign-in: per account, whatever the address', async () => {
    for (const ip of ['10.20.0.1', '10.20.0.2', '10.20.0.3']) await signIn(DEMO.pending.email, ip).expect(401);
    expectLimited(await signIn(DEMO.pending.email, '10.20.0.4'));
    // Another account from the same address is not affected.
    await signIn('someone-else@xkx.demo', '10.20.0.4').expect(401);
  });

  it('sign-in: per address, whatever the account', async () => {
    for (let i = 0; i < 5; i++) await signIn(`nobody-${i}@xkx.demo`, '10.21.0.1').expect(401);
    expectLimited(await signIn('nobody-5@xkx.demo', '10.21.0.1'));
    await signIn('nobody-5@xkx.demo', '10.21.0.2').expect(401);
  });

  it('registration: per address', async () => {
    const body = { email: 'x@y.cn', password: 'Xianlin-Campus-163', name: 'X', role: 'ADMIN' };
    for (let i = 0; i < 2; i++) await t.http.post('/api/auth/register').set('X-Forwarded-For', '10.22.0.1').send(body).expect(400);
    const limited = await t.http.post('/api/auth/register').set('X-Forwarded-For', '10.22.0.1').set('Accept-Language', 'en').send(body);
    expect([limited.status, limited.body.message]).toEqual([429, expect.stringMatching(/^Too many requests; try again in \d+ (seconds?|minutes?)$/)]);
    await t.http.post('/api/auth/register').set('X-Forwarded-For', '10.22.0.2').send(body).expect(400);
  });

  it('forgot-password: per target e-mail (one mailbox is not flooded) and per address', async () => {
    const forgot = (email: string, ip: string) => t.http.post('/api/auth/forgot-password').set('X-Forwarded-For', ip).send({ email });
    await forgot(DEMO.researcher.email, '10.23.0.1').expect(202);
    await forgot(DEMO.researcher.email, '10.23.0.2').expect(202);
    expectLimited(await forgot(DEMO.researcher.email, '10.23.0.3'));
    for (let i = 0; i < 3; i++) await forgot(`someone-${i}@x.cn`, '10.23.1.1').expect(202);
    expectLimited(await forgot('someone-3@x.cn', '10.23.1.1'));
    await forgot('someone-3@x.cn', '10.23.1.2').expect(202);
    const admin = await loginDemo(t.http, 'admin');
    const outbox = await t.http.get('/api/outbox?limit=100').set(...bearer(admin)).expect(200);
    expect(outbox.body.items.filter((m: { to: string; subject: string }) => m.to === DEMO.researcher.email && m.subject.includes('重置密码'))).toHaveLength(2);
  });

  it('public-notice objections: per address for anonymous callers', async () => {
    const object = (ip: string) => t.http.post(`/api/public-notices/${SOME_ID}/objections`).set('X-Forwarded-For', ip).send({ name: '张三', contact: '13800001111', body: '该成果的部分专利权属存在争议，请核实' });
    for (let i = 0; i < 2; i++) expect((await object('10.24.0.1')).status).not.toBe(429);
    expectLimited(await object('10.24.0.1'));
    expect((await object('10.24.0.2')).status).not.toBe(429);
  });

  it('introductions, messages and imports: per signed-in user', async () => {
    await t.http.post('/api/introductions').set(...bearer(enterprise)).send({}).expect(400);
    expectLimited(await t.http.post('/api/introductions').set(...bearer(enterprise)).send({}));

    const message = (who: Session) => t.http.post(`/api/deals/${SOME_ID}/messages`).set(...bearer(who)).send({ body: '您好' });
    for (let i = 0; i < 2; i++) expect((await message(enterprise)).status).not.toBe(429);
    expectLimited(await message(enterprise));
    expect((await message(researcher)).status).not.toBe(429);

    await t.http.post('/api/imports?kind=RESULT').set(...bearer(broker)).expect(400);
    expectLimited(await t.http.post('/api/imports?kind=RESULT').set(...bearer(broker)));
  });

  it('search: per user, anonymous callers per address', async () => {
    for (let i = 0; i < 3; i++) await t.http.get('/api/results?q=电池').set(...bearer(researcher)).expect(200);
    expectLimited(await t.http.get('/api/needs?q=电池').set(...bearer(researcher)));
    await t.http.get('/api/results?q=电池').set('X-Forwarded-For', '10.25.0.1').expect(200);
  });

  describe('limits hold across processes: two storages on one database, or one Redis, share the counts', () => {
    type Storage = { increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<{ totalHits: number; isBlocked: boolean; timeToBlockExpire: number }> };
    async function expectShared(a: Storage, b: Storage): Promise<void> {
      const key = `shared-${randomUUID()}`;
      expect(await a.increment(key, 60_000, 2, 30_000, 'test')).toMatchObject({ totalHits: 1, isBlocked: false });
      expect(await b.increment(key, 60_000, 2, 30_000, 'test')).toMatchObject({ totalHits: 2, isBlocked: false });
      const third = await a.increment(key, 60_000, 2, 30_000, 'test');
      expect(third.isBlocked).toBe(true);
      expect(third.timeToBlockExpire).toBeGreaterThan(25);
      expect(third.timeToBlockExpire).toBeLessThanOrEqual(30);
      expect((await b.increment(key, 60_000, 2, 30_000, 'test')).isBlocked).toBe(true);
    }

    it('PostgreSQL storage (PGlite is one process: the app test above covers it)', async () => {
      if (!t.databaseUrl) return;
      const sources: DataSource[] = [createDataSource({ databaseUrl: t.databaseUrl }), createDataSource({ databaseUrl: t.databaseUrl })];
      try {
        await Promise.all(sources.map((s) => s.initialize()));
        const [a, b] = sources.map((s) => new PgThrottlerStorage(s));
        await expectShared(a!, b!);
        for (const s of [a!, b!]) s.onApplicationShutdown();
      } finally {
        await Promise.all(sources.map((s) => s.destroy()));
      }
    }, 180_000);

    it('Redis storage (REDIS_URL set)', async () => {
      // The machines this project runs on start Redis on 127.0.0.1:6379.
      const url = process.env['REDIS_TEST_URL'] ?? 'redis://127.0.0.1:6379';
      const [a, b] = [new RedisThrottlerStorage(url), new RedisThrottlerStorage(url)];
      try {
        await expectShared(a, b);
      } finally {
        await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown()]);
      }
    });
  });
});

describe('client addresses without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'false', RATE_LIMIT_SIGN_IN_ADDRESS: '2/1m' });
  }, 180_000);
  afterAll(() => t?.close());

  it('a client on loopback cannot choose its address with X-Forwarded-For', async () => {
    const signIn = (email: string, ip: string) => t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password: 'Not-The-Password-1' });
    await signIn('a@x.cn', '10.30.0.1').expect(401);
    await signIn('b@x.cn', '10.30.0.2').expect(401);
    expectLimited(await signIn('c@x.cn', '10.30.0.3'));
  });
});
