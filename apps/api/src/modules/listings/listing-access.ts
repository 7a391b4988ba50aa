import { ListingKind, ListingStatus, Permission, Role } from '@xkx/contracts';
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
 * The confidential-access port: answers whether a caller was let into a listing's confidential layer by a
 * broker (NDA accepted in a deal) and logs each disclosure. Listings owns the port; the deals module, which
 * owns the deal, NDA and `confidential_view` tables, implements it (`DealConfidentialGrants`, provided by the
 * global `ConfidentialAccessModule`), so listings never reads or writes those tables. NoConfidentialGrants
 * lets nobody in (unit tests).
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
