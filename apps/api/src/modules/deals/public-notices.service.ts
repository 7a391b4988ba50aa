import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, PricingMethod, TRANSFER_MODE_LABELS } from '@xkx/contracts';
import { publicNoticeEnded, publicNoticeEndsOn, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager, IsNull, MoreThanOrEqual } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { findResultTransfer } from '@xkx/api/modules/listings/listing-reader';
import { getOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { userNames } from '@xkx/api/modules/users/user-reader';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';
import { DealAccessService } from './deal-access.service';
import { PublicNoticeDto } from './dto/deal-response.dto';
import { CreateObjectionDto, ListPublicNoticesQueryDto, ObjectionDto, ObjectionReceiptDto, PublicNoticeListDto } from './dto/public-notice.dto';
import { DealEntity } from './entities/deal.entity';
import { PublicNoticeEntity, PublicNoticeObjectionEntity } from './entities/public-notice.entity';

/**
 * 公示 (促进科技成果转化法 art. 18): opened when a deal enters PUBLIC_NOTICE, with the result's title,
 * the intended (agreed) price and both parties, for 15 calendar days in Asia/Shanghai starting today;
 * withdrawn when the deal goes back to negotiation or is lost.
 */
@Injectable()
export class PublicNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
  ) {}

  async open(manager: EntityManager, deal: DealEntity, user: AuthUser, now = new Date()): Promise<PublicNoticeEntity> {
    const [institution, enterprise] = await Promise.all([
      getOrganizationFacts(manager, deal.institutionOrgId),
      getOrganizationFacts(manager, deal.enterpriseOrgId),
    ]);
    const result = deal.resultId ? await findResultTransfer(manager, deal.resultId) : null;
    const startsOn = shanghaiDate(now);
    const mode = result?.transferModes[0];
    return manager.save(
      manager.create(PublicNoticeEntity, {
        dealId: deal.id,
        title: result?.title ?? deal.title,
        intendedPriceFen: deal.agreedPriceFen ?? 0,
        institutionName: institution.nameZh,
        enterpriseName: enterprise.nameZh,
        transferMode: mode ? TRANSFER_MODE_LABELS[mode]['zh-CN'] : null,
        pricingMethod: deal.pricingMethod ?? PricingMethod.AGREEMENT,
        startsOn,
        endsOn: publicNoticeEndsOn(startsOn),
        withdrawnAt: null,
        createdById: user.id,
      }),
    );
  }

  async withdraw(manager: EntityManager, dealId: string): Promise<void> {
    await manager.update(PublicNoticeEntity, { dealId, withdrawnAt: IsNull() }, { withdrawnAt: new Date() });
  }

  /** The public page: current notices (and, on request, ended ones), newest first. */
  async listPublic(query: ListPublicNoticesQueryDto): Promise<PublicNoticeListDto> {
    const where = query.includeEnded ? { withdrawnAt: IsNull() } : { withdrawnAt: IsNull(), endsOn: MoreThanOrEqual(shanghaiDate()) };
    const [rows, total] = await this.dataSource.manager.findAndCount(PublicNoticeEntity, { where, order: { startsOn: 'DESC', createdAt: 'DESC' }, take: query.limit, skip: query.offset });
    const items: PublicNoticeDto[] = [];
    for (const n of rows) items.push(await this.toDto(this.dataSource.manager, n));
    return { items, total };
  }

  async getPublic(id: string): Promise<PublicNoticeDto> {
    const n = await this.dataSource.manager.findOneBy(PublicNoticeEntity, { id, withdrawnAt: IsNull() });
    if (!n) throw DomainException.notFound(ErrorCode.PUBLIC_NOTICE_NOT_FOUND);
    return this.toDto(this.dataSource.manager, n);
  }

  /** Open to anyone during the period (signed in or not); the caller's account and address are kept. */
  async object(id: string, dto: CreateObjectionDto, user: AuthUser | undefined, meta: RequestMeta): Promise<ObjectionReceiptDto> {
    return this.dataSource.transaction(async (manager) => {
      const n = await manager.findOneBy(PublicNoticeEntity, { id, withdrawnAt: IsNull() });
      if (!n) throw DomainException.notFound(ErrorCode.PUBLIC_NOTICE_NOT_FOUND);
      if (shanghaiDate() < n.startsOn || publicNoticeEnded(n.endsOn)) throw new DomainException(ErrorCode.PUBLIC_NOTICE_ENDED, HttpStatus.CONFLICT);
      const saved = await manager.save(manager.create(PublicNoticeObjectionEntity, { noticeId: n.id, name: dto.name, contact: dto.contact, body: dto.body, userId: user?.id ?? null, ip: meta.ip }));
      const deal = await manager.findOneOrFail(DealEntity, { where: { id: n.dealId }, select: ['id', 'code', 'title'] });
      await recordAudit(manager, { action: AuditAction.OBJECTION_RAISED, actorId: user?.id ?? null, ...dealSubject(deal), details: { objector: dto.name } });
      return { id: saved.id, createdAt: saved.createdAt.toISOString() };
    });
  }

  /** Brokers read the objections (contacts included) of a deal's notices. */
  async objections(id: string, user: AuthUser): Promise<ObjectionDto[]> {
    const n = await this.dataSource.manager.findOneBy(PublicNoticeEntity, { id });
    if (!n) throw DomainException.notFound(ErrorCode.PUBLIC_NOTICE_NOT_FOUND);
    await this.access.load(n.dealId, user);
    const rows = await this.dataSource.manager.find(PublicNoticeObjectionEntity, { where: { noticeId: id }, order: { createdAt: 'ASC' } });
    const answererIds = [...new Set(rows.map((o) => o.answeredById).filter((x): x is string => !!x))];
    const answerers = await userNames(this.dataSource.manager, answererIds);
    return rows.map((o) => toObjectionDto(o, answerers.find((u) => u.id === o.answeredById)?.name ?? null));
  }

  async toDto(manager: EntityManager, n: PublicNoticeEntity): Promise<PublicNoticeDto> {
    const [objectionCount, openObjectionCount] = await Promise.all([
      manager.count(PublicNoticeObjectionEntity, { where: { noticeId: n.id } }),
      manager.count(PublicNoticeObjectionEntity, { where: { noticeId: n.id, answeredAt: IsNull() } }),
    ]);
    return {
      id: n.id, dealId: n.dealId, title: n.title, intendedPriceFen: n.intendedPriceFen, institutionName: n.institutionName, enterpriseName: n.enterpriseName,
      transferMode: n.transferMode, pricingMethod: n.pricingMethod, startsOn: n.startsOn, endsOn: n.endsOn, ended: publicNoticeEnded(n.endsOn), withdrawn: n.withdrawnAt !== null,
      objectionCount, openObjectionCount,
    };
  }
}

export function toObjectionDto(o: PublicNoticeObjectionEntity, answeredByName: string | null): ObjectionDto {
  return {
    id: o.id, name: o.name, contact: o.contact, body: o.body, userId: o.userId, createdAt: o.createdAt.toISOString(),
    decision: o.decision, answer: o.answer, answeredByName, answeredAt: o.answeredAt?.toISOString() ?? null,
  };
}
