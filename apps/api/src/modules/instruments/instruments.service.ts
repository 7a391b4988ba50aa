import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, DealSide, ErrorCode, formatFen, INSTRUMENT_PRICE_UNIT_LABELS, InstrumentRequestStatus, IntroductionOrigin, NotificationKind, Permission, PeopleContractType, Role } from '@xkx/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { DealsService } from '@xkx/api/modules/deals/deals.service';
import { findPersonFacts, personNames } from '@xkx/api/modules/experts/expert-reader';
import { findOrganizationFacts, findOrganizationsFacts } from '@xkx/api/modules/organizations/organization-reader';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { activeMemberIds, userNames } from '@xkx/api/modules/users/user-reader';
import {
  AnswerInstrumentRequestDto, CreateInstrumentDto, CreateInstrumentRequestDto, InstrumentDto, InstrumentListDto, InstrumentRequestDto, InstrumentRequestListDto, ListInstrumentRequestsQueryDto, ListInstrumentsQueryDto, UpdateInstrumentDto,
} from './dto/instrument.dto';
import { InstrumentRequestEntity } from './entities/instrument-request.entity';
import { SharedInstrumentEntity } from './entities/shared-instrument.entity';

const AUDITED = ['nameZh', 'model', 'capability', 'location', 'bookingTerms', 'priceFen', 'priceUnit', 'active'] as const;

/** Brokers (and admins) manage every laboratory's instruments; a researcher those of his own organization. */
function mayManage(user: AuthUser, labOrganizationId: string): boolean {
  if (user.permissions.includes(Permission.LABORATORY_MANAGE)) return true;
  return user.permissions.includes(Permission.INSTRUMENT_MANAGE) && !!user.organizationId && user.organizationId === labOrganizationId;
}

/** 大型科研仪器共享: the instruments, requests to use them, the answer and fee, and the 技术服务 deal a paid one opens. */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(q: ListInstrumentsQueryDto): Promise<InstrumentListDto> {
    const qb = this.dataSource.manager.createQueryBuilder(SharedInstrumentEntity, 'i').where('i.active');
    if (q.laboratoryId) qb.andWhere('i.laboratory_id = :lab', { lab: q.laboratoryId });
    if (q.q) qb.andWhere(`(i.name_zh ILIKE :q ESCAPE '\\' OR i.model ILIKE :q ESCAPE '\\' OR i.capability ILIKE :q ESCAPE '\\')`, { q: `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    const [rows, total] = await qb.orderBy('i.name_zh').addOrderBy('i.id').skip(q.offset).take(q.limit).getManyAndCount();
    return { items: await this.toDtos(this.dataSource.manager, rows), total };
  }

  async get(id: string): Promise<InstrumentDto> {
    const row = await this.dataSource.manager.findOneBy(SharedInstrumentEntity, { id });
    if (!row) throw DomainException.notFound(ErrorCode.INSTRUMENT_NOT_FOUND);
    const [dto] = await this.toDtos(this.dataSource.manager, [row]);
    return dto!;
  }

  async create(dto: CreateInstrumentDto, user: AuthUser): Promise<InstrumentDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const lab = await findPersonFacts(manager, 'LABORATORY', dto.laboratoryId);
      if (!lab) throw DomainException.validation([{ field: 'laboratoryId', constraint: 'unknownLaboratory', args: [] }]);
      if (!mayManage(user, lab.organizationId)) throw new DomainException(ErrorCode.INSTRUMENT_NOT_YOURS, HttpStatus.FORBIDDEN);
      const values = { laboratoryId: lab.id, nameZh: dto.nameZh, model: dto.model, capability: dto.capability, location: dto.location, bookingTerms: dto.bookingTerms, priceFen: dto.priceFen, priceUnit: dto.priceUnit, active: true };
      const row = await manager.save(manager.create(SharedInstrumentEntity, values));
      await recordAudit(manager, { action: AuditAction.INSTRUMENT_CREATED, actorId: user.id, subjectType: 'shared_instrument', subjectId: row.id, subjectLabel: `${lab.nameZh} ${row.nameZh}`, changes: auditDiff<Partial<typeof values>>({}, values, AUDITED) });
      return row.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateInstrumentDto, user: AuthUser): Promise<InstrumentDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.createQueryBuilder(SharedInstrumentEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
      if (!row) throw DomainException.notFound(ErrorCode.INSTRUMENT_NOT_FOUND);
      const lab = await findPersonFacts(manager, 'LABORATORY', row.laboratoryId);
      if (!lab || !mayManage(user, lab.organizationId)) throw new DomainException(ErrorCode.INSTRUMENT_NOT_YOURS, HttpStatus.FORBIDDEN);
      if (row.version !== dto.version) throw DomainException.versionConflict(row.version);
      const { version: _v, laboratoryId: _lab, ...changes } = dto;
      const diff = auditDiff(row, changes, AUDITED);
      Object.assign(row, changes);
      await manager.save(row);
      await recordAudit(manager, { action: AuditAction.INSTRUMENT_UPDATED, actorId: user.id, subjectType: 'shared_instrument', subjectId: id, subjectLabel: `${lab.nameZh} ${row.nameZh}`, changes: diff });
    });
    return this.get(id);
  }

  /** An enterprise's account asks for use on behalf of its organization. */
  async request(instrumentId: string, dto: CreateInstrumentRequestDto, user: AuthUser): Promise<InstrumentRequestDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const instrument = await manager.findOneBy(SharedInstrumentEntity, { id: instrumentId, active: true });
      if (!instrument) throw DomainException.notFound(ErrorCode.INSTRUMENT_NOT_FOUND);
      const org = user.organizationId ? await findOrganizationFacts(manager, user.organizationId) : null;
      if (!org || org.kind !== 'ENTERPRISE') throw new DomainException(ErrorCode.INSTRUMENT_REQUESTER_NOT_ENTERPRISE, HttpStatus.FORBIDDEN);
      const row = await manager.save(manager.create(InstrumentRequestEntity, {
        instrumentId, organizationId: org.id, requestedById: user.id, purpose: dto.purpose, quantity: dto.quantity, preferredOn: dto.preferredOn ?? null,
        status: InstrumentRequestStatus.REQUESTED, feeFen: null, answerNote: null, answeredById: null, answeredAt: null, dealId: null,
      }));
      await recordAudit(manager, {
        action: AuditAction.INSTRUMENT_REQUESTED, actorId: user.id, subjectType: 'instrument_request', subjectId: row.id, subjectLabel: `${org.nameZh} → ${instrument.nameZh}`,
        changes: { quantity: { from: null, to: dto.quantity }, requestStatus: { from: null, to: InstrumentRequestStatus.REQUESTED } },
      });
      // The laboratory's organization answers: its members hear of it (brokers see every request in their list).
      const lab = await findPersonFacts(manager, 'LABORATORY', instrument.laboratoryId);
      if (lab) {
        await this.notifications.notify(manager, (await activeMemberIds(manager, lab.organizationId)).filter((id) => id !== user.id), {
          kind: NotificationKind.INSTRUMENT_REQUESTED,
          titleZh: `仪器使用申请：${instrument.nameZh}`,
          titleEn: `Request to use an instrument: ${instrument.nameZh}`,
          body: `${org.nameZh}（${user.name}）申请使用「${instrument.nameZh}」（${lab.nameZh}），数量 ${dto.quantity}：${dto.purpose}`,
          link: `/laboratories/${lab.id}`,
        });
      }
      return row.id;
    });
    return this.getRequest(id, user);
  }

  /**
   * The laboratory answers once. Accepting records the fee; a paid use (fee > 0) opens a deal carrying the
   * 技术服务 contract type between the laboratory's organization and the enterprise, with the requester and
   * the answerer in it, so the contract, registration and payment follow the ledger's usual chain.
   */
  async answer(requestId: string, dto: AnswerInstrumentRequestDto, user: AuthUser): Promise<InstrumentRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const req = await manager.createQueryBuilder(InstrumentRequestEntity, 'r').setLock('pessimistic_write').where('r.id = :id', { id: requestId }).getOne();
      if (!req) throw DomainException.notFound(ErrorCode.INSTRUMENT_REQUEST_NOT_FOUND);
      const instrument = await manager.findOneByOrFail(SharedInstrumentEntity, { id: req.instrumentId });
      const lab = await findPersonFacts(manager, 'LABORATORY', instrument.laboratoryId);
      if (!lab || !mayManage(user, lab.organizationId)) throw DomainException.notFound(ErrorCode.INSTRUMENT_REQUEST_NOT_FOUND);
      if (req.status !== InstrumentRequestStatus.REQUESTED) throw new DomainException(ErrorCode.INSTRUMENT_REQUEST_ANSWERED, HttpStatus.CONFLICT);
      const status = dto.accept ? InstrumentRequestStatus.ACCEPTED : InstrumentRequestStatus.DECLINED;
      const feeFen = dto.accept ? (dto.feeFen ?? 0) : null;
      let dealId: string | null = null;
      if (dto.accept && feeFen !== null && feeFen > 0) {
        const org = await findOrganizationFacts(manager, req.organizationId);
        const unit = INSTRUMENT_PRICE_UNIT_LABELS[instrument.priceUnit]['zh-CN'];
        dealId = await this.deals.open(manager, {
          title: `仪器共享：${instrument.nameZh}（${lab.nameZh}）× ${org?.nameZh ?? ''}`,
          institutionOrgId: lab.organizationId,
          enterpriseOrgId: req.organizationId,
          resultId: null,
          needId: null,
          introductionId: null,
          origin: IntroductionOrigin.SELF_REQUEST,
          matchScore: null,
          pricingMethod: null,
          nextAction: `签订技术服务合同（收费 ${formatFen(feeFen)}，${req.quantity} 个计价单位，${unit} ${formatFen(instrument.priceFen)}）`,
          nextActionDue: null,
          participants: [
            { userId: user.id, side: user.role === Role.RESEARCHER ? DealSide.INSTITUTION : DealSide.BROKER },
            ...(req.requestedById ? [{ userId: req.requestedById, side: DealSide.ENTERPRISE }] : []),
          ],
          laboratoryId: lab.id,
          contractType: PeopleContractType.SERVICE,
          extraFieldCodes: lab.fieldCodes,
          agreedPriceFen: feeFen,
        }, user.id);
      }
      const before: { requestStatus: InstrumentRequestStatus; feeFen: number | null } = { requestStatus: req.status, feeFen: req.feeFen };
      Object.assign(req, { status, feeFen, answerNote: dto.note || null, answeredById: user.id, answeredAt: new Date(), dealId });
      await manager.save(req);
      await recordAudit(manager, {
        action: AuditAction.INSTRUMENT_REQUEST_ANSWERED, actorId: user.id, subjectType: 'instrument_request', subjectId: req.id, subjectLabel: `${lab.nameZh} ${instrument.nameZh}`,
        changes: auditDiff(before, { requestStatus: status, feeFen }, ['requestStatus', 'feeFen']), details: { note: dto.note ?? null, dealId },
      });
      if (req.requestedById && req.requestedById !== user.id) {
        const answer = dto.accept ? `同意，费用 ${formatFen(feeFen ?? 0)}` : '婉拒';
        await this.notifications.notify(manager, [req.requestedById], {
          kind: NotificationKind.INSTRUMENT_ANSWERED,
          titleZh: `仪器使用申请已答复：${instrument.nameZh}`,
          titleEn: `Instrument request answered: ${instrument.nameZh}`,
          body: `${lab.nameZh}：${answer}${dto.note ? `。${dto.note}` : ''}`,
          dealId,
          link: dealId ? null : '/instruments',
        });
      }
    });
    return this.getRequest(requestId, user);
  }

  /** Enterprises see their organization's requests; researchers those to their organization's laboratories; brokers all. */
  async listRequests(q: ListInstrumentRequestsQueryDto, user: AuthUser): Promise<InstrumentRequestListDto> {
    const qb = this.dataSource.manager.createQueryBuilder(InstrumentRequestEntity, 'r');
    if (!user.permissions.includes(Permission.LABORATORY_MANAGE)) {
      if (!user.organizationId) return { items: [], total: 0 };
      qb.where(
        `(r.organization_id = :org OR EXISTS (SELECT 1 FROM shared_instrument si JOIN laboratory l ON l.id = si.laboratory_id WHERE si.id = r.instrument_id AND l.organization_id = :org))`,
        { org: user.organizationId },
      );
    }
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.laboratoryId) qb.andWhere('EXISTS (SELECT 1 FROM shared_instrument sl WHERE sl.id = r.instrument_id AND sl.laboratory_id = :lab)', { lab: q.laboratoryId });
    const [rows, total] = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').skip(q.offset).take(q.limit).getManyAndCount();
    return { items: await this.toRequestDtos(this.dataSource.manager, rows, user), total };
  }

  async getRequest(id: string, user: AuthUser): Promise<InstrumentRequestDto> {
    const { items } = await this.listRequestsByIds([id], user);
    if (!items[0]) throw DomainException.notFound(ErrorCode.INSTRUMENT_REQUEST_NOT_FOUND);
    return items[0];
  }

  private async listRequestsByIds(ids: string[], user: AuthUser): Promise<{ items: InstrumentRequestDto[] }> {
    const rows = await this.dataSource.manager.find(InstrumentRequestEntity, { where: { id: In(ids) } });
    const labOrgs = new Map((await this.toDtos(this.dataSource.manager, await this.dataSource.manager.find(SharedInstrumentEntity, { where: { id: In(rows.map((r) => r.instrumentId)) } }))).map((i) => [i.id, i.organizationId]));
    const visible = (r: InstrumentRequestEntity) =>
      user.permissions.includes(Permission.LABORATORY_MANAGE) || (!!user.organizationId && (r.organizationId === user.organizationId || labOrgs.get(r.instrumentId) === user.organizationId));
    return { items: await this.toRequestDtos(this.dataSource.manager, rows.filter(visible), user) };
  }

  private async toDtos(manager: EntityManager, rows: SharedInstrumentEntity[]): Promise<InstrumentDto[]> {
    const labIds = [...new Set(rows.map((r) => r.laboratoryId))];
    const names = await personNames(manager, [], labIds);
    const orgs = new Map<string, string>();
    for (const labId of labIds) {
      const lab = await findPersonFacts(manager, 'LABORATORY', labId);
      if (lab) orgs.set(labId, lab.organizationId);
    }
    return rows.map((r) => Object.assign(new InstrumentDto(), {
      id: r.id, laboratoryId: r.laboratoryId, laboratoryName: names.get(r.laboratoryId) ?? '', organizationId: orgs.get(r.laboratoryId) ?? '',
      nameZh: r.nameZh, model: r.model, capability: r.capability, location: r.location, bookingTerms: r.bookingTerms, priceFen: r.priceFen, priceUnit: r.priceUnit,
      active: r.active, version: r.version,
    }));
  }

  private async toRequestDtos(manager: EntityManager, rows: InstrumentRequestEntity[], user: AuthUser): Promise<InstrumentRequestDto[]> {
    const instruments = rows.length ? await manager.find(SharedInstrumentEntity, { where: { id: In([...new Set(rows.map((r) => r.instrumentId))]) } }) : [];
    const instrumentDtos = new Map((await this.toDtos(manager, instruments)).map((i) => [i.id, i]));
    const orgs = new Map((await findOrganizationsFacts(manager, [...new Set(rows.map((r) => r.organizationId))])).map((o) => [o.id, o.nameZh]));
    const users = new Map((await userNames(manager, rows.map((r) => r.requestedById).filter((x): x is string => !!x))).map((u) => [u.id, u.name]));
    const dealIds = rows.map((r) => r.dealId).filter((x): x is string => !!x);
    const codes = new Map(
      dealIds.length ? (await manager.query<Array<{ id: string; code: string }>>(`SELECT id, code FROM deal WHERE id = ANY($1::uuid[])`, [dealIds])).map((d) => [d.id, d.code]) : [],
    );
    return rows.map((r) => {
      const i = instrumentDtos.get(r.instrumentId);
      return Object.assign(new InstrumentRequestDto(), {
        id: r.id, instrumentId: r.instrumentId, instrumentName: i?.nameZh ?? '', laboratoryId: i?.laboratoryId ?? '', laboratoryName: i?.laboratoryName ?? '', organizationId: r.organizationId,
        organizationName: orgs.get(r.organizationId) ?? '', requestedBy: r.requestedById ? (users.get(r.requestedById) ?? null) : null, purpose: r.purpose,
        quantity: r.quantity, preferredOn: r.preferredOn, status: r.status, feeFen: r.feeFen, answerNote: r.answerNote, answeredAt: r.answeredAt?.toISOString() ?? null,
        dealId: r.dealId, dealCode: r.dealId ? (codes.get(r.dealId) ?? null) : null, createdAt: r.createdAt.toISOString(),
        canAnswer: r.status === InstrumentRequestStatus.REQUESTED && !!i && mayManage(user, i.organizationId),
      });
    });
  }
}
