import { createAnalyzer } from '@xkx/text-zh';
import { Client } from 'pg';
import { bulkInsertListings, detailCode, Query, readRows } from '../market';

export interface MarketSize {
  results: number;
  needs: number;
  deals: number;
}

export interface Market {
  /** Codes of published results (detail route), ids of published needs (matches route). */
  resultCodes: string[];
  needIds: string[];
}

const FIELDS = ['NE.PV', 'NE.BAT', 'NE.H2', 'BIO.DRUG', 'AI.CV', 'IME.ROBOT', 'ICV.AD', 'EIC.IC', 'NM.FIBER', 'PC.CAT', 'EP.WATER'];
const TYPES = ['DEVELOPMENT.COMMISSIONED', 'DEVELOPMENT.COOPERATIVE', 'TRANSFER.PATENT', 'TRANSFER.TECHNICAL_SECRET', 'LICENSE.PATENT', 'CONSULTING', 'SERVICE.GENERAL'];

/**
 * Fills a migrated, demo-seeded database with a market: published results and needs (multi-row inserts,
 * search documents from the app's analyzer with the database's synonyms, as the listing service writes
 * them; the GIN index the migrations created is maintained by the inserts), then deals with signed
 * contracts and payments in SQL (generate_series, fixed seed), then ANALYZE. The matching index is not
 * built here: the app loads it from these rows at start (no snapshot yet), as on a fresh production install.
 */
export async function loadMarket(databaseUrl: string, size: MarketSize, progress: (line: string) => void): Promise<Market> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const query: Query = async <T>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as T[];
    const synonyms = (await query<{ terms: string[] }>('SELECT terms FROM synonym_group ORDER BY created_at, id')).map((r) => r.terms);
    const analyzer = createAnalyzer({ synonyms });
    const rows = readRows();
    const step = (total: number) => (n: number) => (n % 20_000 === 0 || n === total) && progress(`${n}/${total}`);
    await bulkInsertListings(query, analyzer, 'result', rows.results, size.results, 11, { code: detailCode, onProgress: step(size.results) });
    const needIds = await bulkInsertListings(query, analyzer, 'need', rows.needs, size.needs, 12, { code: detailCode, onProgress: step(size.needs) });
    await insertDeals(query, size.deals);
    progress(`${size.deals} deals with contracts`);
    // These rows bypass the change feed, so a matching snapshot the demo seed's start left behind (its listings
    // plus the feed since) would hide them: without one the app loads the listings and fits a new snapshot.
    await query('DELETE FROM match_index_snapshot');
    await query('ANALYZE');
    return { resultCodes: Array.from({ length: size.results }, (_, i) => detailCode('result', i)), needIds };
  } finally {
    await db.end();
  }
}

/** Deals at CONTRACT_SIGNED with a broker, a contract each (60 % registered) and payments, as bench:kpi writes them. */
async function insertDeals(query: Query, count: number): Promise<void> {
  if (count === 0) return;
  const ids = async (kinds: string[]) => (await query<{ id: string }>('SELECT id FROM organization WHERE kind = ANY($1) ORDER BY id', [kinds])).map((o) => o.id);
  const institutions = await ids(['UNIVERSITY', 'INSTITUTE']);
  const enterprises = await ids(['ENTERPRISE']);
  const brokers = (await query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'BROKER' ORDER BY id`)).map((r) => r.id);
  const pick = (n: number) => `($${n}::text[])[1 + floor(random() * array_length($${n}::text[], 1))::int]`;
  await query('BEGIN');
  await query('SELECT setseed(0.14)');
  await query(
    `INSERT INTO deal (code, title, stage, stage_changed_at, institution_org_id, enterprise_org_id, origin, field_codes, created_at)
     SELECT 'DL' || lpad(i::text, 8, '0'), 'bench ' || i, 'CONTRACT_SIGNED', now(), ${pick(1)}::uuid, ${pick(2)}::uuid, 'BROKER', ARRAY[${pick(3)}],
       now() - (random() * 700) * interval '1 day'
     FROM generate_series(1, $4::int) i`,
    [institutions, enterprises, FIELDS, count],
  );
  await query(`INSERT INTO deal_participant (deal_id, user_id, side) SELECT d.id, ${pick(1)}::uuid, 'BROKER' FROM deal d WHERE d.code LIKE 'DL%'`, [brokers]);
  await query(
    `INSERT INTO tech_contract (code, deal_id, type_code, project_name, signed_on, term_start, term_end,
       seller_name, seller_credit_code, seller_area_code, seller_legal_person_type, seller_organization_id,
       buyer_name, buyer_credit_code, buyer_area_code, buyer_legal_person_type, buyer_organization_id,
       contract_amount_fen, non_technical_cost_fen, technical_amount_fen, registration_status, registration_number)
     SELECT 'CL' || substr(d.code, 3), d.id, x.type_code, d.title, x.signed_on, x.signed_on, x.signed_on + 1000,
       i.name_zh, i.credit_code, '320113', CASE WHEN i.kind = 'UNIVERSITY' THEN 'UNIVERSITY' ELSE 'RESEARCH_INSTITUTE' END, i.id,
       e.name_zh, e.credit_code, '320113', 'ENTERPRISE', e.id,
       x.amount, x.cost, x.amount - x.cost, x.status, CASE WHEN x.status = 'REGISTERED' THEN lpad(substr(d.code, 3), 16, '0') END
     FROM deal d
     JOIN organization i ON i.id = d.institution_org_id
     JOIN organization e ON e.id = d.enterprise_org_id
     CROSS JOIN LATERAL (SELECT ${pick(1)} AS type_code, (d.created_at AT TIME ZONE 'Asia/Shanghai')::date + (random() * 60)::int AS signed_on,
       a AS amount, floor(a * random() * 0.2)::bigint AS cost, CASE WHEN random() < 0.6 THEN 'REGISTERED' WHEN random() < 0.5 THEN 'SUBMITTED' ELSE 'NOT_SUBMITTED' END AS status
       FROM (SELECT (1 + floor(random() * random() * 5000000000))::bigint AS a) amount) x
     WHERE d.code LIKE 'DL%'`,
    [TYPES],
  );
  await query(
    `INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note)
     SELECT c.id, c.signed_on + 30, c.contract_amount_fen / 2, 'bench' FROM tech_contract c WHERE c.code LIKE 'CL%' AND random() < 0.7`,
  );
  await query('COMMIT');
}
