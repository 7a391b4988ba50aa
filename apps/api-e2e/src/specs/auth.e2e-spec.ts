import { JwtService } from '@nestjs/jwt';
import { bearer, DEMO, login, loginDemo, REGISTRATION_ACCEPTED, registerAndSignIn, Session } from '../support/auth';
import { AppConfig } from '@xkx/api/testing';
import { startTestApp, TestApp } from '../support/test-app';

describe('accounts and sign-in', () => {
  let t: TestApp;
  let orgs: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const res = await t.http.get('/api/organizations?limit=100').expect(200);
    orgs = Object.fromEntries(res.body.items.map((o: { nameZh: string; id: string }) => [o.nameZh, o.id]));
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>, ip = '10.1.0.1') =>
    t.http.post('/api/auth/register').set('X-Forwarded-For', ip).send(body);

  describe('registration', () => {
    it('registers a researcher at an institution as pending; the account then signs in', async () => {
      const res = await register({ email: 'Li.Lei@NJU.edu.cn', password: 'Xianlin-Campus-163', name: '李雷', role: 'RESEARCHER', organizationId: orgs['南京大学'], mobile: '+86 138 0000 1111' }).expect(202);
      expect(res.body).toEqual(REGISTRATION_ACCEPTED);
      const signedIn = await login(t.http, 'li.lei@nju.edu.cn', 'Xianlin-Campus-163', '10.1.0.9');
      const me = await t.http.get('/api/auth/me').set(...bearer(signedIn)).expect(200);
      expect(me.body).toMatchObject({ email: 'li.lei@nju.edu.cn', status: 'PENDING', role: 'RESEARCHER', mobile: '13800001111', organization: { nameZh: '南京大学' } });
      expect(me.body.permissions).toContain('result:write');
      expect(me.body.permissions).not.toContain('listing:submit');
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('does not reveal a taken e-mail (any case): the same answer, no second account, and the owner is mailed', async () => {
      const fresh = await register({ email: 'someone.new@nju.edu.cn', password: 'Another-Passphrase-1', name: '新人', role: 'RESEARCHER', organizationId: orgs['南京大学'] }).expect(202);
      const taken = await register({ email: 'LI.LEI@nju.edu.cn', password: 'Another-Passphrase-1', name: '重复', role: 'ENTERPRISE', enterprise: { creditCode: '91350100M000100Y43', nameZh: '冒名科技有限公司' } }).expect(202);
      expect(taken.body).toEqual(fresh.body);
      expect(Object.keys(taken.headers).filter((h) => h !== 'date' && h !== 'etag')).toEqual(Object.keys(fresh.headers).filter((h) => h !== 'date' && h !== 'etag'));
      // The owner's password still works, the newcomer's does not, and no enterprise was created.
      await login(t.http, 'li.lei@nju.edu.cn', 'Xianlin-Campus-163', '10.1.0.10');
      await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.1.0.11').send({ email: 'li.lei@nju.edu.cn', password: 'Another-Passphrase-1' }).expect(401);
      const found = await t.http.get(`/api/organizations?q=${encodeURIComponent('冒名科技')}`).expect(200);
      expect(found.body.total).toBe(0);
      const admin = await loginDemo(t.http, 'admin');
      const outbox = await t.http.get('/api/outbox?limit=50').set(...bearer(admin)).expect(200);
      const mails = outbox.body.items.filter((m: { to: string }) => m.to === 'li.lei@nju.edu.cn') as Array<{ subject: string; body: string }>;
      expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('已注册'), expect.stringContaining('注册已收到')]);
      expect(mails[0]!.body).toContain('/forgot-password');
    });

    it('refuses a researcher without an institution, or at an enterprise', async () => {
      await register({ email: 'a@b.cn', password: 'Xianlin-Campus-163', name: 'A', role: 'RESEARCHER' }).expect(400);
      const res = await register({ email: 'a@b.cn', password: 'Xianlin-Campus-163', name: 'A', role: 'RESEARCHER', organizationId: orgs['南京龙潭新材料股份有限公司'] }).expect(400);
      expect(res.body.code).toBe('INSTITUTION_REQUIRED');
    });

    it('lets enterprise staff join their enterprise by credit code', async () => {
      const existing = (await t.http.get(`/api/organizations/${orgs['南京栖霞新能源科技有限公司']}`).expect(200)).body.creditCode;
      const res = await registerAndSignIn(t.http, { email: 'staff@qxne.cn', password: 'New-Energy-Qixia-1', name: '员工', role: 'ENTERPRISE', enterprise: { creditCode: existing } });
      expect(res.user.organization!.id).toBe(orgs['南京栖霞新能源科技有限公司']);
    });

    it('creates a new, unverified enterprise when nobody has the credit code yet', async () => {
      const res = await registerAndSignIn(t.http, { email: 'ceo@newco.cn', password: 'Brand-New-Company-9', name: '王总', role: 'ENTERPRISE', enterprise: { creditCode: '91350100M000100Y43', nameZh: '福州示例科技有限公司' } });
      const org = await t.http.get(`/api/organizations/${res.user.organization!.id}`).expect(200);
      expect(org.body).toMatchObject({ nameZh: '福州示例科技有限公司', kind: 'ENTERPRISE', verified: false, creditCode: '91350100M000100Y43' });
    });

    it('names the field of a wrong credit code check character, in Chinese and English', async () => {
      const body = { email: 'x@y.cn', password: 'Brand-New-Company-9', name: 'X', role: 'ENTERPRISE', enterprise: { creditCode: '91350100M000100Y44', nameZh: '某公司' } };
      const zh = await register(body).expect(400);
      expect(zh.body.errors).toEqual([{ field: 'enterprise.creditCode', message: expect.stringContaining('统一社会信用代码') }]);
      const en = await t.http.post('/api/auth/register').set('Accept-Language', 'en').send(body).expect(400);
      expect(en.body.errors[0].message).toContain('unified social credit code');
    });

    it('refuses short and common passwords with a field message', async () => {
      const short = await register({ email: 'p@q.cn', password: 'short', name: 'P', role: 'RESEARCHER', organizationId: orgs['南京大学'] }).expect(400);
      expect(short.body.errors).toEqual([{ field: 'password', message: '长度不能少于 10 个字符' }]);
      const common = await register({ email: 'p@q.cn', password: 'password1234', name: 'P', role: 'RESEARCHER', organizationId: orgs['南京大学'] }).expect(400);
      expect(common.body.errors).toEqual([{ field: 'password', message: '密码过于常见，请换一个' }]);
    });

    it('refuses passwords built from the e-mail name or the person’s name, and guessable patterns', async () => {
      const base = { name: '王小明', role: 'RESEARCHER', organizationId: orgs['南京大学'] };
      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ email: 'wang.xiaoming@nju.edu.cn', password: 'wang.xiaoming@nju' }, '密码不能包含您的邮箱名或姓名'],
        [{ email: 'wang.xiaoming@nju.edu.cn', password: 'Wangxiaoming-1990' }, '密码不能包含您的邮箱名或姓名'],
        [{ email: 'xm@nju.edu.cn', password: '王小明的实验室密码2026' }, '密码不能包含您的邮箱名或姓名'],
        [{ email: 'xm@nju.edu.cn', password: 'Password1!' }, expect.stringContaining('密码太容易被猜到')],
        [{ email: 'xm@nju.edu.cn', password: 'P@ssw0rd2026' }, expect.stringContaining('密码太容易被猜到')],
      ];
      for (const [body, message] of refusals) {
        const res = await register({ ...base, ...body }).expect(400);
        expect([body['password'], res.body.errors]).toEqual([body['password'], [{ field: 'password', message }]]);
      }
      const en = await t.http.post('/api/auth/register').set('X-Forwarded-For', '10.1.0.2').set('Accept-Language', 'en').send({ ...base, email: 'wang.xiaoming@nju.edu.cn', password: 'Wangxiaoming-1990' }).expect(400);
      expect(en.body.errors[0].message).toContain('must not contain your e-mail name or your name');
    });

    it('does not let a registrant pick a privileged role', async () => {
      const res = await register({ email: 'boss@x.cn', password: 'Xianlin-Campus-163', name: 'B', role: 'ADMIN', organizationId: orgs['南京大学'] }).expect(400);
      expect(res.body.errors[0].field).toBe('role');
    });
  });

  describe('sign-in', () => {
    it('answers an unknown email and a wrong password alike', async () => {
      const unknown = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.2.0.1').send({ email: 'nobody@xkx.demo', password: 'whatever-123' }).expect(401);
      const wrong = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.2.0.1').send({ email: DEMO.researcher.email, password: 'whatever-123' }).expect(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('throttles the 6th wrong password for one account from one address with 429 and Retry-After', async () => {
      for (let i = 0; i < 5; i++) {
        await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.3.0.1').send({ email: DEMO.broker.email, password: `wrong-${i}-password` }).expect(401);
      }
      const sixth = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.3.0.1').send({ email: DEMO.broker.email, password: DEMO.broker.password }).expect(429);
      expect(sixth.body.code).toBe('SIGN_IN_LOCKED');
      const retryAfter = Number(sixth.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      // The message says how long to wait, in both languages.
      const minutes = Math.ceil(retryAfter / 60);
      expect(sixth.body.message).toBe(`密码错误次数过多，该账号在此地址暂时锁定，请 ${minutes} 分钟后再试`);
      const en = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.3.0.1').set('Accept-Language', 'en').send({ email: DEMO.broker.email, password: 'x' }).expect(429);
      expect(en.body.message).toMatch(new RegExp(`try again in (${minutes}|${minutes - 1}) minutes$`));
      // Another address is not locked out.
      await login(t.http, DEMO.broker.email, DEMO.broker.password, '10.3.0.2');
    });

    it('records sign-ins and failures in the audit log, readable by admins only', async () => {
      const admin = await loginDemo(t.http, 'admin');
      const res = await t.http.get('/api/audit-logs?action=LOGIN_FAILED&email=broker').set(...bearer(admin)).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(5);
      expect(res.body.items[0]).toMatchObject({ action: 'LOGIN_FAILED', actorEmail: DEMO.broker.email, ip: '10.3.0.1' });
      const broker = await login(t.http, DEMO.broker.email, DEMO.broker.password, '10.3.0.3');
      await t.http.get('/api/audit-logs').set(...bearer(broker)).expect(403);
    });
  });

  describe('tokens', () => {
    let session: Session;
    beforeAll(async () => {
      session = await loginDemo(t.http, 'researcher');
    });

    it('rejects a tampered or expired access token with 401', async () => {
      const [head, payload, signature] = session.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${signature}`;
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
      await t.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
      const expired = t.app.get(JwtService).sign({ sub: claims.sub, role: claims.role, typ: 'access', sid: claims.sid }, { expiresIn: -10 });
      const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses access tokens without exp, with a foreign iss or aud, living longer than configured, or signed with another algorithm', async () => {
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
      expect(claims).toMatchObject({ iss: 'xiakexing', aud: 'xiakexing-api', sid: expect.any(String) });
      const { iat: _iat, exp: _exp, iss: _iss, aud: _aud, ...own } = claims;
      const jwt = t.app.get(JwtService);
      const sign = (options: Record<string, unknown>) => jwt.sign(own, { issuer: 'xiakexing', audience: 'xiakexing-api', expiresIn: 600, ...options });
      // The control: the same claims, signed properly, are accepted.
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${sign({})}`).expect(200);
      const refused = {
        noExp: jwt.sign(own, { issuer: 'xiakexing', audience: 'xiakexing-api' }),
        foreignIss: sign({ issuer: 'someone-else' }),
        noIss: new JwtService({ secret: t.app.get(AppConfig).jwtSecret }).sign(own, { audience: 'xiakexing-api', expiresIn: 600 }),
        foreignAud: sign({ audience: 'another-app' }),
        tooLong: sign({ expiresIn: 30 * 24 * 3600 }),
        otherAlgorithm: sign({ algorithm: 'HS512' }),
      };
      for (const [what, token] of Object.entries(refused)) {
        const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
        expect([what, res.status, res.body.code]).toEqual([what, 401, 'UNAUTHENTICATED']);
      }
    });

    it('issues access tokens that live at most 15 minutes', () => {
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
    });

    it('rotates refresh tokens; reusing an old one revokes the whole family, access tokens included', async () => {
      const s = await loginDemo(t.http, 'enterprise');
      const first = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(s.refreshToken);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
      // The spent token comes back (stolen copy): everything of that sign-in dies.
      await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(401);
      await t.http.get('/api/auth/me').set(...bearer(s)).expect(401);
    });

    it('logs out: the refresh token and the access tokens of that sign-in end at once, other sign-ins go on', async () => {
      const s = await loginDemo(t.http, 'enterprise');
      const other = await login(t.http, DEMO.enterprise.email, DEMO.enterprise.password, '10.8.0.1');
      await t.http.get('/api/auth/me').set(...bearer(s)).expect(200);
      await t.http.post('/api/auth/logout').send({ refreshToken: s.refreshToken }).expect(200);
      await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      await t.http.get('/api/auth/me').set(...bearer(s)).expect(401);
      await t.http.get('/api/auth/me').set(...bearer(other)).expect(200);
    });
  });

  describe('passwords', () => {
    it('changes the password and signs out other sessions', async () => {
      const email = 'changer@njnu.edu.cn';
      await register({ email, password: 'First-Passphrase-01', name: '改密', role: 'RESEARCHER', organizationId: orgs['南京师范大学'] }).expect(202);
      const a = await login(t.http, email, 'First-Passphrase-01', '10.4.0.1');
      const b = await login(t.http, email, 'First-Passphrase-01', '10.4.0.2');
      await t.http.post('/api/auth/change-password').set(...bearer(a)).send({ currentPassword: 'nope-nope-nope', newPassword: 'Second-Passphrase-02' }).expect(400);
      const res = await t.http.post('/api/auth/change-password').set(...bearer(a)).send({ currentPassword: 'First-Passphrase-01', newPassword: 'Second-Passphrase-02' }).expect(200);
      expect(res.body.accessToken).toBeDefined();
      await t.http.post('/api/auth/refresh').send({ refreshToken: b.refreshToken }).expect(401);
      // Access tokens issued before the change end too, this one's included; the new tokens go on.
      await t.http.get('/api/auth/me').set(...bearer(b)).expect(401);
      await t.http.get('/api/auth/me').set(...bearer(a)).expect(401);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      await login(t.http, email, 'Second-Passphrase-02', '10.4.0.3');
    });

    it('resets a forgotten password with a one-time token from the outbox', async () => {
      const email = 'forgetful@njupt.edu.cn';
      await register({ email, password: 'Forgot-This-One-1', name: '健忘', role: 'RESEARCHER', organizationId: orgs['南京邮电大学'] }).expect(202);
      const before = await login(t.http, email, 'Forgot-This-One-1', '10.5.0.2');
      await t.http.post('/api/auth/forgot-password').send({ email }).expect(202);
      await t.http.post('/api/auth/forgot-password').send({ email: 'nobody-at-all@x.cn' }).expect(202);
      const admin = await loginDemo(t.http, 'admin');
      const outbox = await t.http.get('/api/outbox?limit=50').set(...bearer(admin)).expect(200);
      const mail = outbox.body.items.find((m: { to: string; subject: string }) => m.to === email && m.subject.includes('重置密码'));
      const token = /token=([\w-]+)/.exec(mail.body)![1]!;
      await t.http.post('/api/auth/reset-password').send({ token, newPassword: 'Remembered-Now-22' }).expect(200);
      await t.http.post('/api/auth/reset-password').send({ token, newPassword: 'Remembered-Again-33' }).expect(400);
      await t.http.get('/api/auth/me').set(...bearer(before)).expect(401);
      await login(t.http, email, 'Remembered-Now-22', '10.5.0.1');
    });
  });

  describe('verification and status', () => {
    it('a broker verifies a pending researcher from the queue; the audit log records it', async () => {
      const broker = await loginDemo(t.http, 'broker');
      const queue = await t.http.get('/api/users/verification-queue').set(...bearer(broker)).expect(200);
      const pending = queue.body.items.find((u: { email: string }) => u.email === DEMO.pending.email);
      expect(pending).toMatchObject({ status: 'PENDING' });
      const res = await t.http.post(`/api/users/${pending.id}/verify`).set(...bearer(broker)).expect(200);
      expect(res.body.status).toBe('ACTIVE');
      await t.http.post(`/api/users/${pending.id}/verify`).set(...bearer(broker)).expect(409);
      const me = await loginDemo(t.http, 'pending');
      const profile = await t.http.get('/api/auth/me').set(...bearer(me)).expect(200);
      expect(profile.body.permissions).toContain('listing:submit');
      const admin = await loginDemo(t.http, 'admin');
      const audit = await t.http.get(`/api/audit-logs?action=USER_VERIFIED&subjectId=${pending.id}`).set(...bearer(admin)).expect(200);
      expect(audit.body.items[0]).toMatchObject({ actorId: broker.userId });
    });

    it('a declined registration says so at sign-in, with the reason; a later suspension says suspended', async () => {
      const email = 'to-decline@njfu.cn';
      const password = 'Decline-Me-Please-1';
      const reg = await registerAndSignIn(t.http, { email, password, name: '未通过', role: 'RESEARCHER', organizationId: orgs['南京财经大学'] }, '10.6.1.9');
      const broker = await loginDemo(t.http, 'broker');
      const admin = await loginDemo(t.http, 'admin');
      await t.http.post(`/api/users/${reg.userId}/reject`).set(...bearer(broker)).send({ reason: '单位信息与证明材料不符' }).expect(200);
      const declined = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.6.1.1').set('Accept-Language', 'en').send({ email, password }).expect(403);
      expect(declined.body).toMatchObject({ code: 'REGISTRATION_REJECTED', reason: '单位信息与证明材料不符' });
      expect(declined.body.message).toMatch(/declined/);
      // A wrong password learns nothing about the account's state.
      const wrong = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.6.1.2').send({ email, password: 'Not-The-Password-1' }).expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      await t.http.patch(`/api/users/${reg.userId}/status`).set(...bearer(admin)).send({ status: 'ACTIVE' }).expect(200);
      await t.http.patch(`/api/users/${reg.userId}/status`).set(...bearer(admin)).send({ status: 'SUSPENDED', reason: '违规' }).expect(200);
      const suspended = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.6.1.3').send({ email, password }).expect(403);
      expect(suspended.body.code).toBe('ACCOUNT_SUSPENDED');
    });

    it('suspending a user ends their access at once', async () => {
      const email = 'to-suspend@njfu.cn';
      const reg = await registerAndSignIn(t.http, { email, password: 'Suspend-Me-Please-1', name: '停用', role: 'RESEARCHER', organizationId: orgs['南京财经大学'] }, '10.6.0.9');
      const victim = await login(t.http, email, 'Suspend-Me-Please-1', '10.6.0.1');
      const admin = await loginDemo(t.http, 'admin');
      const broker = await loginDemo(t.http, 'broker');
      await t.http.patch(`/api/users/${reg.userId}/status`).set(...bearer(broker)).send({ status: 'SUSPENDED' }).expect(403);
      await t.http.patch(`/api/users/${reg.userId}/status`).set(...bearer(admin)).send({ status: 'SUSPENDED', reason: '测试' }).expect(200);
      await t.http.get('/api/auth/me').set(...bearer(victim)).expect(401);
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.6.0.2').send({ email, password: 'Suspend-Me-Please-1' }).expect(403);
      expect(res.body.code).toBe('ACCOUNT_SUSPENDED');
      await t.http.patch(`/api/users/${admin.userId}/role`).set(...bearer(admin)).send({ role: 'BROKER' }).expect(400);
    });

    it('a role change ends the user’s sessions at once', async () => {
      const admin = await loginDemo(t.http, 'admin');
      const created = await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'role.change@xkx.demo', password: 'Switch-Hats-2026', name: '换角色', role: 'BROKER', organizationId: orgs['栖霞区技术转移中心'] }).expect(201);
      const before = await login(t.http, 'role.change@xkx.demo', 'Switch-Hats-2026', '10.6.2.1');
      await t.http.get('/api/auth/me').set(...bearer(before)).expect(200);
      await t.http.patch(`/api/users/${created.body.id}/role`).set(...bearer(admin)).send({ role: 'ADMIN' }).expect(200);
      await t.http.get('/api/auth/me').set(...bearer(before)).expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
      const after = await login(t.http, 'role.change@xkx.demo', 'Switch-Hats-2026', '10.6.2.2');
      expect((await t.http.get('/api/auth/me').set(...bearer(after)).expect(200)).body.role).toBe('ADMIN');
    });

    it('admins create brokers, who can sign in at once', async () => {
      const admin = await loginDemo(t.http, 'admin');
      const res = await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'new.broker@xkx.demo', password: 'Broker-Fresh-2026', name: '新经理', role: 'BROKER', organizationId: orgs['栖霞区技术转移中心'] }).expect(201);
      expect(res.body).toMatchObject({ role: 'BROKER', status: 'ACTIVE' });
      await login(t.http, 'new.broker@xkx.demo', 'Broker-Fresh-2026', '10.7.0.1');
      const list = await t.http.get('/api/users?role=BROKER&q=新经理').set(...bearer(admin)).expect(200);
      expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(['new.broker@xkx.demo']);
    });
  });

  describe('organizations', () => {
    it('admins create and edit organizations with optimistic locking', async () => {
      const admin = await loginDemo(t.http, 'admin');
      const bad = await t.http.post('/api/organizations').set(...bearer(admin)).send({ nameZh: '某企业', kind: 'ENTERPRISE', areaCode: '320113' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['creditCode']);
      const short = await t.http.post('/api/organizations').set(...bearer(admin)).send({ nameZh: '南京仙林示范科技有限公司', kind: 'ENTERPRISE', areaCode: '320113', creditCode: '91320113MA1XK0099' }).expect(400);
      expect(short.body.errors[0].field).toBe('creditCode');
      const ok = await t.http.post('/api/organizations').set(...bearer(admin)).send({ nameZh: '紫金山实验室', kind: 'INSTITUTE', areaCode: '320113' }).expect(201);
      expect(ok.body.version).toBe(1);
      const v2 = await t.http.patch(`/api/organizations/${ok.body.id}`).set(...bearer(admin)).send({ version: 1, shortName: '紫金山' }).expect(200);
      expect(v2.body.version).toBe(2);
      const stale = await t.http.patch(`/api/organizations/${ok.body.id}`).set(...bearer(admin)).send({ version: 1, shortName: '覆盖' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      const after = await t.http.get(`/api/organizations/${ok.body.id}`).expect(200);
      expect(after.body.shortName).toBe('紫金山');
      const found = await t.http.get('/api/organizations?q=zjssys').expect(200);
      expect(found.body.items.map((o: { nameZh: string }) => o.nameZh)).toContain('紫金山实验室');
    });
  });
});
