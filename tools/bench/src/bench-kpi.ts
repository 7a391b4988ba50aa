/* npm run bench:kpi — 100,000 technology contracts (with deals, brokers and payments) in a scratch
   PostgreSQL database, then the KPI dashboard's queries over HTTP: p50/p95 per route. */
import { OrganizationEntity } from '@xkx/api/testing';
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { scratchDatabase, signIn, startBenchApp, summary } from './market';

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
// BENCH_RUNS=1 BENCH_KEEP=1 npm run bench:kpi: a quick load to investigate plans.
const FIRST_YEAR = 2017;
const YEARS = 10;
const YEAR = Number(process.env.BENCH_YEAR ?? FIRST_YEAR + YEARS - 2);
const BATCH = 20_000;

const FIELDS = ['NE.PV', 'NE.BAT', 'NE.H2', 'BIO.DRUG', 'AI.CV', 'IME.ROBOT', 'ICV.AD', 'EIC.IC', 'NM.FIBER', 'PC.CAT', 'EP.WATER'];
const TYPES = ['DEVELOPMENT.COMMISSIONED', 'DEVELOPMENT.COOPERATIVE', 'TRANSFER.PATENT', 'TRANSFER.TECHNICAL_SECRET', 'LICENSE.PATENT', 'CONSULTING', 'SERVICE.GENERAL'];

/** Everything in SQL (generate_series, a fixed random seed), so 100,000 contracts load in seconds. */
async function load(ds: DataSource): Promise<void> {
  const ids = async (kinds: string[]) => (await ds.manager.findBy(OrganizationEntity, { kind: In(kinds) })).map((o) => o.id);
  const institutions = await ids(['UNIVERSITY', 'INSTITUTE']);
  const enterprises = await ids(['ENTERPRISE']);
  const brokers = (await ds.query<Array<{ id: string }>>(`SELECT id FROM app_user WHERE role = 'BROKER'`)).map((r) => r.id);
  const pick = (n: number) => `($${n}::text[])[1 + floor(random() * array_length($${n}::text[], 1))::int]`;
  await ds.query(`SELECT setseed(0.42)`);
  for (let start = 0; start < CONTRACTS; start += BATCH) {
    const end = Math.min(CONTRACTS, start + BATCH);
    await ds.transaction(async (m) => {
      await m.query(`SELECT setseed($1)`, [start / CONTRACTS / 2]);
      await m.query(
        `INSERT INTO deal (code, title, stage, stage_changed_at, institution_org_id, enterprise_org_id, origin, field_codes, created_at)
         SELECT 'DB' || lpad(i::text, 8, '0'), 'bench ' || i, 'CONTRACT_SIGNED', now(), ${pick(1)}::uuid, ${pick(2)}::uuid, 'BROKER', ARRAY[${pick(3)}],
           timestamptz '${FIRST_YEAR}-01-01' + (random() * ${YEARS * 365}) * interval '1 day'
         FROM generate_series($4::int, $5::int) i`,
        [institutions, enterprises, FIELDS, start + 1, end],
      );
      await m.query(
        `INSERT INTO deal_participant (deal_id, user_id, side)
         SELECT d.id, ${pick(1)}::uuid, 'BROKER' FROM deal d WHERE d.code BETWEEN $2 AND $3`,
        [brokers, `DB${String(start + 1).padStart(8, '0')}`, `DB${String(end).padStart(8, '0')}`],
      );
      await m.query(
        `INSERT INTO tech_contract (code, deal_id, type_code, project_name, signed_on, term_start, term_end,
           seller_name, seller_credit_code, seller_area_code, seller_legal_person_type, seller_organization_id,
           buyer_name, buyer_credit_code, buyer_area_code, buyer_legal_person_type, buyer_organization_id,
           contract_amount_fen, non_technical_cost_fen, technical_amount_fen, registration_status, registration_number)
         SELECT 'CB' || substr(d.code, 3), d.id, x.type_code, d.title, x.signed_on, x.signed_on, x.signed_on + 1000,
           i.name_zh, i.credit_code, '320113', CASE WHEN i.kind = 'UNIVERSITY' THEN 'UNIVERSITY' ELSE 'RESEARCH_INSTITUTE' END, i.id,
           e.name_zh, e.credit_code, '320113', 'ENTERPRISE', e.id,
           x.amount, x.cost, x.amount - x.cost, x.status, CASE WHEN x.status = 'REGISTERED' THEN lpad(substr(d.code, 3), 16, '0') END
         FROM deal d
         JOIN organization i ON i.id = d.institution_org_id
         JOIN organization e ON e.id = d.enterprise_org_id
         CROSS JOIN LATERAL (SELECT ${pick(1)} AS type_code, (d.created_at AT TIME ZONE 'Asia/Shanghai')::date + (random() * 60)::int AS signed_on,
           a AS amount, floor(a * random() * 0.2)::bigint AS cost, CASE WHEN random() < 0.6 THEN 'REGISTERED' WHEN random() < 0.5 THEN 'SUBMITTED' ELSE 'NOT_SUBMITTED' END AS status
           FROM (SELECT (1 + floor(random() * random() * 5000000000))::bigint AS a) amount) x
         WHERE d.code BETWEEN $2 AND $3`,
        [TYPES, `DB${String(start + 1).padStart(8, '0')}`, `DB${String(end).padStart(8, '0')}`],
      );
      await m.query(
        `INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note)
         SELECT c.id, c.signed_on + 30, c.contract_amount_fen / 2, 'bench' FROM tech_contract c WHERE c.code BETWEEN $1 AND $2 AND random() < 0.7`,
        [`CB${String(start + 1).padStart(8, '0')}`, `CB${String(end).padStart(8, '0')}`],
      );
      await m.query(
        `INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note)
         SELECT c.id, c.signed_on + 200, c.contract_amount_fen - c.contract_amount_fen / 2, 'bench' FROM tech_contract c
         WHERE c.code BETWEEN $1 AND $2 AND EXISTS (SELECT 1 FROM contract_payment p WHERE p.contract_id = c.id) AND random() < 0.5`,
        [`CB${String(start + 1).padStart(8, '0')}`, `CB${String(end).padStart(8, '0')}`],
      );
    });
    process.stderr.write(`  contracts ${end}\n`);
  }
  await ds.query(`ANALYZE`);
}

async function main(): Promise<void> {
  const db = await scratchDatabase('xkx_bench_kpi');
  const { app, baseUrl } = await startBenchApp(db.url);
  try {
    const t0 = performance.now();
    await load(app.get(DataSource));
    const loadMs = performance.now() - t0;
    const token = await signIn(baseUrl, 'broker@xkx.demo', 'Xiake-Broker-2026');
    const headers = { authorization: `Bearer ${token}` };
    const dims = ['MONTH', 'INSTITUTION', 'AGENCY', 'FIELD', 'TYPE', 'BROKER', 'ENTERPRISE'];
    const routes: Array<[string, string]> = [
      ['headline registered', `/api/kpis?year=${YEAR}&view=registered`],
      ['headline signed', `/api/kpis?year=${YEAR}&view=signed`],
      ...dims.map((d): [string, string] => [`breakdown ${d}`, `/api/kpis/breakdown?year=${YEAR}&view=registered&dimension=${d}`]),
      ['funnel', `/api/kpis/funnel?year=${YEAR}`],
      ['public', `/api/kpis/public?year=${YEAR}`],
      ['records (bar, 1000 rows)', `/api/kpis/records?year=${YEAR}&view=registered&dimension=MONTH&key=06`],
    ];
    const ds = app.get(DataSource);
    // Cold: the data version moves before every call (as after any write), so each answer is computed
    // in PostgreSQL. Warm: the same call again with no write in between, answered from the KPI cache.
    const invalidate = () => ds.query(`UPDATE kpi_data_version SET version = version + 1 WHERE id = 1`);
    const cold: Record<string, ReturnType<typeof summary>> = {};
    const warm: Record<string, ReturnType<typeof summary>> = {};
    let projects = 0;
    for (const [name, url] of routes) {
      const call = async (): Promise<unknown> => {
        const res = await fetch(`${baseUrl}${url}`, { headers });
        if (res.status !== 200) throw new Error(`${url} → ${res.status} ${await res.text()}`);
        return res.json();
      };
      const first = (await call()) as { figures?: { projects: number } };
      if (name === 'headline signed') projects = first.figures?.projects ?? 0;
      for (let i = 0; i < 3; i++) await call();
      const time = async (before?: () => Promise<unknown>): Promise<ReturnType<typeof summary>> => {
        const ms: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          if (before) await before();
          const t = performance.now();
          await call();
          ms.push(performance.now() - t);
        }
        return summary(ms);
      };
      cold[name] = await time(invalidate);
      warm[name] = await time();
    }
    process.stdout.write(
      `${JSON.stringify({ contracts: CONTRACTS, year: YEAR, contractsSignedInYear: projects, loadSeconds: Math.round(loadMs / 100) / 10, runsPerRoute: RUNS, coldLatencyMs: cold, warmLatencyMs: warm }, null, 2)}\n`,
    );
    const worst = (r: Record<string, ReturnType<typeof summary>>) => Math.max(...Object.values(r).map((x) => x.p95));
    process.stdout.write(`worst p95: cold ${worst(cold)} ms, warm ${worst(warm)} ms (aim: < 200 ms)\n`);
  } finally {
    await app.close();
    // BENCH_KEEP=1 keeps the scratch database for EXPLAIN ANALYZE.
    if (process.env.BENCH_KEEP) process.stderr.write(`kept ${db.url}\n`);
    else await db.drop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
