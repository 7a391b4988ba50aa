import type TestAgent from 'supertest/lib/agent';

export const DEMO = {
  admin: { email: 'admin@xkx.demo', password: 'Xiake-Admin-2026' },
  broker: { email: 'broker@xkx.demo', password: 'Xiake-Broker-2026' },
  researcher: { email: 'researcher@xkx.demo', password: 'Xiake-Research-2026' },
  enterprise: { email: 'enterprise@xkx.demo', password: 'Xiake-Enterprise-2026' },
  pending: { email: 'pending@xkx.demo', password: 'Xiake-Pending-2026' },
} as const;

export type DemoRole = keyof typeof DEMO;

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

/** Signs in through the API, from a distinct address per call site so throttling never interferes. */
export async function login(http: TestAgent, email: string, password: string, ip = '10.9.0.1'): Promise<Session> {
  const res = await http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { accessToken: res.body.tokens.accessToken, refreshToken: res.body.tokens.refreshToken, userId: res.body.user.id };
}

export async function loginDemo(http: TestAgent, role: DemoRole): Promise<Session> {
  return login(http, DEMO[role].email, DEMO[role].password, `10.9.1.${Object.keys(DEMO).indexOf(role) + 1}`);
}

export const bearer = (session: Session): [string, string] => ['Authorization', `Bearer ${session.accessToken}`];
