import { DealStage, LegalPersonType, OrganizationKind, PricingMethod, RegistrationStatus } from '@xkx/contracts';
import { addCalendarDays, publicNoticeEndsOn, shanghaiDate } from '@xkx/util';
import { EntityManager, In } from 'typeorm';
import { ContractInstallmentEntity, ContractPaymentEntity } from '../../modules/contracts/entities/contract-money.entity';
import { ContractEntity } from '../../modules/contracts/entities/contract.entity';
import { DealEventEntity } from '../../modules/deals/entities/deal-event.entity';
import { DealParticipantEntity } from '../../modules/deals/entities/deal-participant.entity';
import { DealEntity } from '../../modules/deals/entities/deal.entity';
import { PublicNoticeEntity } from '../../modules/deals/entities/public-notice.entity';
import { ResultEntity } from '../../modules/listings/entities/result.entity';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { UserEntity } from '../../modules/users/user.entity';

/**
 * A year of market activity behind the handful of hand-written demo deals (demo-deals.ts), so the portal
 * and the KPI ledger show a market of the district's size: about a hundred more deals in every stage and
 * some seventy registered contracts worth several hundred million yuan, signed across the months of the
 * current year. Deterministic (a fixed pseudo-random seed; only "today" moves the dates), written in a few
 * multi-row inserts inside the demo seed's transaction, and obeying the ledger's chain: a contract only
 * after terms agreed and, where a notice is due, after its 15 days ended; registration after signature;
 * payments after signature and never in the future. The volume is carried by the brokers of
 * DEMO_MARKET_BROKERS and the enterprises without a demo account, so what the demo accounts see is the same.
 */

/** Brokers of the three centers who carry the year's volume; they sign in with the broker's demo password. */
export const DEMO_MARKET_BROKERS: ReadonlyArray<{ email: string; name: string; organization: string }> = [
  { email: 'broker.wu@xkx.demo', name: '吴经理', organization: '栖霞区技术转移中心' },
  { email: 'broker.zheng@xkx.demo', name: '郑经理', organization: '南京大学技术转移中心' },
  { email: 'broker.sun@xkx.demo', name: '孙经理', organization: '南京邮电大学技术转移中心' },
];

/** The enterprise whose demo account signs in: its deals stay the hand-written ones. */
const DEMO_ENTERPRISE = '南京栖霞新能源科技有限公司';

const BIG_INSTITUTIONS: Record<string, number> = { 南京大学: 8, 南京邮电大学: 6, 南京师范大学: 4, 南京中医药大学: 3, 南京财经大学: 2, 南京玻璃纤维研究设计院: 3 };

/** How many deals of the year end in each stage (102 in all; 78 with a signed contract, 72 of them registered). */
const PLAN: ReadonlyArray<[DealStage, number]> = [
  ['LEAD', 3], ['TRIAGE', 3], ['INTRODUCED', 3], ['INTERESTED', 2], ['NDA_SIGNED', 2], ['NEGOTIATING', 3], ['TERMS_AGREED', 2], ['PUBLIC_NOTICE', 3],
  ['CONTRACT_SIGNED', 6], ['REGISTERED', 24], ['PAID', 28], ['CLOSED', 20], ['LOST', 3],
];

const BEFORE_TERMS: readonly DealStage[] = ['LEAD', 'TRIAGE', 'INTRODUCED', 'INTERESTED', 'NDA_SIGNED', 'NEGOTIATING', 'TERMS_AGREED'];
const SIGNED: readonly DealStage[] = ['CONTRACT_SIGNED', 'REGISTERED', 'PAID', 'CLOSED'];

/** Project topics by sub-field, for contracts that come from an enterprise's problem rather than a listed result. */
const TOPICS: ReadonlyArray<[string, string]> = [
  ['NE.PV', '钙钛矿叠层组件封装可靠性'], ['NE.BAT', '储能电站电池簇均衡管理'], ['NE.H2', '碱性电解槽低铂催化电极'], ['NE.GRID', '园区综合能源调度平台'],
  ['BIO.DRUG', '小分子抗肿瘤候选药物工艺优化'], ['BIO.TCM', '经典名方颗粒剂质量标准'], ['BIO.DEVICE', '可穿戴心电监测贴片'], ['BIO.IVD', '呼吸道病原多重核酸检测试剂'],
  ['AI.CV', '工业视觉缺陷检测模型'], ['AI.NLP', '政务热线工单智能分派'], ['IME.ROBOT', '仓储搬运机器人调度算法'],
  ['IME.CNC', '五轴数控机床热误差补偿'], ['NM.COAT', '激光熔覆再制造工艺'], ['ICV.SENSE', '低速园区自动驾驶感知融合'], ['ICV.V2X', '车路协同路侧单元数据平台'],
  ['EIC.IC', '电源管理芯片低功耗设计'], ['EIC.IOT', '微机电气体传感器封装'], ['EIC.COMM', '5G 小基站射频前端'],
  ['NM.FIBER', '高性能玻璃纤维浸润剂'], ['NM.POLY', '可降解聚酯改性'], ['NM.POLY', '光学功能薄膜涂布'],
  ['PC.CAT', '炼化装置催化剂再生'], ['PC.FINE', '电子级湿化学品提纯'], ['EP.WATER', '化工园区高盐废水零排放'], ['EP.AIR', 'VOCs 低温催化氧化'], ['EP.SOLID', '工业固废资源化利用'],
];

/** Contract types and how often they occur (development and service contracts outnumber transfers, as in the district). */
const TYPES: ReadonlyArray<[string, number]> = [
  ['DEVELOPMENT.COMMISSIONED', 22], ['DEVELOPMENT.COOPERATIVE', 12], ['SERVICE.GENERAL', 16], ['SERVICE.TRAINING', 3], ['CONSULTING', 9],
  ['TRANSFER.PATENT', 12], ['TRANSFER.TECHNICAL_SECRET', 4], ['TRANSFER.SOFTWARE_COPYRIGHT', 3], ['LICENSE.PATENT', 14], ['LICENSE.TECHNICAL_SECRET', 5],
];

const SUFFIX: Record<string, string> = {
  'DEVELOPMENT.COMMISSIONED': '委托开发', 'DEVELOPMENT.COOPERATIVE': '合作开发', 'SERVICE.GENERAL': '技术服务', 'SERVICE.TRAINING': '技术培训', CONSULTING: '技术咨询',
};

const NEXT_ACTIONS: Partial<Record<DealStage, string>> = {
  LEAD: '联系企业技术负责人，了解需求背景', TRIAGE: '补充技术指标与预算，完成需求诊断', INTRODUCED: '跟进课题组对接意向', INTERESTED: '发送保密协议，约双方签署',
  NDA_SIGNED: '安排企业到实验室现场考察', NEGOTIATING: '整理双方报价差异，准备下一轮谈判', TERMS_AGREED: '提交单位成果转化审议', PUBLIC_NOTICE: '公示期满后安排合同签署',
  CONTRACT_SIGNED: '准备认定登记材料', REGISTERED: '跟进首期款到账', PAID: '跟进后续款项与验收',
};

const LEGAL_PERSON: Record<OrganizationKind, LegalPersonType> = { UNIVERSITY: 'UNIVERSITY', INSTITUTE: 'RESEARCH_INSTITUTE', ENTERPRISE: 'ENTERPRISE', AGENCY: 'OTHER_ORGANIZATION' };

/** mulberry32: a small deterministic generator, so every demo database holds the same year. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface PlannedDeal {
  stage: DealStage;
  lostFrom: DealStage | null;
  typeCode: string | null;
  result: ResultEntity | null;
  topic: [string, string];
  institution: OrganizationEntity;
  enterprise: OrganizationEntity;
  broker: UserEntity;
  pricing: PricingMethod;
  /** Day (from 1 January) on which each stage of the path was reached, in path order. */
  path: Array<{ stage: DealStage; day: number }>;
  notice: { startsOn: number } | null;
  contract: {
    amountFen: number;
    nonTechnicalFen: number;
    signedDay: number;
    registration: RegistrationStatus;
    submittedDay: number | null;
    decidedDay: number | null;
    payments: Array<{ day: number; amountFen: number }>;
  } | null;
  priceFen: number | null;
}

export async function seedDemoYear(manager: EntityManager, passwordHash: string, now = new Date()): Promise<{ deals: number; contracts: number }> {
  const random = generator(20_260_123);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: ReadonlyArray<[T, number]>): T => {
    let r = random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };

  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const jan1 = `${year}-01-01`;
  /** Days from 1 January to today: every date of the year's activity lies in [0, last]. */
  const last = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  const date = (day: number) => addCalendarDays(jan1, Math.min(Math.max(day, -365), last));

  // Sorted by credit code (fixed), not by uuid (new on every run), so the draws fall the same way each time.
  const organizations = (await manager.find(OrganizationEntity)).sort((a, b) => (a.creditCode ?? a.nameZh).localeCompare(b.creditCode ?? b.nameZh));
  const agencies = new Map(organizations.filter((o) => o.kind === 'AGENCY').map((o) => [o.nameZh, o]));
  const brokers = await manager.save(
    DEMO_MARKET_BROKERS.map((b) =>
      manager.create(UserEntity, { email: b.email, name: b.name, mobile: null, role: 'BROKER', status: 'ACTIVE', passwordHash, organizationId: agencies.get(b.organization)?.id ?? null, lastLoginAt: null, verifiedAt: now, verifiedById: null }),
    ),
  );
  const institutions = organizations.filter((o) => o.kind === 'UNIVERSITY' || o.kind === 'INSTITUTE');
  // The big universities carry most of the year, as they do in the district.
  const institutionWeights = institutions.map((o) => [o, BIG_INSTITUTIONS[o.nameZh] ?? 1] as [OrganizationEntity, number]);
  const enterprises = organizations.filter((o) => o.kind === 'ENTERPRISE' && o.nameZh !== DEMO_ENTERPRISE);
  const results = await manager.find(ResultEntity, { where: { status: 'PUBLISHED', organizationId: In(institutions.map((o) => o.id)) }, order: { code: 'ASC' } });
  const taken = new Set((await manager.find(DealEntity, { select: { resultId: true } })).map((d) => d.resultId));
  // Results without a deal yet, and not the demo researchers' own: their pages stay as the demo accounts know them.
  const freeResults = results.filter((r) => !r.ownerId && !taken.has(r.id));
  const resultPool = freeResults.length > 0 ? freeResults : results;
  const orgById = new Map(organizations.map((o) => [o.id, o]));

  const amount = (typeCode: string): number => {
    // Log-uniform from ¥200,000 to ¥12 million, one in fifteen a large one (¥20–60 million); whole hundreds of yuan.
    const yuan = random() < 1 / 15 ? 20_000_000 + random() * 40_000_000 : Math.exp(Math.log(200_000) + random() * Math.log(60));
    const scale = typeCode.startsWith('SERVICE') || typeCode === 'CONSULTING' ? 0.5 : 1;
    return Math.max(1, Math.round((yuan * scale) / 100)) * 10_000;
  };

  const planned: PlannedDeal[] = [];
  for (const [stage, count] of PLAN) {
    for (let n = 0; n < count; n++) {
      const signed = SIGNED.includes(stage);
      const typeCode = signed || stage === 'PUBLIC_NOTICE' || stage === 'TERMS_AGREED' ? weighted(TYPES) : null;
      // Transfers and licences (and every deal on notice) are of a listed result; the rest answer an enterprise's problem.
      const fromResult = stage === 'PUBLIC_NOTICE' || (typeCode !== null && (typeCode.startsWith('TRANSFER') || typeCode.startsWith('LICENSE'))) || (!signed && random() < 0.5);
      const result = fromResult && resultPool.length > 0 ? (resultPool[planned.length % resultPool.length] ?? null) : null;
      const institution = (result && orgById.get(result.organizationId)) || weighted(institutionWeights);
      const enterprise = pick(enterprises);
      const broker = brokers[planned.length % brokers.length]!;
      const topic = pick(TOPICS);
      const deal: PlannedDeal = { stage, lostFrom: null, typeCode, result, topic, institution, enterprise, broker, pricing: 'AGREEMENT', path: [], notice: null, contract: null, priceFen: null };

      if (signed) {
        // Signed across the year: closed deals early, contracts still waiting for registration lately.
        const [from, to] = stage === 'CLOSED' ? [0, 0.75] : stage === 'PAID' ? [0.05, 0.92] : stage === 'REGISTERED' ? [0.2, 0.98] : [0.85, 1];
        // Stratified (the n-th of `count` in its own slice of the span), so every month gets its share.
        const s = Math.floor((from + ((n + random()) / count) * (to - from)) * Math.max(0, last - 1));
        const contractFen = amount(typeCode!);
        const nonTechnicalFen = typeCode!.startsWith('DEVELOPMENT') ? Math.floor((contractFen * between(0, 15)) / 100 / 10_000) * 10_000 : 0;
        deal.priceFen = contractFen;
        // A notice needs 15 days before the signing; contracts signed in the first weeks were listed (挂牌) instead.
        const noticeDue = !!result && s >= 30;
        if (result && !noticeDue) deal.pricing = 'LISTING';
        const noticeStart = noticeDue ? s - 15 - between(1, 6) : null;
        const termsDay = noticeStart !== null ? noticeStart - between(0, 2) : s - between(2, 10);
        deal.notice = noticeStart !== null ? { startsOn: noticeStart } : null;
        const before = backwards(BEFORE_TERMS, termsDay, between, s);
        const after: Array<{ stage: DealStage; day: number }> = [];
        if (noticeStart !== null) after.push({ stage: 'PUBLIC_NOTICE', day: noticeStart });
        after.push({ stage: 'CONTRACT_SIGNED', day: s });

        const submittedDay = Math.min(s + between(2, 6), last);
        const decidedDay = Math.min(submittedDay + between(5, 20), last);
        const registration: RegistrationStatus = stage !== 'CONTRACT_SIGNED' ? 'REGISTERED' : (['NOT_SUBMITTED', 'NOT_SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'REFUSED'] as const)[n % 6]!;
        const first = Math.floor(contractFen * 0.3);
        const second = Math.floor(contractFen * 0.4);
        const payments: Array<{ day: number; amountFen: number }> = [];
        const firstDay = Math.min(decidedDay + between(3, 30), last);
        if (stage === 'REGISTERED' && random() < 0.35) payments.push({ day: firstDay, amountFen: first });
        if (stage === 'PAID' || stage === 'CLOSED') {
          payments.push({ day: firstDay, amountFen: first });
          const secondDay = Math.min(firstDay + between(30, 90), last);
          if (stage === 'CLOSED' || random() < 0.5) payments.push({ day: secondDay, amountFen: second });
          if (stage === 'CLOSED') payments.push({ day: Math.min(secondDay + between(20, 60), last), amountFen: contractFen - first - second });
        }
        if (registration === 'REGISTERED') after.push({ stage: 'REGISTERED', day: decidedDay });
        if (stage === 'PAID' || stage === 'CLOSED') after.push({ stage: 'PAID', day: payments[0]!.day });
        if (stage === 'CLOSED') after.push({ stage: 'CLOSED', day: Math.min(payments[payments.length - 1]!.day + between(1, 10), last) });
        deal.path = [...before, ...after];
        deal.contract = {
          amountFen: contractFen,
          nonTechnicalFen,
          signedDay: s,
          registration,
          submittedDay: registration === 'NOT_SUBMITTED' ? null : submittedDay,
          decidedDay: registration === 'REGISTERED' || registration === 'REFUSED' ? decidedDay : null,
          payments,
        };
      } else if (stage === 'PUBLIC_NOTICE') {
        // On notice now: started 6 to 12 days ago, so it is still running today, and before the hand-written
        // demo deal's notice (5 days ago), which stays the newest, the one the demo and its tests open first.
        const noticeStart = Math.max(0, last - between(6, 12));
        deal.notice = { startsOn: noticeStart };
        deal.priceFen = amount(typeCode!);
        deal.path = [...backwards(BEFORE_TERMS, noticeStart - between(0, 2), between, last), { stage: 'PUBLIC_NOTICE', day: noticeStart }];
      } else {
        const lostFrom = stage === 'LOST' ? pick(['TRIAGE', 'INTRODUCED', 'NEGOTIATING'] as const) : null;
        const upTo = BEFORE_TERMS.slice(0, BEFORE_TERMS.indexOf(lostFrom ?? stage) + 1);
        const start = Math.max(0, last - between(5, 75));
        let day = start;
        deal.path = upTo.map((s, i) => ({ stage: s, day: i === 0 ? day : (day = Math.min(day + between(2, 9), last)) }));
        if (lostFrom) {
          deal.lostFrom = lostFrom;
          deal.path.push({ stage: 'LOST', day: Math.min(day + between(3, 15), last) });
        }
        if (stage === 'TERMS_AGREED') deal.priceFen = amount(typeCode ?? 'LICENSE.PATENT');
      }
      planned.push(deal);
    }
  }

  // Timestamps: 09:00 Shanghai of the stage's day plus an hour a step (so same-day steps keep their order), never in the future.
  const at = (day: number, step: number) => new Date(Math.min(Date.parse(`${date(day)}T${String(9 + (step % 12)).padStart(2, '0')}:00:00+08:00`), now.getTime() - 60_000 * (20 - step)));
  const codes = async (sequence: string, prefix: string, count: number) =>
    ((await manager.query(`SELECT nextval('${sequence}')::text AS n FROM generate_series(1, $1)`, [count])) as Array<{ n: string }>).map((r) => `${prefix}${now.getUTCFullYear()}-${r.n.padStart(6, '0')}`);

  const dealCodes = await codes('deal_code_seq', 'D', planned.length);
  const title = (d: PlannedDeal) => d.result?.title ?? `${d.topic[1]}${SUFFIX[d.typeCode ?? ''] ?? '技术合作'}`;
  const inserted = await manager.insert(
    DealEntity,
    planned.map((d, i) => ({
      code: dealCodes[i]!,
      title: `${title(d)} × ${d.enterprise.shortName ?? d.enterprise.nameZh}`.slice(0, 200),
      stage: d.stage,
      stageChangedAt: at(d.path[d.path.length - 1]!.day, d.path.length - 1),
      institutionOrgId: d.institution.id,
      enterpriseOrgId: d.enterprise.id,
      resultId: d.result?.id ?? null,
      needId: null,
      introductionId: null,
      origin: d.result ? (i % 2 === 0 ? 'MATCH' : 'BROKER') : 'BROKER',
      matchScore: d.result && i % 2 === 0 ? 0.55 + (i % 8) * 0.05 : null,
      fieldCodes: d.result ? d.result.fieldCodes : [d.topic[0]],
      pricingMethod: d.pricing,
      agreedPriceFen: d.priceFen,
      nextAction: d.stage === 'CLOSED' || d.stage === 'LOST' ? null : (NEXT_ACTIONS[d.stage] ?? null),
      // On schedule, and after the hand-written deals' dates: those are the ones the demo (and its tests) open first on the board.
      nextActionDue: d.stage === 'CLOSED' || d.stage === 'LOST' ? null : addCalendarDays(today, d.stage === 'REGISTERED' || d.stage === 'PAID' ? between(46, 90) : between(3, 28)),
      lostReason: d.lostFrom ? pick(['企业预算调整，项目暂缓', '双方对许可期限分歧过大', '企业转向自主研发']) : null,
      lostFromStage: d.lostFrom,
      noticeOverrideReason: null,
      noticeOverrideById: null,
      createdById: d.broker.id,
      createdAt: at(d.path[0]!.day, 0),
      version: d.path.length,
    })),
  );
  const dealIds = inserted.identifiers.map((row) => row['id'] as string);

  await manager.insert(DealParticipantEntity, planned.map((d, i) => ({ dealId: dealIds[i]!, userId: d.broker.id, side: 'BROKER', addedById: d.broker.id, createdAt: at(d.path[0]!.day, 0) })));
  await manager.insert(
    DealEventEntity,
    planned.flatMap((d, i) =>
      d.path.map((p, k) => ({
        dealId: dealIds[i]!, version: k + 1, actorId: d.broker.id, kind: k === 0 ? 'CREATED' : 'STAGE', fromStage: k === 0 ? null : d.path[k - 1]!.stage, toStage: p.stage,
        note: p.stage === 'LOST' ? (d.lostFrom ? '项目终止' : null) : null, createdAt: at(p.day, k),
      })),
    ),
  );
  const noticed = planned.map((d, i) => ({ d, id: dealIds[i]! })).filter(({ d }) => d.notice);
  if (noticed.length > 0) {
    await manager.insert(
      PublicNoticeEntity,
      noticed.map(({ d, id }) => {
        const startsOn = date(d.notice!.startsOn);
        return {
          dealId: id, title: title(d), intendedPriceFen: d.priceFen ?? 0, institutionName: d.institution.nameZh, enterpriseName: d.enterprise.nameZh,
          transferMode: d.typeCode?.startsWith('LICENSE') ? '许可' : '转让', pricingMethod: d.pricing, startsOn, endsOn: publicNoticeEndsOn(startsOn), withdrawnAt: null, createdById: d.broker.id, createdAt: at(d.notice!.startsOn, 0),
        };
      }),
    );
  }

  const withContract = planned.map((d, i) => ({ d, dealId: dealIds[i]! })).filter(({ d }) => d.contract);
  const contractCodes = await codes('tech_contract_code_seq', 'C', withContract.length);
  const contracts = await manager.insert(
    ContractEntity,
    withContract.map(({ d, dealId }, i) => {
      const c = d.contract!;
      const signedOn = date(c.signedDay);
      const serial = 500 + i;
      const technical = c.amountFen - c.nonTechnicalFen;
      const asksInvestment = d.typeCode!.startsWith('TRANSFER') || d.typeCode!.startsWith('LICENSE');
      return {
        code: contractCodes[i]!, dealId, contractNo: `XKX-${year}-${String(serial).padStart(4, '0')}`, typeCode: d.typeCode!, projectName: title(d),
        signedOn, termStart: signedOn, termEnd: addCalendarDays(signedOn, asksInvestment ? 5 * 365 : 2 * 365),
        sellerName: d.institution.nameZh, sellerCreditCode: d.institution.creditCode, sellerAreaCode: d.institution.areaCode, sellerLegalPersonType: LEGAL_PERSON[d.institution.kind], sellerOrganizationId: d.institution.id,
        buyerName: d.enterprise.nameZh, buyerCreditCode: d.enterprise.creditCode, buyerAreaCode: d.enterprise.areaCode, buyerLegalPersonType: LEGAL_PERSON[d.enterprise.kind], buyerOrganizationId: d.enterprise.id,
        contractAmountFen: c.amountFen, nonTechnicalCostFen: c.nonTechnicalFen, technicalAmountFen: technical,
        expectedInvestmentFen: asksInvestment ? c.amountFen * 5 : null, expectedOutputFen: asksInvestment ? c.amountFen * 20 : null,
        registrationStatus: c.registration,
        registrationNumber: c.registration === 'REGISTERED' ? `${year}320113${String(serial).padStart(6, '0')}` : null,
        registeredIncomeFen: c.registration === 'REGISTERED' ? technical : null,
        registrationSubmittedOn: c.submittedDay === null ? null : date(c.submittedDay),
        registrationDecidedOn: c.decidedDay === null ? null : date(c.decidedDay),
        registrationNote: c.registration === 'REFUSED' ? '合同未明确技术成果的验收标准，未予登记' : null,
        registrationExtra: c.registration === 'NOT_SUBMITTED' ? {} : { technicalField: d.institution.kind === 'INSTITUTE' ? '新材料' : '电子信息', technologySource: '自主研发', ...(asksInvestment ? { ipType: '发明专利' } : {}) },
        createdById: d.broker.id,
        createdAt: at(c.signedDay, 8),
      };
    }),
  );
  const contractIds = contracts.identifiers.map((row) => row['id'] as string);
  await manager.insert(
    ContractInstallmentEntity,
    withContract.flatMap(({ d }, i) => {
      const c = d.contract!;
      const signedOn = date(c.signedDay);
      const first = Math.floor(c.amountFen * 0.3);
      const second = Math.floor(c.amountFen * 0.4);
      return [
        { contractId: contractIds[i]!, position: 0, dueOn: addCalendarDays(signedOn, 30), amountFen: first, description: '合同生效后 30 日内支付' },
        { contractId: contractIds[i]!, position: 1, dueOn: addCalendarDays(signedOn, 180), amountFen: second, description: '中期验收后支付' },
        { contractId: contractIds[i]!, position: 2, dueOn: addCalendarDays(signedOn, 365), amountFen: c.amountFen - first - second, description: '最终验收后支付尾款' },
      ];
    }),
  );
  const payments = withContract.flatMap(({ d }, i) =>
    d.contract!.payments.map((p, k) => ({ contractId: contractIds[i]!, receivedOn: date(p.day), amountFen: p.amountFen, evidenceNote: `银行回单 No. ${date(p.day).replace(/-/g, '')}${String((500 + i) * 10 + k).padStart(6, '0')}`, recordedById: d.broker.id })),
  );
  if (payments.length > 0) await manager.insert(ContractPaymentEntity, payments);
  return { deals: planned.length, contracts: withContract.length };
}

/**
 * The stages up to terms agreed, walked back from `termsDay` a few days a step. When the year is too young
 * for the walk (a deal signed in January), the steps shrink so the deal still opens this year.
 */
function backwards(stages: readonly DealStage[], termsDay: number, between: (min: number, max: number) => number, cap: number): Array<{ stage: DealStage; day: number }> {
  const gaps = stages.slice(1).map(() => between(3, 12));
  const total = gaps.reduce((s, g) => s + g, 0);
  const room = Math.max(0, Math.min(termsDay, cap));
  const scale = total > room ? room / total : 1;
  let day = room;
  const days = [day];
  for (let i = gaps.length - 1; i >= 0; i--) days.unshift((day = Math.max(0, day - Math.floor(gaps[i]! * scale))));
  return stages.map((stage, i) => ({ stage, day: days[i]! }));
}
