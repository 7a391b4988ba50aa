import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { serverUrl } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

const version = async (ds: DataSource): Promise<number> =>
  Number((await ds.query<Array<{ v: string }>>(`SELECT version::text AS v FROM kpi_data_version WHERE id = 1`))[0]?.v);

/**
 * The KPI routes answer from a cache kept per data version. These tests change the data behind a figure
 * in every way it can change (through the API, in SQL) and check that the next answer shows it.
 */
describe('KPI answers are cached per data version and never stale', () => {
  let t: TestApp;
  let ds: DataSource;
  let broker: Session;
  let year: number;
  let contractId: string;
  let signedOn: string;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    ds = t.app.get(DataSource);
    broker = await loginDemo(t.http, 'broker');
    // A registered demo contract with money still outstanding.
    const [row] = await ds.query<Array<{ id: string; signed_on: string }>>(
      `SELECT id, signed_on::text FROM tech_contract WHERE registration_status = 'REGISTERED' AND received_fen < contract_amount_fen ORDER BY signed_on DESC LIMIT 1`,
    );
    contractId = row!.id;
    signedOn = row!.signed_on;
    year = Number(signedOn.slice(0, 4));
  });
  afterAll(() => t?.close());

  const headline = async (view = 'signed') => (await t.http.get(`/api/kpis?year=${year}&view=${view}`).set(...bearer(broker)).expect(200)).body;

  it('shows a payment recorded through the API in the next answer', async () => {
    const before = await headline();
    expect(await headline()).toEqual(before); // served again, unchanged
    const v0 = await version(ds);
    await t.http.post(`/api/contracts/${contractId}/payments`).set(...bearer(broker)).send({ receivedOn: signedOn, amountFen: 1, evidenceNote: '缓存测试 1 分' }).expect(201);
    expect(await version(ds)).toBe(v0 + 1); // one transaction, one bump, however many rows it wrote
    const after = await headline();
    expect(after.figures.receivedFen).toBe(before.figures.receivedFen + 1);
  });

  it('shows a change made in SQL, outside the API, and bumps the version only at commit', async () => {
    const before = await headline();
    const v0 = await version(ds);
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, $2, 2, 'sql')`, [contractId, signedOn]);
      await runner.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, $2, 3, 'sql')`, [contractId, signedOn]);
      // PGlite has one session, so only a server can show that others do not see the bump before commit.
      if (serverUrl()) expect(await version(ds)).toBe(v0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await version(ds)).toBe(v0 + 1);
    expect((await headline()).figures.receivedFen).toBe(before.figures.receivedFen + 5);
  });

  it('follows a change of view, filter and dimension as separate answers, and a bar drill-down adds up after a change', async () => {
    const all = await headline('signed');
    const registered = await headline('registered');
    expect(registered.figures.projects).toBeLessThanOrEqual(all.figures.projects);
    const month = signedOn.slice(5, 7);
    const records = async () =>
      (await t.http.get(`/api/kpis/records?year=${year}&view=signed&dimension=MONTH&key=${month}`).set(...bearer(broker)).expect(200)).body;
    const before = await records();
    await ds.query(`UPDATE tech_contract SET registration_status = registration_status WHERE id = $1`, [contractId]);
    await t.http.post(`/api/contracts/${contractId}/payments`).set(...bearer(broker)).send({ receivedOn: signedOn, amountFen: 7, evidenceNote: '再到账 7 分' }).expect(201);
    const after = await records();
    expect(after.totals.receivedFen).toBe(before.totals.receivedFen + 7);
    const sum = (after.items as Array<{ receivedFen: number }>).reduce((s, i) => s + i.receivedFen, 0);
    expect(sum).toBe(after.totals.receivedFen);
  });

  it('is not bumped by a sign-in (only columns the ledger reads count)', async () => {
    const v0 = await version(ds);
    await loginDemo(t.http, 'researcher');
    expect(await version(ds)).toBe(v0);
  });
});
