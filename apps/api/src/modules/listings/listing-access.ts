import { Injectable } from '@nestjs/common';
import { ListingKind, ListingStatus, Permission, Role } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';

export interface ListingOwnership {
  ownerId: string | null;
  organizationId: string;
  status: ListingStatus;
}

/** Brokers and admins broker everything. */
export function isBroker(user: AuthUser | undefined): boolean {
  return !!user?.permissions.includes(Permission.LISTING_READ_ALL);
}

/**
 * Who may change a listing: its owner; enterprise staff for their enterprise's needs; brokers.
 * Researchers change only their own records.
 */
export function canManage(user: AuthUser | undefined, kind: ListingKind, listing: ListingOwnership): boolean {
  if (!user) return false;
  if (isBroker(user)) return true;
  if (listing.ownerId !== null && listing.ownerId === user.id) return true;
  return kind === 'NEED' && user.role === Role.ENTERPRISE && listing.organizationId === user.organizationId;
}

/** The public sees published listings; everything else only those who manage it (others get 404). */
export function canView(user: AuthUser | undefined, kind: ListingKind, listing: ListingOwnership): boolean {
  return listing.status === 'PUBLISHED' || canManage(user, kind, listing);
}

/**
 * Answers whether a caller was let into a listing's confidential layer by a broker (NDA accepted in a
 * deal). DealConfidentialGrants below is the real check; NoConfidentialGrants lets nobody in (unit tests).
 */
export abstract class ConfidentialAccessGrants {
  abstract isGranted(userId: string, kind: ListingKind, listingId: string): Promise<boolean>;
  /** Logs one disclosure of the confidential layer (basis: NDA or BROKER), so the owner can see who looked. */
  abstract recordView(viewerId: string, kind: ListingKind, listingId: string, basis: 'NDA' | 'BROKER'): Promise<void>;
}

export class NoConfidentialGrants extends ConfidentialAccessGrants {
  isGranted(): Promise<boolean> {
    return Promise.resolve(false);
  }

  recordView(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The real grant (issue 6): a user sees the other side's confidential detail when a broker let them
 * into a deal on that listing (a participant on the opposite side: enterprise people for a result,
 * institution people for a need), the deal is not lost, and they accepted the NDA in that deal.
 * Plain SQL over the deals tables, so the listings module does not depend on the deals module.
 */
@Injectable()
export class DealConfidentialGrants extends ConfidentialAccessGrants {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async isGranted(userId: string, kind: ListingKind, listingId: string): Promise<boolean> {
    const column = kind === 'RESULT' ? 'result_id' : 'need_id';
    const side = kind === 'RESULT' ? 'ENTERPRISE' : 'INSTITUTION';
    const rows: Array<{ granted: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM deal d
         JOIN deal_participant p ON p.deal_id = d.id AND p.user_id = $1 AND p.side = $3
         JOIN nda_acceptance a ON a.deal_id = d.id AND a.user_id = $1
         WHERE d.${column} = $2 AND d.stage <> 'LOST'
       ) AS granted`,
      [userId, listingId, side],
    );
    return rows[0]?.granted === true;
  }

  async recordView(viewerId: string, kind: ListingKind, listingId: string, basis: 'NDA' | 'BROKER'): Promise<void> {
    await this.dataSource.query(`INSERT INTO confidential_view (viewer_id, listing_kind, listing_id, basis) VALUES ($1, $2, $3, $4)`, [viewerId, kind, listingId, basis]);
  }
}
