import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { bearer, Session } from './auth';
import { needPayload, resultPayload } from './listings';

export interface DealSessions {
  researcher: Session;
  enterprise: Session;
  broker: Session;
  admin: Session;
}

/** The happy path, in order; LOST is reached from LEAD. */
export const HAPPY_PATH = ['LEAD', 'TRIAGE', 'INTRODUCED', 'INTERESTED', 'NDA_SIGNED', 'NEGOTIATING', 'TERMS_AGREED', 'PUBLIC_NOTICE', 'CONTRACT_SIGNED', 'REGISTERED', 'PAID', 'CLOSED'] as const;
export type Stage = (typeof HAPPY_PATH)[number] | 'LOST';

/** A published result owned by `owner` and a published need of the enterprise, approved by the broker. */
export async function publishedPair(http: TestAgent, s: DealSessions, title: string): Promise<{ resultId: string; needId: string }> {
  const result = await http.post('/api/results').set(...bearer(s.researcher)).send(resultPayload({ title: `${title}成果`, confidentialDetail: `【成果保密】${title}：包覆前驱体配比见工艺卡` })).expect(201);
  const need = await http.post('/api/needs').set(...bearer(s.enterprise)).send(needPayload({ title: `${title}需求`, confidentialDetail: `【需求保密】${title}：产线年产 20 万包` })).expect(201);
  for (const [kind, id, owner] of [['results', result.body.id, s.researcher], ['needs', need.body.id, s.enterprise]] as const) {
    await http.post(`/api/${kind}/${id}/submit`).set(...bearer(owner)).send({}).expect(200);
    await http.post(`/api/${kind}/${id}/approve`).set(...bearer(s.broker)).send({}).expect(200);
  }
  return { resultId: result.body.id as string, needId: need.body.id as string };
}

/** 1234567.89 yuan, split into two awkward installments that add up to the fen. */
export const AWKWARD_FEN = 123_456_789;

export function contractPayload(dealId: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...(dealId ? { dealId } : {}),
    typeCode: 'LICENSE.PATENT',
    projectName: '高镍三元正极材料表面包覆改性技术专利实施许可',
    signedOn: '2026-03-18',
    termStart: '2026-03-18',
    termEnd: '2031-03-17',
    contractAmountFen: AWKWARD_FEN,
    nonTechnicalCostFen: 3_456_780,
    expectedInvestmentFen: 800_000_000,
    expectedOutputFen: 3_000_000_000,
    schedule: [
      { dueOn: '2026-04-30', amountFen: 61_728_394, description: '合同生效后支付首期许可费' },
      { dueOn: '2026-12-31', amountFen: 61_728_395, description: '中试验收后支付二期许可费' },
    ],
    ...overrides,
  };
}

export const REGISTRATION_EXTRA = { technicalField: '新材料', ipType: '发明专利', technologySource: '自主研发' };

/** Drives a deal through the API, doing what each guard wants first (NDA, offer, contract, registration, payment). */
export class DealDriver {
  constructor(
    private readonly http: TestAgent,
    private readonly s: DealSessions,
    /** Moves the public notice into the past (tests cannot wait 15 days). */
    private readonly backdateNotice: (dealId: string) => Promise<void>,
  ) {}

  async open(resultId: string, needId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await this.http.post('/api/deals').set(...bearer(this.s.broker)).send({
      resultId, needId, participants: [{ userId: this.s.researcher.userId }, { userId: this.s.enterprise.userId }], ...extra,
    }).expect(201);
    return res.body.id as string;
  }

  async get(id: string, who: Session = this.s.broker): Promise<Record<string, unknown> & { stage: Stage; version: number }> {
    return (await this.http.get(`/api/deals/${id}`).set(...bearer(who)).expect(200)).body;
  }

  move(id: string, to: Stage, version: number, extra: Record<string, unknown> = {}, who: Session = this.s.broker) {
    return this.http.post(`/api/deals/${id}/transitions`).set(...bearer(who)).send({ to, version, note: `移到 ${to}`, ...extra });
  }

  /** Satisfies the guard of `to` from the deal's current stage. */
  async prepare(id: string, to: Stage): Promise<void> {
    const deal = await this.get(id);
    if (to === 'NDA_SIGNED') {
      const nda = await this.http.get('/api/nda/current').set(...bearer(this.s.researcher)).expect(200);
      for (const who of [this.s.researcher, this.s.enterprise]) await this.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(who)).send({ version: nda.body.version }).expect(200);
    }
    if (to === 'TERMS_AGREED' && deal['agreedPriceFen'] === null) {
      const offer = await this.http.post(`/api/deals/${id}/offers`).set(...bearer(this.s.enterprise)).send({ priceFen: 98_765_432, terms: '独占许可 5 年，首付 40%' }).expect(201);
      await this.http.post(`/api/deals/${id}/offers/${offer.body.id}/accept`).set(...bearer(this.s.researcher)).send({ note: '同意' }).expect(200);
    }
    if (to === 'CONTRACT_SIGNED' && deal.stage === 'PUBLIC_NOTICE') await this.backdateNotice(id);
    if (to === 'REGISTERED') {
      const contract = (deal['contracts'] as Array<{ id: string }>)[0]!;
      let c = await this.http.get(`/api/contracts/${contract.id}`).set(...bearer(this.s.broker)).expect(200);
      c = await this.http.put(`/api/contracts/${contract.id}/registration`).set(...bearer(this.s.broker)).send({ version: c.body.version, status: 'SUBMITTED', submittedOn: '2026-03-20', extra: REGISTRATION_EXTRA }).expect(200);
      await this.http.put(`/api/contracts/${contract.id}/registration`).set(...bearer(this.s.broker)).send({ version: c.body.version, status: 'REGISTERED', decidedOn: '2026-04-10', registrationNumber: nextRegistrationNumber(), registeredIncomeFen: 120_000_009 }).expect(200);
    }
    if (to === 'PAID') {
      const contract = (deal['contracts'] as Array<{ id: string }>)[0]!;
      await this.http.post(`/api/contracts/${contract.id}/payments`).set(...bearer(this.s.broker)).send({ receivedOn: '2026-04-30', amountFen: 61_728_394, evidenceNote: '工商银行回单 No. 20260430001' }).expect(201);
    }
  }

  /** Opens a deal and walks it to `stage` along the happy path (LOST: from LEAD). */
  async walkTo(stage: Stage, pair: { resultId: string; needId: string }): Promise<string> {
    const id = await this.open(pair.resultId, pair.needId);
    const path: readonly Stage[] = stage === 'LOST' ? ['LOST'] : HAPPY_PATH.slice(1, HAPPY_PATH.indexOf(stage) + 1);
    for (const to of path) await this.step(id, to);
    return id;
  }

  /** Records the signed contract (the deal moves to 合同已签订 with it, or the answer says why not). */
  recordContract(id: string, overrides: Record<string, unknown> = {}, who: Session = this.s.broker) {
    return this.http.post('/api/contracts').set(...bearer(who)).send(contractPayload(id, overrides));
  }

  async step(id: string, to: Stage, extra: Record<string, unknown> = {}): Promise<{ stage: Stage; version: number }> {
    await this.prepare(id, to);
    if (to === 'CONTRACT_SIGNED') {
      // A deal's stage follows from its contract: recording the signed contract is the move.
      const res = await this.recordContract(id, extra);
      if (res.status !== 201) throw new Error(`contract on ${id} refused: ${res.status} ${JSON.stringify(res.body)}`);
      const { stage, version } = await this.get(id);
      return { stage, version };
    }
    const { version } = await this.get(id);
    const res = await this.move(id, to, version, extra);
    if (res.status !== 200) throw new Error(`move to ${to} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

/** Moves a deal's notice into February 2026, before the default signing date (tests cannot wait 15 days). */
export function backdateNotice(dataSource: DataSource): (dealId: string) => Promise<void> {
  return async (dealId) => {
    await dataSource.query(`UPDATE public_notice SET starts_on = DATE '2026-02-01', ends_on = DATE '2026-02-15' WHERE deal_id = $1 AND withdrawn_at IS NULL`, [dealId]);
  };
}

let serial = 0;
/** A valid, unique 16-digit registration number: year, 栖霞区 area code, serial. */
export function nextRegistrationNumber(): string {
  serial += 1;
  return `2026320113${String(serial).padStart(6, '0')}`;
}
