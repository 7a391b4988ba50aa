import { DataSource } from 'typeorm';

/** One contract of the KPI fixture, with everything a hand computation needs. */
export interface FixtureContract {
  code: string;
  /** Seller and buyer: a demo organization's name, or an unlinked party with its legal-person type. */
  seller: string | { name: string; legalPersonType: string };
  buyer: string | { name: string; legalPersonType: string };
  typeCode: string;
  signedOn: string;
  contractAmountFen: number;
  nonTechnicalCostFen: number;
  registration: 'REGISTERED' | 'NOT_SUBMITTED' | 'REFUSED';
  /** The deal: its first field code, its lead broker (email) and brokers added after him, if the contract closes one. */
  deal?: { fieldCode: string; broker: string; coBrokers?: string[] };
  payments: Array<{ receivedOn: string; amountFen: number }>;
}

export interface LoadedFixture {
  ids: Map<string, string>;
  orgIds: Map<string, string>;
  /** By email. */
  userIds: Map<string, string>;
}

const KIND_TO_LEGAL: Record<string, string> = { UNIVERSITY: 'UNIVERSITY', INSTITUTE: 'RESEARCH_INSTITUTE', ENTERPRISE: 'ENTERPRISE', AGENCY: 'OTHER_ORGANIZATION' };

/**
 * Writes the fixture straight into the test database (the demo seed's organizations and brokers,
 * plus an independent broker without an agency), so the test controls every date and every fen.
 */
export async function loadKpiFixture(ds: DataSource, contracts: FixtureContract[]): Promise<LoadedFixture> {
  const orgs = await ds.query<Array<{ id: string; name_zh: string; kind: string; credit_code: string | null }>>(`SELECT id, name_zh, kind, credit_code FROM organization`);
  const orgIds = new Map(orgs.map((o) => [o.name_zh, o.id]));
  await ds.query(`INSERT INTO app_user (email, name, role, status, password_hash, organization_id) VALUES ('broker.free@xkx.test', '王自由', 'BROKER', 'ACTIVE', 'x', NULL) ON CONFLICT DO NOTHING`);
  const users = await ds.query<Array<{ id: string; email: string }>>(`SELECT id, email FROM app_user`);
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const ids = new Map<string, string>();
  let serial = 0;
  for (const c of contracts) {
    serial += 1;
    const party = (p: FixtureContract['seller']) => {
      if (typeof p !== 'string') return { name: p.name, org: null, legal: p.legalPersonType, credit: null };
      const org = orgs.find((o) => o.name_zh === p);
      if (!org) throw new Error(`no demo organization ${p}`);
      return { name: org.name_zh, org: org.id, legal: KIND_TO_LEGAL[org.kind] ?? 'OTHER_ORGANIZATION', credit: org.credit_code };
    };
    const seller = party(c.seller);
    const buyer = party(c.buyer);
    // Every contract closes a deal that reached signing (a contract without one is left out of the figures).
    // Contracts with no `deal` here get one without field or broker, so they fall in the 'none' bars.
    const institution = [seller, buyer].find((p) => p.legal === 'UNIVERSITY' || p.legal === 'RESEARCH_INSTITUTE')?.org ?? orgs.find((o) => o.kind === 'UNIVERSITY')!.id;
    const enterprise = [seller, buyer].find((p) => p.legal === 'ENTERPRISE')?.org ?? buyer.org ?? seller.org;
    const [deal] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO deal (code, title, stage, stage_changed_at, institution_org_id, enterprise_org_id, origin, field_codes) VALUES ($1, $2, 'CONTRACT_SIGNED', now(), $3, $4, 'BROKER', $5) RETURNING id`,
      [`DK19-${String(serial).padStart(6, '0')}`, `KPI 夹具 ${c.code}`, institution, enterprise, c.deal ? [c.deal.fieldCode] : []],
    );
    const dealId = deal!.id;
    if (c.deal) {
      const broker = userIds.get(c.deal.broker);
      if (!broker) throw new Error(`no user ${c.deal.broker}`);
      await ds.query(`INSERT INTO deal_participant (deal_id, user_id, side) VALUES ($1, $2, 'BROKER')`, [dealId, broker]);
      for (const [i, email] of (c.deal.coBrokers ?? []).entries()) {
        const co = userIds.get(email);
        if (!co) throw new Error(`no user ${email}`);
        // Added later than the lead, so the lead broker (earliest participant) stays the same.
        await ds.query(`INSERT INTO deal_participant (deal_id, user_id, side, created_at) VALUES ($1, $2, 'BROKER', now() + make_interval(mins => $3))`, [dealId, co, i + 1]);
      }
    }
    const registered = c.registration === 'REGISTERED';
    const [row] = await ds.query<Array<{ id: string }>>(
      `INSERT INTO tech_contract (code, deal_id, type_code, project_name, signed_on, term_start, term_end,
         seller_name, seller_credit_code, seller_area_code, seller_legal_person_type, seller_organization_id,
         buyer_name, buyer_credit_code, buyer_area_code, buyer_legal_person_type, buyer_organization_id,
         contract_amount_fen, non_technical_cost_fen, technical_amount_fen, registration_status, registration_number, registered_income_fen, registration_decided_on)
       VALUES ($1, $2, $3, $4, $5, $5, $5, $6, $7, '320113', $8, $9, $10, $11, '320113', $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
      [
        c.code, dealId, c.typeCode, `KPI 夹具项目 ${c.code}`, c.signedOn,
        seller.name, seller.credit, seller.legal, seller.org,
        buyer.name, buyer.credit, buyer.legal, buyer.org,
        c.contractAmountFen, c.nonTechnicalCostFen, c.contractAmountFen - c.nonTechnicalCostFen, c.registration,
        registered ? `2019320113${String(serial).padStart(6, '0')}` : null, registered ? c.contractAmountFen - c.nonTechnicalCostFen : null, registered ? c.signedOn : null,
      ],
    );
    ids.set(c.code, row!.id);
    for (const p of c.payments) {
      await ds.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, $2, $3, '回单')`, [row!.id, p.receivedOn, p.amountFen]);
    }
  }
  return { ids, orgIds, userIds };
}
