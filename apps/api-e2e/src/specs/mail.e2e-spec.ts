import { AppConfig, JobsService, MailService, OutboxMailEntity } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { bearer, loginDemo } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/** Outgoing mail really leaves over SMTP when SMTP_URL is set: a local SMTP server receives it. */
describe('outbox dispatch over SMTP', () => {
  let t: TestApp;
  let server: SMTPServer;
  const received: Array<{ to: string[]; data: string }> = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const port = (server.server.address() as AddressInfo).port;
    t = await startTestApp({ XKX_DEMO_SEED: 'true', SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('sends pending mail and marks it sent', async () => {
    await t.http.post('/api/auth/forgot-password').send({ email: 'researcher@xkx.demo' }).expect(202);
    const sent = await t.app.get(MailService).dispatch();
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = received.find((m) => m.to.includes('researcher@xkx.demo'));
    expect(mail?.data).toContain('reset-password?token=');
    const admin = await loginDemo(t.http, 'admin');
    const outbox = await t.http.get('/api/outbox?limit=200').set(...bearer(admin)).expect(200);
    const row = outbox.body.items.find((m: { to: string; subject: string }) => m.to === 'researcher@xkx.demo' && m.subject.includes('重置密码'));
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('sends each mail once when two dispatchers (two instances) run at the same time', async () => {
    // A second dispatcher on the same database, as another API instance would run it (its own pool slot,
    // its own in-process guard): only the claim in the table keeps the two apart.
    // (Its scheduled job is not registered: the test calls dispatch itself.)
    const noJobs = { schedule: () => undefined } as unknown as JobsService;
    const other = new MailService(t.app.get(DataSource).getRepository(OutboxMailEntity), t.app.get(AppConfig), noJobs);
    other.onModuleInit();
    try {
      const mail = t.app.get(MailService);
      const to = Array.from({ length: 30 }, (_, i) => `twice-${i}@xkx.demo`);
      for (const address of to) await mail.enqueue({ to: address, subject: '只发一次', body: '同一封邮件不能发两次。' });
      const sent: number[] = [];
      for (let round = 0; round < 5; round++) sent.push(...(await Promise.all([mail.dispatch(), other.dispatch(), mail.dispatch(), other.dispatch()])));
      const arrivals = received.flatMap((m) => m.to).filter((address) => address.startsWith('twice-'));
      expect(arrivals.sort()).toEqual([...to].sort());
      expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
      const rows = await t.app.get(DataSource).query(`SELECT status, attempts, claimed_until FROM outbox_mail WHERE to_address LIKE 'twice-%'`);
      expect(rows).toHaveLength(30);
      expect(rows.every((r: { status: string; attempts: number; claimed_until: Date | null }) => r.status === 'SENT' && r.attempts === 1 && r.claimed_until === null)).toBe(true);
    } finally {
      other.onApplicationShutdown();
    }
  });
});
