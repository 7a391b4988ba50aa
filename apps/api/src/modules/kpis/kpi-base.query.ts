import { KpiBasis, KpiDimension, KpiView } from '@xkx/contracts';
import { AMENDMENT_AS_OF_JOIN } from '@xkx/api/modules/contracts/contract-amendments';
import { CHAIN_ISSUE_SQL, CHAIN_JOINS } from '@xkx/api/modules/deals/chain-rules';

/** Which contracts a figure is about. */
export interface KpiScope {
  year: number;
  view: KpiView;
  /** signed: contracts signed in the year (received = all payments to date); paid: contracts with money received in the year (received = those payments). */
  basis: KpiBasis;
  institutionId?: string | null;
  fieldCode?: string | null;
  /** Only contracts whose deal has this user as a BROKER participant (lead or not). */
  brokerId?: string | null;
  /** Also the year before, in the same scan: rows carry `yr` (the signing year, or the payment year on the paid basis). */
  withPreviousYear?: boolean;
}

/** The key column of each dimension in `kpi_base`; every contract has exactly one key per dimension. */
export const DIMENSION_KEY: Record<KpiDimension, string> = {
  MONTH: 'k_month',
  INSTITUTION: 'k_institution',
  AGENCY: 'k_agency',
  FIELD: 'k_field',
  TYPE: 'k_type',
  BROKER: 'k_broker',
  ENTERPRISE: 'k_enterprise',
};

/** The label columns (zh, en) of each dimension. */
export const DIMENSION_LABEL: Record<KpiDimension, [string, string]> = {
  MONTH: ['k_month', 'k_month'],
  INSTITUTION: ['l_institution', 'l_institution'],
  AGENCY: ['l_agency', 'l_agency_en'],
  FIELD: ['l_field', 'l_field_en'],
  TYPE: ['l_type', 'l_type_en'],
  BROKER: ['l_broker', 'l_broker'],
  ENTERPRISE: ['l_enterprise', 'l_enterprise'],
};

const INSTITUTION_KINDS = `('UNIVERSITY','INSTITUTE')`;
const INSTITUTION_LEGAL = `('UNIVERSITY','RESEARCH_INSTITUTE')`;

/**
 * Which side of `tech_contract c` is the institution and which the enterprise (aliases `so`, `bo`: the
 * seller's and buyer's organization, LEFT JOINed by the caller), as `side.s_inst` … `side.b_ent`; a contract
 * is a project when `IS_PROJECT_SQL` holds. kpi_base uses them, and so does every figure that has to say
 * "a project contract" without being one of kpi_base's rows (landings, issue 16).
 */
export const PROJECT_SIDES_SQL = `CROSS JOIN LATERAL (SELECT
    coalesce(so.kind IN ${INSTITUTION_KINDS}, c.seller_legal_person_type IN ${INSTITUTION_LEGAL}) AS s_inst,
    coalesce(so.kind = 'ENTERPRISE', c.seller_legal_person_type = 'ENTERPRISE') AS s_ent,
    coalesce(bo.kind IN ${INSTITUTION_KINDS}, c.buyer_legal_person_type IN ${INSTITUTION_LEGAL}) AS b_inst,
    coalesce(bo.kind = 'ENTERPRISE', c.buyer_legal_person_type = 'ENTERPRISE') AS b_ent) side`;
export const IS_PROJECT_SQL = `((side.s_inst AND side.b_ent) OR (side.s_ent AND side.b_inst))`;

/** What a query reads from kpi_base: only the figures, one dimension's key and label, or every column. */
export type KpiColumns = 'figures' | KpiDimension | 'all';

/**
 * `WITH kpi_base AS (…), kpi_scoped AS (…), kpi_left_out AS (…)`: one row per qualifying contract with its amounts and its
 * key in every dimension. Every figure, bar, drill-down, export and subsidy reads this one definition,
 * so they cannot disagree. kpi_scoped holds the contracts whose chain is complete (chain-rules.ts);
 * kpi_left_out the others, with `chain_issue` saying why. Amounts and type are those in effect at the
 * ledger's as-of date (a registered contract's amendments effective by then). Joins a query does not need are left out (their columns are NULL), which is
 * what keeps the dashboard fast on 100,000 contracts; the definition itself never changes. Parameters
 * are positional; append your own after `params` (`$${params.length + 1}` …): their count depends on the scope.
 */
export function kpiBase(scope: KpiScope, columns: KpiColumns = 'all'): { sql: string; params: unknown[] } {
  const from = `${scope.withPreviousYear ? scope.year - 1 : scope.year}-01-01`;
  const to = `${scope.year + 1}-01-01`;
  const params: unknown[] = [from, to, scope.view === 'registered', scope.institutionId ?? null, scope.fieldCode ?? null];
  const all = columns === 'all';
  const needType = all || columns === 'TYPE';
  const needBroker = all || columns === 'BROKER' || columns === 'AGENCY';
  const needDeal = all || columns === 'FIELD' || !!scope.fieldCode;
  const paid = scope.basis === 'paid';
  const pay = paid
    ? `JOIN (SELECT contract_id, extract(year FROM received_on)::int AS yr, sum(amount_fen) AS received FROM contract_payment
        WHERE received_on >= $1::date AND received_on < $2::date GROUP BY contract_id, extract(year FROM received_on)) pay ON pay.contract_id = c.id`
    : ''; // all payments to date: tech_contract.received_fen, kept by a trigger
  const sql = `
WITH kpi_base AS (
  SELECT c.id, c.code, c.project_name, c.signed_on, coalesce(am.type_code, c.type_code) AS type_code, c.registration_status, c.registration_number,
    coalesce(am.contract_amount_fen, c.contract_amount_fen) AS contract_amount_fen, coalesce(am.technical_amount_fen, c.technical_amount_fen) AS technical_amount_fen, c.deal_id,
    ${paid ? 'pay.received' : 'c.received_fen'} AS received_fen,
    ${paid ? 'pay.yr' : 'extract(year FROM c.signed_on)::int'} AS yr,
    ${all ? `(rp.contract_id IS NOT NULL OR (c.seller_credit_code IS NOT NULL AND c.seller_credit_code = c.buyer_credit_code))` : 'false'} AS related_party,
    ${all ? `coalesce(rp.reason, CASE WHEN c.seller_credit_code = c.buyer_credit_code THEN 'same credit code' END)` : 'NULL::text'} AS related_reason,
    ${all ? 'rp.contract_id IS NOT NULL' : 'false'} AS related_marked,
    side.b_ent AS enterprise_is_buyer,
    ${CHAIN_ISSUE_SQL} AS chain_issue,
    CASE WHEN side.s_inst THEN c.seller_organization_id ELSE c.buyer_organization_id END AS institution_org_id,
    to_char(c.signed_on, 'MM') AS k_month,
    CASE WHEN side.s_inst THEN coalesce(c.seller_organization_id::text, 'name:' || c.seller_name) ELSE coalesce(c.buyer_organization_id::text, 'name:' || c.buyer_name) END AS k_institution,
    CASE WHEN side.s_inst THEN coalesce(so.name_zh, c.seller_name) ELSE coalesce(bo.name_zh, c.buyer_name) END AS l_institution,
    CASE WHEN side.s_inst THEN coalesce(c.buyer_organization_id::text, 'name:' || c.buyer_name) ELSE coalesce(c.seller_organization_id::text, 'name:' || c.seller_name) END AS k_enterprise,
    CASE WHEN side.s_inst THEN coalesce(bo.name_zh, c.buyer_name) ELSE coalesce(so.name_zh, c.seller_name) END AS l_enterprise,
    ${needBroker ? `coalesce(ag.id::text, 'none') AS k_agency, ag.name_zh AS l_agency, coalesce(ag.name_en, ag.name_zh) AS l_agency_en,
    coalesce(br.user_id::text, 'none') AS k_broker, bu.name AS l_broker,` : `NULL::text AS k_agency, NULL::text AS l_agency, NULL::text AS l_agency_en, NULL::text AS k_broker, NULL::text AS l_broker,`}
    ${needDeal ? `coalesce(nullif(split_part(d.field_codes[1], '.', 1), ''), 'none') AS k_field, tf.name_zh AS l_field, tf.name_en AS l_field_en, d.field_codes[1] AS field_code,` : `NULL::text AS k_field, NULL::text AS l_field, NULL::text AS l_field_en, NULL::text AS field_code,`}
    ${needType ? `coalesce(ct.parent_code, ct.code) AS k_type, rt.name_zh AS l_type, rt.name_en AS l_type_en` : `NULL::text AS k_type, NULL::text AS l_type, NULL::text AS l_type_en`}
  FROM tech_contract c
  LEFT JOIN organization so ON so.id = c.seller_organization_id
  LEFT JOIN organization bo ON bo.id = c.buyer_organization_id
  ${PROJECT_SIDES_SQL}
  ${CHAIN_JOINS}
  ${AMENDMENT_AS_OF_JOIN}
  ${pay}
  ${needType ? `JOIN contract_type ct ON ct.code = coalesce(am.type_code, c.type_code)
  JOIN contract_type rt ON rt.code = coalesce(ct.parent_code, ct.code)` : ''}
  ${all ? 'LEFT JOIN kpi_related_party_mark rp ON rp.contract_id = c.id' : ''}
  ${needDeal ? `LEFT JOIN deal d ON d.id = c.deal_id
  LEFT JOIN technology_field tf ON tf.code = split_part(d.field_codes[1], '.', 1)` : ''}
  ${needBroker ? `LEFT JOIN LATERAL (SELECT p.user_id FROM deal_participant p WHERE p.deal_id = c.deal_id AND p.side = 'BROKER'
    ORDER BY p.created_at, p.user_id LIMIT 1) br ON true
  LEFT JOIN app_user bu ON bu.id = br.user_id
  LEFT JOIN organization ag ON ag.id = bu.organization_id AND ag.kind = 'AGENCY'` : ''}
  WHERE ${IS_PROJECT_SQL}
    AND (NOT $3::boolean OR c.registration_status = 'REGISTERED')
    ${paid ? '' : 'AND c.signed_on >= $1::date AND c.signed_on < $2::date'}
)`;
  let filter = `($4::uuid IS NULL OR institution_org_id = $4::uuid) AND ($5::text IS NULL OR field_code = $5::text OR left(field_code, length($5::text) + 1) = $5::text || '.')`;
  // The broker filter only exists (and only adds a parameter) when asked for.
  if (scope.brokerId) {
    params.push(scope.brokerId);
    filter += ` AND EXISTS (SELECT 1 FROM deal_participant bp WHERE bp.deal_id = kpi_base.deal_id AND bp.side = 'BROKER' AND bp.user_id = $${params.length}::uuid)`;
  }
  // Only complete chains count; the rest are kept apart so the dashboard can say how many and why.
  return { sql: `${sql}, kpi_scoped AS (SELECT * FROM kpi_base WHERE chain_issue IS NULL AND ${filter}), kpi_left_out AS (SELECT * FROM kpi_base WHERE chain_issue IS NOT NULL AND ${filter})`, params };
}

/** The four sums of a set of kpi_scoped rows, as exact text. */
export const FIGURE_COLUMNS = `count(*)::int AS projects, coalesce(sum(contract_amount_fen), 0)::text AS contract_amount_fen,
  coalesce(sum(technical_amount_fen), 0)::text AS technical_amount_fen, coalesce(sum(received_fen), 0)::text AS received_fen`;

export interface FigureRow {
  projects: number;
  contract_amount_fen: string;
  technical_amount_fen: string;
  received_fen: string;
}
