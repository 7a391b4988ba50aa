import { HttpStatus, Injectable } from '@nestjs/common';
import { DealSide, ErrorCode, Permission, Role } from '@xkx/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { refWhere } from '../../common/http/id-or-code';
import { DomainException } from '../../common/exceptions/domain.exception';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { DealEntity } from './entities/deal.entity';

/** Brokers (deal:manage) carry every deal. */
export function managesDeals(user: AuthUser): boolean {
  return user.permissions.includes(Permission.DEAL_MANAGE);
}

/**
 * Who sees a deal: brokers; the people a broker let in (participants); and the staff of the deal's
 * enterprise, as they manage their enterprise's needs. Everyone else gets 404, not 403, so deal ids
 * reveal nothing.
 */
export function canSeeDeal(user: AuthUser, deal: Pick<DealEntity, 'enterpriseOrgId'>, participants: readonly Pick<DealParticipantEntity, 'userId'>[]): boolean {
  if (managesDeals(user)) return true;
  if (participants.some((p) => p.userId === user.id)) return true;
  return user.role === Role.ENTERPRISE && !!user.organizationId && user.organizationId === deal.enterpriseOrgId;
}

/** The caller's side in a deal, or null if they have none. */
export function sideOf(user: AuthUser, deal: Pick<DealEntity, 'enterpriseOrgId'>, participants: readonly Pick<DealParticipantEntity, 'userId' | 'side'>[]): DealSide | null {
  const own = participants.find((p) => p.userId === user.id);
  if (own) return own.side;
  if (managesDeals(user)) return DealSide.BROKER;
  if (user.role === Role.ENTERPRISE && user.organizationId === deal.enterpriseOrgId) return DealSide.ENTERPRISE;
  return null;
}

export interface VisibleDeal {
  deal: DealEntity;
  participants: DealParticipantEntity[];
  side: DealSide;
}

/** Loads a deal for a caller with the access rule applied; every deal feature goes through here. */
@Injectable()
export class DealAccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** `ref`: the id, or the code (D2026-000004) from the detail route. */
  async load(ref: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<VisibleDeal> {
    const deal = await manager.findOneBy(DealEntity, refWhere(ref));
    return this.check(manager, deal, user);
  }

  /**
   * Locks the deal row for the rest of the transaction, then checks access and (if given) the version:
   * of two concurrent writers with the same version, the second waits for the first and then sees a
   * newer version (409 VERSION_CONFLICT).
   */
  async lock(manager: EntityManager, id: string, user: AuthUser, version?: number): Promise<VisibleDeal> {
    const deal = await manager.createQueryBuilder(DealEntity, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
    const visible = await this.check(manager, deal, user);
    if (version !== undefined && visible.deal.version !== version) throw DomainException.versionConflict(visible.deal.version);
    return visible;
  }

  participants(manager: EntityManager, dealId: string): Promise<DealParticipantEntity[]> {
    return manager.find(DealParticipantEntity, { where: { dealId }, order: { createdAt: 'ASC' } });
  }

  private async check(manager: EntityManager, deal: DealEntity | null, user: AuthUser): Promise<VisibleDeal> {
    if (!deal) throw DomainException.notFound(ErrorCode.DEAL_NOT_FOUND);
    const participants = await this.participants(manager, deal.id);
    if (!canSeeDeal(user, deal, participants)) throw DomainException.notFound(ErrorCode.DEAL_NOT_FOUND);
    const side = sideOf(user, deal, participants);
    if (!side) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    return { deal, participants, side };
  }
}
