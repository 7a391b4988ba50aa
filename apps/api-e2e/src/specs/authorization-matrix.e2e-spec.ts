import { hasPermission, Role, UserStatus } from '@xkx/contracts';
import { listRoutes } from '@xkx/api/testing';
import { bearer, DemoRole, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

const SOME_UUID = '00000000-0000-4000-8000-000000000000';
const CALLERS: Array<{ name: DemoRole; role: Role; status: UserStatus }> = [
  { name: 'researcher', role: 'RESEARCHER', status: 'ACTIVE' },
  { name: 'enterprise', role: 'ENTERPRISE', status: 'ACTIVE' },
  { name: 'broker', role: 'BROKER', status: 'ACTIVE' },
  { name: 'admin', role: 'ADMIN', status: 'ACTIVE' },
  { name: 'pending', role: 'RESEARCHER', status: 'PENDING' },
];

/**
 * Reads every route from the Nest router and calls it as anonymous, researcher, enterprise, broker,
 * admin and a pending account, checking the answer against the permission the route declares.
 * A route that declares nothing fails here, so no new route slips through unguarded.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = new Map<DemoRole, Session>();
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    for (const caller of CALLERS) sessions.set(caller.name, await loginDemo(t.http, caller.name));
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, session?: Session) => {
    const url = path.replace(/:[A-Za-z]+/g, SOME_UUID);
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = t.http[verb](url).set('X-Forwarded-For', '10.99.0.1');
    if (session) req.set(...bearer(session));
    return ['post', 'put', 'patch'].includes(verb) ? req.send({}) : req;
  };

  it('finds the routes, and every one declares its access', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
  });

  it('answers every route as declared, for every kind of caller', async () => {
    const problems: string[] = [];
    for (const route of listRoutes(t.app)) {
      const label = `${route.method} ${route.path}`;
      const anonymous = await call(route.method, route.path);
      if (route.access?.kind === 'public') {
        if ([401, 403].includes(anonymous.status)) problems.push(`${label}: public, but anonymous got ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401) problems.push(`${label}: anonymous got ${anonymous.status}, expected 401`);
      const permission = route.access?.kind === 'authenticated' ? route.access.permission : null;
      for (const caller of CALLERS) {
        const res = await call(route.method, route.path, sessions.get(caller.name));
        const allowed = permission === null || hasPermission(caller.role, caller.status, permission);
        if (allowed && [401, 403].includes(res.status)) problems.push(`${label}: ${caller.name} holds ${permission ?? 'sign-in'} but got ${res.status}`);
        if (!allowed && res.status !== 403) problems.push(`${label}: ${caller.name} lacks ${permission} but got ${res.status}`);
        if (res.status >= 500) problems.push(`${label}: ${caller.name} got ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a pending account is told why it may not submit', async () => {
    // No submit route exists yet for listings; the guard's code for it is checked through a
    // verified-only permission on any route that declares one.
    const routes = listRoutes(t.app).filter((r) => r.access?.kind === 'authenticated' && r.access.permission && ['listing:submit', 'introduction:request'].includes(r.access.permission));
    for (const route of routes) {
      const res = await call(route.method, route.path, sessions.get('pending'));
      expect(res.body.code).toBe('ACCOUNT_NOT_VERIFIED');
    }
  });
});
