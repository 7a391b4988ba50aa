import { Injectable } from '@nestjs/common';
import { ErrorCode, ListingKind, ListingStatus } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { DuplicateFinderService } from './duplicate-finder.service';
import { HistoryEntryDto, TransitionResultDto, UpdateOutcomeDto } from './dto/listing-actions.dto';
import { NeedResponseDto, ResultResponseDto } from './dto/listing-response.dto';
import { SearchListingsQueryDto, SearchResponseDto } from './dto/search.dto';
import { ListingBaseEntity } from './entities/listing-base.entity';
import { ConfidentialAccessGrants, isBroker } from './listing-access';
import { kindSpec } from './listing-kinds';
import { ListingSearchService } from './listing-search.service';
import { ListingAction } from './listing-workflow';
import { ListingsService, TransitionInput } from './listings.service';

export type ListingResponse = ResultResponseDto | NeedResponseDto;


/** Maps the life cycle of either kind to response DTOs, so the two controllers stay one-liners. */
@Injectable()
export class ListingFacade {
  constructor(
    private readonly listings: ListingsService,
    private readonly searchService: ListingSearchService,
    private readonly duplicates: DuplicateFinderService,
    private readonly grants: ConfidentialAccessGrants,
  ) {}

  /** `ref`: the id or the code. `recordView`: the detail page (GET), whose disclosures of the confidential layer are logged. */
  async get(kind: ListingKind, ref: string, user: AuthUser | undefined, recordView = false): Promise<ListingResponse> {
    const loaded = await this.listings.load(kindSpec(kind), ref, user);
    if (recordView && user && loaded.confidentialVisible && (loaded.viaGrant || (isBroker(user) && loaded.entity.ownerId !== user.id))) {
      await this.grants.recordView(user.id, kind, loaded.entity.id, loaded.viaGrant ? 'NDA' : 'BROKER');
    }
    const view = { canManage: loaded.canManage, confidentialVisible: loaded.confidentialVisible };
    return kindSpec(kind).respond(loaded.entity, loaded.organization, view);
  }

  search(kind: ListingKind, query: SearchListingsQueryDto, user: AuthUser | undefined): Promise<SearchResponseDto> {
    return this.searchService.search(kind, query, user);
  }

  async create(kind: ListingKind, input: object & { fieldCodes: string[]; validUntil: string; organizationId?: string }, user: AuthUser): Promise<ListingResponse> {
    const { organizationId, ...fields } = input;
    const id = await this.listings.create(kindSpec(kind), fields as typeof input, organizationId, user);
    return this.get(kind, id, user);
  }

  async update(kind: ListingKind, id: string, input: object & { version: number }, user: AuthUser): Promise<UpdateOutcomeDto> {
    const outcome = await this.listings.update(kindSpec(kind), id, input, user);
    const after = await this.get(kind, id, user);
    return { status: outcome.status, changedFields: outcome.changed, version: after.version };
  }

  async transition(kind: ListingKind, id: string, action: ListingAction, input: TransitionInput, user: AuthUser): Promise<TransitionResultDto> {
    const { status, version } = await this.listings.transition(kindSpec(kind), id, action, input, user);
    // Submitters and reviewers see possible duplicates at the moment it matters.
    const duplicates = action === ListingAction.SUBMIT ? await this.duplicates.find(kind, id) : [];
    return { status, version, duplicates };
  }

  async duplicatesOf(kind: ListingKind, id: string, user: AuthUser): Promise<ReturnType<DuplicateFinderService['find']>> {
    // Duplicates name the organization's other listings, drafts included: only for who manages this one.
    const loaded = await this.listings.load(kindSpec(kind), id, user);
    if (!loaded.canManage) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    return this.duplicates.find(kind, id);
  }

  async history(kind: ListingKind, id: string, user: AuthUser): Promise<HistoryEntryDto[]> {
    const rows = await this.listings.historyOf(kindSpec(kind), id, user);
    const names = await this.listings.userNames(rows.flatMap((h) => (h.actorId ? [h.actorId] : [])));
    return rows.map((h) => ({ at: h.createdAt.toISOString(), actorId: h.actorId, actorName: h.actorId ? (names.get(h.actorId) ?? null) : null, action: h.action, fromStatus: h.fromStatus, toStatus: h.toStatus, changedFields: h.changedFields, note: h.note, version: h.version }));
  }

  async mine(kind: ListingKind, user: AuthUser, status?: ListingStatus): Promise<ListingResponse[]> {
    return this.mapMany(kind, await this.listings.mine(kindSpec(kind), user, status));
  }

  async reviewQueue(kind: ListingKind): Promise<ListingResponse[]> {
    return this.mapMany(kind, await this.listings.reviewQueue(kindSpec(kind)));
  }

  /** Lists for owners and reviewers: they manage what they see, confidential layer included. */
  private async mapMany(kind: ListingKind, entities: ListingBaseEntity[]): Promise<ListingResponse[]> {
    const orgs = await this.listings.organizationsById(entities.map((e) => e.organizationId));
    const view = { canManage: true, confidentialVisible: true };
    return entities.flatMap((e) => {
      const org = orgs.get(e.organizationId);
      if (!org) return [];
      return [kindSpec(kind).respond(e, org, view)];
    });
  }
}
