import { HttpStatus, Injectable } from '@nestjs/common';
import { AttachmentTarget, ErrorCode, ListingStatus, LISTING_KINDS } from '@xkx/contracts';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { ContractsService } from '@xkx/api/modules/contracts/contracts.service';
import { managesDeals } from '@xkx/api/modules/deals/deal-access.service';
import { canManage, canView } from '@xkx/api/modules/listings/listing-access';

/**
 * Whoever may see a record may see its files; whoever may change it may add and remove them.
 * Contracts and payments follow the contract's rule (brokers; the parties of its deal read);
 * listings follow the listing's (published ones are public; owners and brokers change them).
 * A record the caller may not see answers 404, as the record itself would.
 */
@Injectable()
export class AttachmentAccessService {
  constructor(private readonly contracts: ContractsService) {}

  async assertCanRead(
    manager: EntityManager,
    type: AttachmentTarget,
    id: string,
    user: AuthUser | undefined,
  ): Promise<void> {
    if (type === 'RESULT' || type === 'NEED') {
      const listing = await this.listing(manager, type, id);
      if (!canView(user, type, listing)) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
      return;
    }
    if (!user) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    await this.contracts.visible(manager, await this.contractIdOf(manager, type, id), user);
  }

  async assertCanWrite(
    manager: EntityManager,
    type: AttachmentTarget,
    id: string,
    user: AuthUser,
  ): Promise<void> {
    await this.assertCanRead(manager, type, id, user);
    // Seen but not theirs to change: 403. Contract evidence is recorded by brokers, like the contract itself.
    const allowed =
      type === 'RESULT' || type === 'NEED'
        ? canManage(user, type, await this.listing(manager, type, id))
        : managesDeals(user);
    if (!allowed) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
  }

  private async contractIdOf(
    manager: EntityManager,
    type: 'CONTRACT' | 'PAYMENT',
    id: string,
  ): Promise<string> {
    if (type === 'CONTRACT') return id;
    const rows: Array<{ contract_id: string }> = await manager.query(
      `SELECT contract_id FROM contract_payment WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    return rows[0].contract_id;
  }

  private async listing(
    manager: EntityManager,
    type: 'RESULT' | 'NEED',
    id: string,
  ): Promise<{ ownerId: string | null; organizationId: string; status: ListingStatus }> {
    const { table } = LISTING_KINDS[type];
    const rows: Array<{ owner_id: string | null; organization_id: string; status: ListingStatus }> =
      await manager.query(`SELECT owner_id, organization_id, status FROM ${table} WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    return { ownerId: row.owner_id, organizationId: row.organization_id, status: row.status };
  }
}
