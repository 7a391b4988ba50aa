import { JobRegistry, JobsService } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Background jobs without Redis (issue 13): the API process runs them itself, through the same JobsService
 * and the same registry of handlers the BullMQ worker uses (queue-workers.e2e-spec.ts runs them there).
 * Recorded with state, attempts and reason; retried with backoff; an admin sees them and retries a failed one.
 */
describe('background jobs in-process (no REDIS_URL)', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let jobs: JobsService;
  const calls: Array<{ payload: unknown; attempt: number }> = [];
  let failUntilAttempt = 0;

  const state = async (id: string) =>
    (
      await t.app
        .get(DataSource)
        .query<Array<{ state: string; attempts: number; failure: string | null }>>(
          `SELECT state, attempts, failure FROM background_job WHERE id = $1`,
          [id],
        )
    )[0];
  const until = async (id: string, wanted: string) => {
    const deadline = Date.now() + 20_000;
    while ((await state(id))?.state !== wanted) {
      if (Date.now() > deadline)
        throw new Error(`job ${id} not ${wanted}: ${JSON.stringify(await state(id))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return state(id);
  };

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true', XKX_JOB_POLL_MS: '100' });
    jobs = t.app.get(JobsService);
    jobs.define<{ n: number }>(
      'test.echo',
      async (payload, context) => {
        calls.push({ payload, attempt: context.attempt });
        if (context.attempt <= failUntilAttempt) throw new Error(`echo refused attempt ${context.attempt}`);
      },
      { attempts: 2, backoffMs: 50 },
    );
    [admin, broker] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'broker')]);
  }, 180_000);
  afterAll(() => t?.close());

  it('runs in-process the same handlers a worker runs (imports, the scheduled passes; the mail dispatch with SMTP_URL)', () => {
    expect(jobs.runnerKind).toBe('in-process');
    const names = t.app
      .get(JobRegistry)
      .all()
      .map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'import.run',
        'listing.expiry',
        'deal.closure',
        'todo.digest',
        'kpi.monthly-report',
        'test.echo',
      ]),
    );
    expect(
      t.app
        .get(JobRegistry)
        .scheduled()
        .map((j) => j.name),
    ).toEqual(
      expect.arrayContaining(['listing.expiry', 'deal.closure', 'todo.digest', 'kpi.monthly-report']),
    );
  });

  it('runs an enqueued job once; the same key twice is the same job', async () => {
    failUntilAttempt = 0;
    const id = await jobs.enqueue('test.echo', { n: 1 }, { key: 'echo:1' });
    expect(await jobs.enqueue('test.echo', { n: 1 }, { key: 'echo:1' })).toBe(id);
    expect(await until(id, 'COMPLETED')).toEqual({ state: 'COMPLETED', attempts: 1, failure: null });
    expect(calls.filter((c) => (c.payload as { n: number }).n === 1)).toHaveLength(1);
  });

  it('retries with backoff, records the reason, and an admin retries a failed job', async () => {
    failUntilAttempt = 2;
    const id = await jobs.enqueue('test.echo', { n: 2 });
    expect(await until(id, 'FAILED')).toEqual({
      state: 'FAILED',
      attempts: 2,
      failure: 'echo refused attempt 2',
    });
    const list = await t.http
      .get('/api/jobs?state=FAILED')
      .set(...bearer(admin))
      .expect(200);
    expect(list.body.runner).toBe('in-process');
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          name: 'test.echo',
          state: 'FAILED',
          attempts: 2,
          maxAttempts: 2,
          failure: 'echo refused attempt 2',
        }),
      ]),
    );
    expect(list.body.items[0]).not.toHaveProperty('payload');
    await t.http
      .get('/api/jobs')
      .set(...bearer(broker))
      .expect(403);
    await t.http
      .get('/api/jobs?state=DONE')
      .set(...bearer(admin))
      .expect(400);
    await t.http
      .post(`/api/jobs/${id}/retry`)
      .set(...bearer(broker))
      .expect(403);
    failUntilAttempt = 0;
    const retried = await t.http
      .post(`/api/jobs/${id}/retry`)
      .set(...bearer(admin))
      .expect(202);
    expect(retried.body).toMatchObject({ id, state: expect.stringMatching(/^(QUEUED|RUNNING|COMPLETED)$/) });
    expect(await until(id, 'COMPLETED')).toEqual({ state: 'COMPLETED', attempts: 1, failure: null });
    const again = await t.http
      .post(`/api/jobs/${id}/retry`)
      .set(...bearer(admin))
      .expect(409);
    expect(again.body.code).toBe('JOB_NOT_FAILED');
    await t.http
      .post('/api/jobs/00000000-0000-4000-8000-000000000000/retry')
      .set(...bearer(admin))
      .expect(404);
  });

  it('a job written in a transaction that rolls back never runs', async () => {
    const before = calls.length;
    await t.app
      .get(DataSource)
      .transaction(async (manager) => {
        await jobs.enqueue('test.echo', { n: 3 }, { manager, key: 'echo:3' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    jobs.wake();
    await new Promise((r) => setTimeout(r, 400));
    expect(calls.length).toBe(before);
    expect(await t.app.get(DataSource).query(`SELECT id FROM background_job WHERE key = 'echo:3'`)).toEqual(
      [],
    );
  });
});
