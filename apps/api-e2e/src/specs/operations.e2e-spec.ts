import { AppConfig, HealthService, isValidSetupToken, MatchingService, mintSetupToken, runMigrationsLocked } from '@xkx/api/testing';
import { creditCodeCheckChar } from '@xkx/util';
import { DataSource } from 'typeorm';
import { bearer, login } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The first start on an empty database the app was told not to migrate (XKX_MIGRATE_ON_START=false):
 * liveness and readiness, the setup link for the first administrator, invitations, and draining.
 */
describe('operations: readiness, first administrator, invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_MIGRATE_ON_START: 'false' });
  }, 120_000);
  afterAll(() => t.close());

  // First, so ioredis's connect-timeout timer has run out by the time the app closes.
  it('checks the queue when one is configured', async () => {
    const config = t.app.get(AppConfig);
    config.REDIS_URL = 'redis://127.0.0.1:1';
    try {
      const res = await t.http.get('/api/health/ready').expect(503);
      expect(res.body).toMatchObject({ status: 'not-ready', queue: 'down', database: 'up' });
    } finally {
      config.REDIS_URL = undefined;
    }
  });

  it('is live at once, but not ready while migrations are pending', async () => {
    expect((await t.http.get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const res = await t.http.get('/api/health/ready').expect(503);
    expect(res.body).toEqual({ status: 'not-ready', database: 'up', migrations: 'pending', matching: 'loading', draining: false });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is ready once the release step migrated and the matching index loaded', async () => {
    await runMigrationsLocked(t.app.get(DataSource));
    const notYet = await t.http.get('/api/health/ready').expect(503);
    expect(notYet.body).toMatchObject({ migrations: 'applied', matching: 'loading' });
    await t.app.get(MatchingService).reload();
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ready', database: 'up', migrations: 'applied', matching: 'loaded', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) }, draining: false });
  });

  it('creates the first administrator through the one-time setup link, once', async () => {
    expect((await t.http.get('/api/setup').expect(200)).body).toEqual({ administratorNeeded: true });
    const secret = t.app.get(AppConfig).jwtSecret;
    const token = mintSetupToken(secret);
    expect(isValidSetupToken(secret, token, Date.now() + 61 * 60 * 1000)).toBe(false);
    const admin = { email: 'IT@Qixia.gov.cn', name: '王工', password: 'Qixia-Setup-2026!' };
    const forged = await t.http.post('/api/setup/administrator').send({ ...admin, token: mintSetupToken('another-secret-of-32-characters!!') }).expect(400);
    expect(forged.body.code).toBe('SETUP_LINK_INVALID');
    const weak = await t.http.post('/api/setup/administrator').send({ ...admin, token, password: 'password123' }).expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const created = await t.http.post('/api/setup/administrator').send({ ...admin, token }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), email: 'it@qixia.gov.cn', name: '王工' });
    const again = await t.http.post('/api/setup/administrator').send({ ...admin, email: 'other@qixia.gov.cn', token }).expect(409);
    expect(again.body.code).toBe('SETUP_NOT_NEEDED');
    expect((await t.http.get('/api/setup').expect(200)).body).toEqual({ administratorNeeded: false });

    const session = await login(t.http, 'it@qixia.gov.cn', admin.password, '10.19.0.1');
    const audit = await t.http.get('/api/audit-logs?action=ADMIN_CREATED').set(...bearer(session)).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'ADMIN_CREATED', subjectId: created.body.id })]);
  });

  it('an administrator creates a tech-transfer center and invites its broker, who sets a password and signs in', async () => {
    const admin = await login(t.http, 'it@qixia.gov.cn', 'Qixia-Setup-2026!', '10.19.0.2');
    const center = await t.http
      .post('/api/organizations')
      .set(...bearer(admin))
      .send({ nameZh: '栖霞区技术转移中心', kind: 'AGENCY', areaCode: '320113', creditCode: `91320113MA1XKX019${creditCodeCheckChar('91320113MA1XKX019')}` })
      .expect(201);
    const invited = await t.http
      .post('/api/users/invitations')
      .set(...bearer(admin))
      .send({ email: 'Li.Broker@qixia.gov.cn', name: '李经理', role: 'BROKER', organizationId: center.body.id })
      .expect(201);
    expect(invited.body).toMatchObject({ email: 'li.broker@qixia.gov.cn', role: 'BROKER', status: 'ACTIVE', organization: { id: center.body.id } });
    const taken = await t.http.post('/api/users/invitations').set(...bearer(admin)).send({ email: 'li.broker@qixia.gov.cn', name: '李', role: 'BROKER', organizationId: center.body.id }).expect(409);
    expect(taken.body.code).toBe('EMAIL_TAKEN');

    // Nobody can sign in as the invitee before the link is used.
    await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.19.0.3').send({ email: 'li.broker@qixia.gov.cn', password: '' }).expect(400);
    const outbox = await t.http.get('/api/outbox').set(...bearer(admin)).expect(200);
    const mail = (outbox.body.items as Array<{ toAddress?: string; to?: string; body: string }>).find((m) => (m.toAddress ?? m.to) === 'li.broker@qixia.gov.cn');
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
    expect(token).toBeDefined();
    await t.http.post('/api/auth/reset-password').send({ token, newPassword: 'Lantern-Orchid-2026!' }).expect((res) => expect(res.status).toBeLessThan(300));
    const broker = await login(t.http, 'li.broker@qixia.gov.cn', 'Lantern-Orchid-2026!', '10.19.0.4');
    const me = await t.http.get('/api/auth/me').set(...bearer(broker)).expect(200);
    expect(me.body).toMatchObject({ role: 'BROKER', organization: { id: center.body.id } });
    const audit = await t.http.get('/api/audit-logs?action=USER_INVITED').set(...bearer(admin)).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ subjectId: invited.body.id })]);
  });

  it('stops being ready once draining for a shutdown, while staying live', async () => {
    t.app.get(HealthService).startDraining();
    expect((await t.http.get('/api/health/ready').expect(503)).body).toMatchObject({ status: 'not-ready', draining: true });
    await t.http.get('/api/health/live').expect(200);
  });
});
