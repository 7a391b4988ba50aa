import { DEAL_STAGE_ORDER, DealSide, DealStage, LegalPersonType, OrganizationKind, RegistrationStatus } from '@xkx/contracts';
import { addCalendarDays, publicNoticeEndsOn, shanghaiDate } from '@xkx/util';
import { EntityManager, In } from 'typeorm';
import { ContractInstallmentEntity, ContractPaymentEntity } from '../../modules/contracts/entities/contract-money.entity';
import { ContractEntity } from '../../modules/contracts/entities/contract.entity';
import { nextDealCode } from '../../modules/deals/deal-events';
import { DealEventEntity } from '../../modules/deals/entities/deal-event.entity';
import { DealMessageEntity } from '../../modules/deals/entities/deal-message.entity';
import { DealOfferEntity } from '../../modules/deals/entities/deal-offer.entity';
import { DealParticipantEntity } from '../../modules/deals/entities/deal-participant.entity';
import { DealEntity } from '../../modules/deals/entities/deal.entity';
import { IntroductionEntity } from '../../modules/deals/entities/introduction.entity';
import { NdaAcceptanceEntity } from '../../modules/deals/entities/nda.entity';
import { PublicNoticeEntity } from '../../modules/deals/entities/public-notice.entity';
import { NeedEntity } from '../../modules/listings/entities/need.entity';
import { ResultEntity } from '../../modules/listings/entities/result.entity';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';

/** One demo contract: amounts in integer fen; `paidFen` are the payments received so far. */
interface DemoContract {
  typeCode: string;
  contractFen: number;
  nonTechnicalFen: number;
  registration: RegistrationStatus;
  paidFen: number[];
  refusal?: string;
}

interface DemoDeal {
  stage: DealStage;
  nextAction: string | null;
  /** Days from today; negative is overdue. */
  dueInDays: number | null;
  priceFen?: number;
  contract?: DemoContract;
  lostReason?: string;
  lostFrom?: DealStage;
  message?: string;
}

const HAPPY: readonly DealStage[] = DEAL_STAGE_ORDER.filter((s) => s !== 'LOST');
/** Days between two steps of a demo deal: longer than a public notice, so the dates obey the 15-day rule. */
const STEP_DAYS = 16;

/** Deals in every stage and contracts of every type; some registered, some paid in part, one refused. */
const DEMO_DEALS: DemoDeal[] = [
  { stage: 'LEAD', nextAction: '电话联系企业技术负责人，确认需求背景', dueInDays: 2 },
  { stage: 'TRIAGE', nextAction: '二次诊断：请企业补充技术指标与预算', dueInDays: -3 },
  { stage: 'INTRODUCED', nextAction: '等待课题组答复对接意向', dueInDays: 5, message: '张教授您好，企业对该成果的中试数据很感兴趣，能否安排一次线上交流？' },
  { stage: 'INTERESTED', nextAction: '发送保密协议，约双方签署', dueInDays: -1 },
  { stage: 'NDA_SIGNED', nextAction: '组织企业到实验室考察中试线', dueInDays: 7 },
  { stage: 'NEGOTIATING', nextAction: '整理双方报价差异，准备第二轮谈判', dueInDays: 4, message: '我方可接受分期付款，但首付比例希望不低于 40%。' },
  { stage: 'TERMS_AGREED', nextAction: '提交学校成果转化领导小组审议', dueInDays: 6, priceFen: 168_000_000 },
  { stage: 'PUBLIC_NOTICE', nextAction: '公示期满后安排合同签署', dueInDays: 12, priceFen: 128_650_000 },
  { stage: 'CONTRACT_SIGNED', nextAction: '准备认定登记材料，提交技术市场', dueInDays: -5, priceFen: 128_650_000,
    contract: { typeCode: 'TRANSFER.PATENT', contractFen: 128_650_000, nonTechnicalFen: 0, registration: 'NOT_SUBMITTED', paidFen: [] } },
  { stage: 'CONTRACT_SIGNED', nextAction: '跟进登记审核进度', dueInDays: 10, priceFen: 358_000_000,
    contract: { typeCode: 'DEVELOPMENT.COMMISSIONED', contractFen: 358_000_000, nonTechnicalFen: 42_000_000, registration: 'SUBMITTED', paidFen: [] } },
  { stage: 'CONTRACT_SIGNED', nextAction: '补正合同条款后重新申请登记', dueInDays: 3, priceFen: 45_600_000,
    contract: { typeCode: 'LICENSE.TECHNICAL_SECRET', contractFen: 45_600_000, nonTechnicalFen: 0, registration: 'REFUSED', paidFen: [], refusal: '合同未明确技术秘密的具体内容与验收标准，未予登记' } },
  { stage: 'REGISTERED', nextAction: '催收首期许可费', dueInDays: -2, priceFen: 96_800_000,
    contract: { typeCode: 'LICENSE.PATENT', contractFen: 96_800_000, nonTechnicalFen: 0, registration: 'REGISTERED', paidFen: [] } },
  { stage: 'REGISTERED', nextAction: '确认技术秘密交付清单', dueInDays: 9, priceFen: 73_500_000,
    contract: { typeCode: 'TRANSFER.TECHNICAL_SECRET', contractFen: 73_500_000, nonTechnicalFen: 3_500_000, registration: 'REGISTERED', paidFen: [22_050_000] } },
  { stage: 'PAID', nextAction: '中期验收后催收第二期款项', dueInDays: 30, priceFen: 523_678_900,
    contract: { typeCode: 'DEVELOPMENT.COOPERATIVE', contractFen: 523_678_900, nonTechnicalFen: 61_234_500, registration: 'REGISTERED', paidFen: [157_103_670, 104_735_780] } },
  { stage: 'PAID', nextAction: '服务期满后结算', dueInDays: 45, priceFen: 18_800_000,
    contract: { typeCode: 'SERVICE.GENERAL', contractFen: 18_800_000, nonTechnicalFen: 1_200_000, registration: 'REGISTERED', paidFen: [9_400_000] } },
  { stage: 'CLOSED', nextAction: null, dueInDays: null, priceFen: 66_000_000,
    contract: { typeCode: 'TRANSFER.PATENT_APPLICATION', contractFen: 66_000_000, nonTechnicalFen: 0, registration: 'REGISTERED', paidFen: [33_000_000, 33_000_000] } },
  { stage: 'CLOSED', nextAction: null, dueInDays: null, priceFen: 6_500_050,
    contract: { typeCode: 'CONSULTING', contractFen: 6_500_050, nonTechnicalFen: 0, registration: 'REGISTERED', paidFen: [6_500_050] } },
  { stage: 'LOST', nextAction: null, dueInDays: null, lostFrom: 'NEGOTIATING', lostReason: '双方对独占许可期限分歧过大，企业转向自主研发' },
  { stage: 'LOST', nextAction: null, dueInDays: null, lostFrom: 'INTRODUCED', lostReason: '对方婉拒：技术成熟度太低。企业需要可量产方案' },
];

const LEGAL_PERSON: Record<OrganizationKind, LegalPersonType> = { UNIVERSITY: 'UNIVERSITY', INSTITUTE: 'RESEARCH_INSTITUTE', ENTERPRISE: 'ENTERPRISE', AGENCY: 'OTHER_ORGANIZATION' };
const DAY = 86_400_000;

/**
 * Demo deals, written straight into the tables inside the demo seed's transaction: each deal carries
 * the timeline of the stages it went through, NDA acceptances, offers, a public notice and a contract
 * where its stage implies one. Listings are paired need-first by shared technology field.
 */
export async function seedDemoDeals(manager: EntityManager, brokerId: string): Promise<number> {
  const results = await manager.find(ResultEntity, { where: { status: 'PUBLISHED' }, order: { code: 'ASC' } });
  const needs = await manager.find(NeedEntity, { where: { status: 'PUBLISHED' }, order: { code: 'ASC' } });
  const orgs = new Map((await manager.find(OrganizationEntity, { where: { id: In([...results, ...needs].map((l) => l.organizationId)) } })).map((o) => [o.id, o]));
  // Listings of the demo accounts first, so they find deals when they sign in.
  const owned = <T extends { ownerId: string | null }>(list: T[]) => [...list.filter((l) => l.ownerId), ...list.filter((l) => !l.ownerId)];
  const freeResults = owned(results);
  const today = shanghaiDate();
  let seeded = 0;
  let serial = 100;
  for (const [index, spec] of DEMO_DEALS.entries()) {
    const need = owned(needs)[index % needs.length];
    const result = freeResults.find((r) => need && r.fieldPaths.some((p) => need.fieldPaths.includes(p))) ?? freeResults[0];
    if (!need || !result) break;
    freeResults.splice(freeResults.indexOf(result), 1);
    const institution = orgs.get(result.organizationId);
    const enterprise = orgs.get(need.organizationId);
    if (!institution || !enterprise) continue;

    const path: DealStage[] = spec.stage === 'LOST' ? [...HAPPY.slice(0, HAPPY.indexOf(spec.lostFrom ?? 'LEAD') + 1), 'LOST'] : HAPPY.slice(0, HAPPY.indexOf(spec.stage) + 1);
    const startedDaysAgo = 10 + path.length * STEP_DAYS;
    const at = (step: number) => new Date(Date.now() - (startedDaysAgo - step * STEP_DAYS) * DAY);
    const deal = await manager.save(
      manager.create(DealEntity, {
        code: await nextDealCode(manager, 'deal_code_seq', 'D'),
        title: `${result.title} × ${enterprise.shortName ?? enterprise.nameZh}`.slice(0, 200),
        stage: spec.stage,
        stageChangedAt: at(path.length - 1),
        institutionOrgId: institution.id,
        enterpriseOrgId: enterprise.id,
        resultId: result.id,
        needId: need.id,
        introductionId: null,
        origin: index % 3 === 0 ? 'SELF_REQUEST' : index % 3 === 1 ? 'MATCH' : 'BROKER',
        matchScore: index % 3 === 1 ? 0.62 + (index % 5) * 0.05 : null,
        fieldCodes: [...new Set([...result.fieldCodes, ...need.fieldCodes])],
        pricingMethod: path.includes('PUBLIC_NOTICE') || index % 4 !== 3 ? 'AGREEMENT' : 'LISTING',
        agreedPriceFen: spec.priceFen ?? null,
        nextAction: spec.nextAction,
        nextActionDue: spec.dueInDays === null ? null : addCalendarDays(today, spec.dueInDays),
        lostReason: spec.lostReason ?? null,
        lostFromStage: spec.stage === 'LOST' ? (spec.lostFrom ?? 'LEAD') : null,
        noticeOverrideReason: null,
        noticeOverrideById: null,
        createdById: brokerId,
      }),
    );
    const people: Array<{ userId: string; side: DealSide }> = [{ userId: brokerId, side: 'BROKER' }];
    if (result.ownerId) people.push({ userId: result.ownerId, side: 'INSTITUTION' });
    if (need.ownerId) people.push({ userId: need.ownerId, side: 'ENTERPRISE' });
    await manager.insert(DealParticipantEntity, people.map((p) => ({ dealId: deal.id, userId: p.userId, side: p.side, addedById: brokerId })));

    // Every deal starts from an introduction, as through the API: the enterprise's own request, or a broker's
    // from a match or from his own knowledge (so the KPI funnel's introductions → deals step reads true).
    const requesterId = deal.origin === 'SELF_REQUEST' ? need.ownerId : brokerId;
    if (requesterId) {
      const interested = path.includes('INTERESTED');
      // A deal lost before the counterpart showed interest was declined by it.
      const declined = !interested && spec.stage === 'LOST';
      const answered = interested || declined;
      const intro = await manager.save(manager.create(IntroductionEntity, {
        origin: deal.origin, status: interested ? 'INTERESTED' : declined ? 'DECLINED' : 'PENDING', requesterId, targetKind: 'RESULT', resultId: result.id, needId: need.id,
        message: deal.origin === 'SELF_REQUEST' ? `我司正在推进「${need.title}」，希望了解该成果的技术指标、中试情况与合作方式。` : `平台撮合发现「${need.title}」与「${result.title}」高度契合，想请您了解对方情况，看是否有意进一步洽谈。`,
        matchScore: deal.matchScore, declineReason: declined ? 'OTHER' : null, answerNote: declined ? (spec.lostReason ?? null) : null,
        answeredById: answered ? result.ownerId : null, answeredAt: answered ? at(Math.min(3, path.length - 1)) : null, dealId: deal.id,
      }));
      await manager.update(DealEntity, deal.id, { introductionId: intro.id });
    }

    const events: Array<Partial<DealEventEntity>> = [{ dealId: deal.id, version: 1, actorId: brokerId, kind: 'CREATED', toStage: 'LEAD', note: null, createdAt: at(0) }];
    path.slice(1).forEach((to, i) => events.push({ dealId: deal.id, version: i + 2, actorId: brokerId, kind: 'STAGE', fromStage: path[i] ?? null, toStage: to, note: to === 'LOST' ? (spec.lostReason ?? null) : null, createdAt: at(i + 1) }));
    await manager.insert(DealEventEntity, events);
    await manager.update(DealEntity, deal.id, { version: events.length });

    if (path.includes('NDA_SIGNED')) {
      await manager.insert(NdaAcceptanceEntity, people.filter((p) => p.side !== 'BROKER').map((p) => ({ dealId: deal.id, userId: p.userId, ndaVersion: 1, ip: '10.0.0.8', userAgent: 'demo', acceptedAt: at(4) })));
    }
    if (path.includes('NEGOTIATING') && need.ownerId && result.ownerId) {
      const base = spec.priceFen ?? 80_000_000;
      await manager.insert(DealOfferEntity, [
        { dealId: deal.id, proposedById: need.ownerId, side: 'ENTERPRISE', priceFen: Math.round(base * 0.7), terms: '普通许可 3 年，一次性支付', status: 'DECLINED', answeredById: result.ownerId, answeredAt: at(6), answerNote: '价格低于学校评估底价', createdAt: at(5) },
        { dealId: deal.id, proposedById: result.ownerId, side: 'INSTITUTION', priceFen: base, terms: '独占许可 5 年，首付 40%，余款按里程碑支付', status: spec.priceFen ? 'ACCEPTED' : 'PROPOSED', answeredById: spec.priceFen ? need.ownerId : null, answeredAt: spec.priceFen ? at(6) : null, answerNote: null, createdAt: at(6) },
      ]);
    }
    if (path.includes('PUBLIC_NOTICE') && spec.priceFen) {
      const startsOn = spec.stage === 'PUBLIC_NOTICE' ? addCalendarDays(today, -5) : at(HAPPY.indexOf('PUBLIC_NOTICE')).toISOString().slice(0, 10);
      await manager.insert(PublicNoticeEntity, {
        dealId: deal.id, title: result.title, intendedPriceFen: spec.priceFen, institutionName: institution.nameZh, enterpriseName: enterprise.nameZh,
        transferMode: '转让/许可', pricingMethod: deal.pricingMethod, startsOn, endsOn: publicNoticeEndsOn(startsOn), withdrawnAt: null, createdById: brokerId,
      });
    }
    if (spec.message && people[1]) await manager.insert(DealMessageEntity, { dealId: deal.id, authorId: people[people.length - 1]?.userId ?? brokerId, body: spec.message });
    if (spec.contract) await seedContract(manager, deal, institution, enterprise, spec.contract, at(HAPPY.indexOf('CONTRACT_SIGNED')), serial++, brokerId);
    seeded++;
  }
  return seeded;
}

async function seedContract(manager: EntityManager, deal: DealEntity, seller: OrganizationEntity, buyer: OrganizationEntity, c: DemoContract, signedAt: Date, serial: number, brokerId: string): Promise<void> {
  const signedOn = signedAt.toISOString().slice(0, 10);
  const technical = c.contractFen - c.nonTechnicalFen;
  const decided = c.registration === 'REGISTERED' || c.registration === 'REFUSED';
  const asksInvestment = c.typeCode.startsWith('TRANSFER') || c.typeCode.startsWith('LICENSE');
  const contract = await manager.save(
    manager.create(ContractEntity, {
      code: await nextDealCode(manager, 'tech_contract_code_seq', 'C'),
      dealId: deal.id,
      contractNo: `XKX-${signedOn.slice(0, 4)}-${String(serial).padStart(4, '0')}`,
      typeCode: c.typeCode,
      projectName: deal.title.split(' × ')[0] ?? deal.title,
      signedOn,
      termStart: signedOn,
      termEnd: addCalendarDays(signedOn, 3 * 365),
      sellerName: seller.nameZh, sellerCreditCode: seller.creditCode, sellerAreaCode: seller.areaCode, sellerLegalPersonType: LEGAL_PERSON[seller.kind], sellerOrganizationId: seller.id,
      buyerName: buyer.nameZh, buyerCreditCode: buyer.creditCode, buyerAreaCode: buyer.areaCode, buyerLegalPersonType: LEGAL_PERSON[buyer.kind], buyerOrganizationId: buyer.id,
      contractAmountFen: c.contractFen,
      nonTechnicalCostFen: c.nonTechnicalFen,
      technicalAmountFen: technical,
      expectedInvestmentFen: asksInvestment ? c.contractFen * 6 : null,
      expectedOutputFen: asksInvestment ? c.contractFen * 25 : null,
      registrationStatus: c.registration,
      registrationNumber: c.registration === 'REGISTERED' ? `${signedOn.slice(0, 4)}320113${String(serial).padStart(6, '0')}` : null,
      registeredIncomeFen: c.registration === 'REGISTERED' ? technical : null,
      registrationSubmittedOn: c.registration === 'NOT_SUBMITTED' ? null : addCalendarDays(signedOn, 5),
      registrationDecidedOn: decided ? addCalendarDays(signedOn, 20) : null,
      registrationNote: c.refusal ?? null,
      registrationExtra: c.registration === 'NOT_SUBMITTED' ? {} : { technicalField: '新材料', technologySource: '自主研发', ...(asksInvestment ? { ipType: '发明专利' } : {}) },
      createdById: brokerId,
    }),
  );
  // Three installments adding up to the fen: 30% / 40% / the rest.
  const first = Math.floor(c.contractFen * 0.3);
  const second = Math.floor(c.contractFen * 0.4);
  await manager.insert(ContractInstallmentEntity, [
    { contractId: contract.id, position: 0, dueOn: addCalendarDays(signedOn, 30), amountFen: first, description: '合同生效后 30 日内支付' },
    { contractId: contract.id, position: 1, dueOn: addCalendarDays(signedOn, 180), amountFen: second, description: '中期验收后支付' },
    { contractId: contract.id, position: 2, dueOn: addCalendarDays(signedOn, 365), amountFen: c.contractFen - first - second, description: '最终验收后支付尾款' },
  ]);
  if (c.paidFen.length > 0) {
    await manager.insert(ContractPaymentEntity, c.paidFen.map((amountFen, i) => ({
      // Never in the future (the API refuses that too): a recent contract's payments land by today.
      contractId: contract.id, receivedOn: [addCalendarDays(signedOn, 25 + i * 60), shanghaiDate()].sort()[0], amountFen, evidenceNote: `银行回单 No. ${signedOn.replace(/-/g, '')}${String(serial * 10 + i).padStart(6, '0')}`, recordedById: brokerId,
    })));
  }
}
