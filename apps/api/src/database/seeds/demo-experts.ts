import { DealStage, ExpertTitle, PeopleContractType } from '@xkx/contracts';
import { patentCheckDigit } from '@xkx/util';
import { EntityManager } from 'typeorm';
import { nextDealCode } from '../../modules/deals/deal-events';
import { DealEventEntity } from '../../modules/deals/entities/deal-event.entity';
import { DealParticipantEntity } from '../../modules/deals/entities/deal-participant.entity';
import { DealEntity } from '../../modules/deals/entities/deal.entity';
import { IntroductionEntity } from '../../modules/deals/entities/introduction.entity';
import { ExpertEntity } from '../../modules/experts/entities/expert.entity';
import { NeedEntity } from '../../modules/listings/entities/need.entity';
import { LaboratoryEntity } from '../../modules/experts/entities/laboratory.entity';
import { expertSearchParts, laboratorySearchParts } from '../../modules/experts/people-mappers';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { SearchTextService } from '../../modules/search/search-text.service';
import { fieldPaths } from '../../modules/taxonomy/taxonomy.service';
import { UserEntity } from '../../modules/users/user.entity';
import { DEMO_EXPERTS, DEMO_LABORATORIES } from './data/demo-experts';

const HEAD_TITLES: readonly ExpertTitle[] = ['ACADEMICIAN', 'PROFESSOR', 'RESEARCH_FELLOW'];

/** A CNIPA application number with its check digit, different for each (expert, n). */
function patentNumber(i: number, n: number): string {
  const body = `2023${String(10_000_000 + i * 37 + n * 7).slice(0, 8)}`;
  return `CN${body}.${patentCheckDigit(body)}`;
}

/** The demo laboratories and experts, verified by the demo broker, with their search documents. */
export async function seedDemoExperts(manager: EntityManager, text: SearchTextService, brokerId: string): Promise<{ laboratories: number; experts: number }> {
  const orgs = new Map((await manager.find(OrganizationEntity)).map((o) => [o.nameZh, o]));
  const users = new Map((await manager.find(UserEntity)).map((u) => [u.email, u]));
  const org = (name: string): OrganizationEntity => {
    const found = orgs.get(name);
    if (!found) throw new Error(`demo experts: unknown organization ${name}`);
    return found;
  };
  const labs = new Map<string, LaboratoryEntity>();
  for (const [i, demo] of DEMO_LABORATORIES.entries()) {
    const lab = await manager.save(
      manager.create(LaboratoryEntity, {
        organizationId: org(demo.organization).id,
        nameZh: demo.illustrative ? `${demo.nameZh}（示例）` : demo.nameZh,
        nameEn: demo.nameEn,
        kind: demo.kind,
        fieldCodes: demo.fieldCodes,
        fieldPaths: fieldPaths(demo.fieldCodes),
        directions: demo.directions,
        headName: null,
        summary: demo.summary,
        outputs: [{ kind: 'PROJECT', title: `国家重点研发计划项目：${demo.directions.split('；')[0] ?? demo.nameZh}`, ref: `2022YFB${String(3000 + i).padStart(7, '0')}`, year: 2022 }],
      }),
    );
    labs.set(demo.key, lab);
  }
  const now = new Date();
  for (const [i, demo] of DEMO_EXPERTS.entries()) {
    const lab = demo.lab ? labs.get(demo.lab) : undefined;
    if (demo.lab && !lab) throw new Error(`demo expert ${demo.nameZh}: unknown laboratory ${demo.lab}`);
    const user = demo.userEmail ? users.get(demo.userEmail) : undefined;
    const expert = await manager.save(
      manager.create(ExpertEntity, {
        organizationId: org(demo.organization).id,
        laboratoryId: lab?.id ?? null,
        userId: user?.id ?? null,
        nameZh: demo.nameZh,
        nameEn: null,
        title: demo.title,
        fieldCodes: demo.fieldCodes,
        fieldPaths: fieldPaths(demo.fieldCodes),
        directions: demo.directions,
        bio: `长期从事${demo.directions.split('；').join('、')}等方向的研究，主持多项国家级和省部级科研项目，与栖霞区企业有合作基础。`,
        outputs: [
          { kind: 'PAPER', title: `${demo.topic}的关键技术研究进展`, year: 2023 - (i % 3) },
          { kind: 'PATENT', title: `一种${demo.topic}方法及装置`, ref: patentNumber(i, 1), year: 2023 },
          { kind: 'PROJECT', title: `江苏省重点研发计划：${demo.topic}`, ref: `BE2023${String(600 + i).padStart(3, '0')}`, year: 2023 },
        ],
        cooperationModes: demo.modes,
        availability: demo.availability,
        contactEmail: `expert${String(i + 1).padStart(2, '0')}@xkx.demo`,
        contactPhone: `025-8${String(5000000 + i * 131).slice(0, 7)}`,
        verified: true,
        verifiedById: brokerId,
        verifiedAt: now,
      }),
    );
    await text.indexRow(manager, 'expert', expert.id, expertSearchParts(expert));
    // The most senior member heads the laboratory (seniority as HEAD_TITLES orders it).
    if (lab && HEAD_TITLES.includes(demo.title)) {
      const rank = (t: ExpertTitle | null): number => (t ? HEAD_TITLES.indexOf(t) : 99);
      const head = DEMO_EXPERTS.find((d) => d.lab === demo.lab && d.nameZh === lab.headName);
      if (!lab.headName || rank(demo.title) < rank(head?.title ?? null)) lab.headName = demo.nameZh;
    }
  }
  for (const lab of labs.values()) {
    await manager.update(LaboratoryEntity, lab.id, { headName: lab.headName });
    await text.indexRow(manager, 'laboratory', lab.id, laboratorySearchParts(lab));
  }
  return { laboratories: labs.size, experts: DEMO_EXPERTS.length };
}

/**
 * Deals that started from an expert or a laboratory (issue 16): a broker's introductions for an enterprise's
 * need that no demo account owns, so the demo accounts' own lists are unchanged. Early stages, no contract.
 */
const PEOPLE_DEALS: Array<{ need: string; expert?: string; lab?: string; contractType: PeopleContractType; stage: DealStage; message: string }> = [
  { need: '中药配方颗粒特征图谱质量标准提升技术需求', expert: '王淑芬', contractType: 'DEVELOPMENT', stage: 'INTRODUCED', message: '企业希望委托王教授团队建立配方颗粒特征图谱方法，想请您看看是否有意合作开发。' },
  { need: '中药配方颗粒特征图谱质量标准提升技术需求', lab: 'tcm', contractType: 'SERVICE', stage: 'LEAD', message: '企业需要对 12 个品种做特征图谱检测服务，请实验室评估能否承接。' },
];

export async function seedDemoPeopleDeals(manager: EntityManager, brokerId: string): Promise<number> {
  let count = 0;
  for (const spec of PEOPLE_DEALS) {
    const need = await manager.findOneBy(NeedEntity, { title: spec.need });
    const expert = spec.expert ? await manager.findOneBy(ExpertEntity, { nameZh: spec.expert }) : null;
    const labName = DEMO_LABORATORIES.find((l) => l.key === spec.lab);
    const lab = labName ? await manager.findOne(LaboratoryEntity, { where: [{ nameZh: labName.nameZh }, { nameZh: `${labName.nameZh}（示例）` }] }) : null;
    const person = expert ?? lab;
    if (!need || !person) throw new Error(`demo people deal: missing need or ${spec.expert ?? spec.lab}`);
    const stages: DealStage[] = spec.stage === 'INTRODUCED' ? ['LEAD', 'TRIAGE', 'INTRODUCED'] : ['LEAD'];
    const at = (step: number) => new Date(Date.now() - (stages.length - step) * 3 * 86_400_000);
    const deal = await manager.save(
      manager.create(DealEntity, {
        code: await nextDealCode(manager, 'deal_code_seq', 'D'),
        title: `「${person.nameZh}」对接：${need.title}`.slice(0, 200),
        stage: spec.stage,
        stageChangedAt: at(stages.length - 1),
        institutionOrgId: person.organizationId,
        enterpriseOrgId: need.organizationId,
        resultId: null,
        needId: need.id,
        introductionId: null,
        origin: 'MATCH',
        matchScore: 0.71,
        fieldCodes: [...new Set([...need.fieldCodes, ...person.fieldCodes])],
        pricingMethod: null,
        agreedPriceFen: null,
        nextAction: '等待专家或实验室答复对接意向',
        nextActionDue: null,
        lostReason: null,
        lostFromStage: null,
        noticeOverrideReason: null,
        noticeOverrideById: null,
        createdById: brokerId,
        expertId: expert?.id ?? null,
        laboratoryId: expert ? null : (lab?.id ?? null),
        contractType: spec.contractType,
      }),
    );
    const people = [{ userId: brokerId, side: 'BROKER' as const }, ...(expert?.userId ? [{ userId: expert.userId, side: 'INSTITUTION' as const }] : [])];
    await manager.insert(DealParticipantEntity, people.map((p) => ({ dealId: deal.id, userId: p.userId, side: p.side, addedById: brokerId })));
    const intro = await manager.save(
      manager.create(IntroductionEntity, {
        origin: 'MATCH', status: 'PENDING', requesterId: brokerId, targetKind: expert ? 'EXPERT' : 'LABORATORY', resultId: null, needId: need.id,
        expertId: expert?.id ?? null, laboratoryId: expert ? null : (lab?.id ?? null), contractType: spec.contractType,
        message: spec.message, matchScore: 0.71, declineReason: null, answerNote: null, answeredById: null, answeredAt: null, dealId: deal.id,
      }),
    );
    const events: Array<Partial<DealEventEntity>> = [{ dealId: deal.id, version: 1, actorId: brokerId, kind: 'CREATED', toStage: 'LEAD', note: null, createdAt: at(0) }];
    stages.slice(1).forEach((to, i) => events.push({ dealId: deal.id, version: i + 2, actorId: brokerId, kind: 'STAGE', fromStage: stages[i] ?? null, toStage: to, note: null, createdAt: at(i + 1) }));
    await manager.insert(DealEventEntity, events);
    await manager.update(DealEntity, deal.id, { introductionId: intro.id, version: events.length });
    count++;
  }
  return count;
}
