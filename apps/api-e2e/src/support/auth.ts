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

export interface Registration {
  email: string;
  password: string;
  name: string;
  role: 'RESEARCHER' | 'ENTERPRISE' | string;
  organizationId?: string;
  enterprise?: { creditCode: string; nameZh?: string; address?: string };
  mobile?: string;
}

/** The answer to every accepted registration, whether or not the e-mail was already taken. */
export const REGISTRATION_ACCEPTED = { accepted: true } as const;

/** The signed-in user as /api/auth/login returns it. */
export interface SignedInSession extends Session {
  user: { id: string; email: string; status: string; role: string; permissions: string[]; organization: { id: string; nameZh: string } | null } & Record<string, unknown>;
}

/**
 * Registers through the API and signs in with the same credentials. Registration answers 202 alike
 * for new and taken e-mails (it never hands out tokens), so a new account signs in like anyone else.
 */
export async function registerAndSignIn(http: TestAgent, body: Registration, ip = '10.9.2.1'): Promise<SignedInSession> {
  const res = await http.post('/api/auth/register').set('X-Forwarded-For', ip).send(body);
  if (res.status !== 202) throw new Error(`register ${body.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const signIn = await http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: body.email, password: body.password });
  if (signIn.status !== 200) throw new Error(`sign-in after registering ${body.email} failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  return { accessToken: signIn.body.tokens.accessToken, refreshToken: signIn.body.tokens.refreshToken, userId: signIn.body.user.id, user: signIn.body.user };
}
