import { DataSource } from 'typeorm';
import { serverUrl } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

interface Drift {
  id: string;
  kept: string;
  actual: string;
  kept_first: string | null;
  actual_first: string | null;
}

/** Contracts whose kept totals (tech_contract.received_fen, first_received_on) differ from their payments. */
async function drift(ds: DataSource): Promise<Drift[]> {
  return ds.query<Drift[]>(`
    SELECT c.id, c.received_fen::text AS kept, coalesce(sum(p.amount_fen), 0)::text AS actual,
      c.first_received_on::text AS kept_first, min(p.received_on)::text AS actual_first
    FROM tech_contract c LEFT JOIN contract_payment p ON p.contract_id = c.id
    GROUP BY c.id HAVING c.received_fen <> coalesce(sum(p.amount_fen), 0) OR c.first_received_on IS DISTINCT FROM min(p.received_on)`);
}

describe('received totals kept on each contract by the payment trigger (the KPI queries read them)', () => {
  let t: TestApp;
  let ds: DataSource;
  let contractId: string;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    ds = t.app.get(DataSource);
    const [row] = await ds.query<Array<{ id: string }>>(
      `SELECT c.id FROM tech_contract c WHERE NOT EXISTS (SELECT 1 FROM contract_payment p WHERE p.contract_id = c.id) ORDER BY c.code LIMIT 1`,
    );
    contractId = row.id;
  });
  afterAll(() => t?.close());

  it('match the payments of every seeded contract, some of them paid', async () => {
    expect(await drift(ds)).toEqual([]);
    const [{ n }] = await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM tech_contract WHERE received_fen > 0`);
    expect(n).toBeGreaterThan(0);
  });

  it('follow inserts, updates, moves and deletes of payments, to the fen', async () => {
    const insert = (on: string, fen: number) =>
      ds.query<Array<{ id: string }>>(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, $2, $3, 'test') RETURNING id`, [contractId, on, fen]);
    const [a] = await insert('2026-05-02', 12_345);
    const [b] = await insert('2026-03-01', 1);
    const kept = async () => (await ds.query<Array<{ r: string; f: string | null }>>(`SELECT received_fen::text AS r, first_received_on::text AS f FROM tech_contract WHERE id = $1`, [contractId]))[0];
    expect(await kept()).toEqual({ r: '12346', f: '2026-03-01' });
    await ds.query(`UPDATE contract_payment SET amount_fen = 100, received_on = '2026-06-01' WHERE id = $1`, [b.id]);
    expect(await kept()).toEqual({ r: '12445', f: '2026-05-02' });
    const [other] = await ds.query<Array<{ id: string }>>(`SELECT id FROM tech_contract WHERE id <> $1 ORDER BY code LIMIT 1`, [contractId]);
    await ds.query(`UPDATE contract_payment SET contract_id = $2 WHERE id = $1`, [a.id, other.id]);
    expect(await kept()).toEqual({ r: '100', f: '2026-06-01' });
    await ds.query(`DELETE FROM contract_payment WHERE id = ANY($1::uuid[])`, [[a.id, b.id]]);
    expect(await kept()).toEqual({ r: '0', f: null });
    expect(await drift(ds)).toEqual([]);
  });

  // Two payments recorded at the same moment in two transactions: both must count. PGlite has one session.
  (serverUrl() ? it : it.skip)('count two concurrent payments on one contract', async () => {
    const first = ds.createQueryRunner();
    const second = ds.createQueryRunner();
    try {
      await first.startTransaction();
      await second.startTransaction();
      await first.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, '2026-07-01', 700, 'a')`, [contractId]);
      // The second insert's trigger waits for the first transaction's lock on the contract row.
      const pending = second.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, '2026-07-02', 11, 'b')`, [contractId]);
      await new Promise((r) => setTimeout(r, 200));
      await first.commitTransaction();
      await pending;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    const [row] = await ds.query<Array<{ r: string }>>(`SELECT received_fen::text AS r FROM tech_contract WHERE id = $1`, [contractId]);
    expect(row.r).toBe('711');
    expect(await drift(ds)).toEqual([]);
  });
});
