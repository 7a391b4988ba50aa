import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, DealSide, ErrorCode, ListingKind } from '@xkx/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { canManage } from '@xkx/api/modules/listings/listing-access';
import { userCards, userNames } from '@xkx/api/modules/users/user-reader';
import { DealAccessService } from './deal-access.service';
import { DEAL_SIDE_WORDS, recordDealEvent } from './deal-events';
import { isOpen, NDA_STAGES } from './deal-workflow';
import { ConfidentialViewDto, CreateNdaVersionDto, NdaAcceptanceDto, NdaVersionDto } from './dto/collaboration.dto';
import { ConfidentialViewEntity, NdaAcceptanceEntity, NdaVersionEntity } from './entities/nda.entity';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';
import { findListingFacts } from '@xkx/api/modules/listings/listing-reader';

/** What a signature records of the text: SHA-256 of the title, a newline and the body. */
export function ndaTextHash(v: Pick<NdaVersionEntity, 'title' | 'body'>): string {
  return createHash('sha256').update(`${v.title}\n${v.body}`, 'utf8').digest('hex');
}

/**
 * The NDA: its text as versioned data, each party's acceptance within a deal (version, time, address),
 * and the log of who saw a listing's confidential layer. The grant itself is answered by
 * DealConfidentialGrants (deal-confidential-grants.ts) from these tables.
 */
@Injectable()
export class NdaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
  ) {}

  async current(): Promise<NdaVersionDto> {
    const [latest] = await this.dataSource.manager.find(NdaVersionEntity, { order: { version: 'DESC' }, take: 1 });
    if (!latest) throw DomainException.notFound(ErrorCode.NDA_VERSION_NOT_FOUND);
    return (await this.withAuthors([latest]))[0];
  }

  async versions(): Promise<NdaVersionDto[]> {
    return this.withAuthors(await this.dataSource.manager.find(NdaVersionEntity, { order: { version: 'DESC' } }));
  }

  /**
   * A new text; parties accept it from now on. Versions are never edited: earlier acceptances keep the
   * version (and text hash) they signed.
   */
  async publish(dto: CreateNdaVersionDto, user: AuthUser): Promise<NdaVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE "nda_version" IN EXCLUSIVE MODE`);
      const rows: Array<{ max: number | null }> = await manager.query(`SELECT MAX(version) AS max FROM nda_version`);
      const saved = await manager.save(manager.create(NdaVersionEntity, { version: (rows[0]?.max ?? 0) + 1, title: dto.title, body: dto.body, createdById: user.id }));
      await recordAudit(manager, { action: AuditAction.NDA_VERSION_PUBLISHED, actorId: user.id, subjectType: 'nda', subjectId: saved.id, subjectLabel: `${saved.title} v${saved.version}`, details: { ndaVersion: saved.version, textHash: ndaTextHash(saved), reason: dto.reason } });
      return this.dto(saved, user.name);
    });
  }

  /**
   * A party signs the current NDA, once interest is confirmed: the signature keeps who, when, from which
   * address, the version and the hash of its text. Enterprise staff of the deal's enterprise may sign
   * without a broker adding them first: signing lets them in on the enterprise side (the confidential
   * layer is granted to participants under NDA).
   */
  async accept(dealId: string, version: number, user: AuthUser, meta: RequestMeta, readHash?: string): Promise<NdaAcceptanceDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants, side } = await this.access.lock(manager, dealId, user);
      if (side === DealSide.BROKER) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
      if (!NDA_STAGES.includes(deal.stage) || !isOpen(deal.stage)) throw new DomainException(ErrorCode.NDA_NOT_AVAILABLE, HttpStatus.CONFLICT, [], { stage: deal.stage });
      const [latest] = await manager.find(NdaVersionEntity, { order: { version: 'DESC' }, take: 1 });
      // The text read must be the text in force: a new version published while the party was reading is refused.
      if (!latest || latest.version !== version || (readHash !== undefined && readHash !== ndaTextHash(latest))) {
        throw new DomainException(ErrorCode.NDA_VERSION_OUTDATED, HttpStatus.CONFLICT, [], { currentNdaVersion: latest?.version ?? null });
      }
      if (!participants.some((p) => p.userId === user.id)) {
        await manager.insert(DealParticipantEntity, { dealId, userId: user.id, side, addedById: user.id });
        await recordDealEvent(manager, deal, user.id, 'PARTICIPANT_ADDED', `${user.name}（${DEAL_SIDE_WORDS[side]}）`);
      }
      const existing = await manager.findOneBy(NdaAcceptanceEntity, { dealId, userId: user.id, ndaVersion: version });
      const textHash = ndaTextHash(latest);
      const acceptance = existing ?? (await manager.save(manager.create(NdaAcceptanceEntity, { dealId, userId: user.id, ndaVersion: version, ip: meta.ip, userAgent: meta.userAgent, textHash })));
      if (!existing) {
        await recordDealEvent(manager, deal, user.id, 'NDA_ACCEPTED', `v${version}`);
        await recordAudit(manager, { action: AuditAction.NDA_SIGNED, actorId: user.id, meta, ...dealSubject(deal), details: { ndaVersion: version, side, textHash } });
      }
      return { dealId, ndaVersion: acceptance.ndaVersion, acceptedAt: acceptance.acceptedAt.toISOString(), ip: acceptance.ip, textHash: acceptance.textHash };
    });
  }

  /** Who saw a listing's confidential layer: for those who manage the listing (owner, staff, brokers). */
  async views(kind: ListingKind, listingId: string, user: AuthUser): Promise<ConfidentialViewDto[]> {
    const m = this.dataSource.manager;
    const listing = await findListingFacts(m, kind, listingId);
    if (!listing || !canManage(user, kind, listing)) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    const rows = await m.find(ConfidentialViewEntity, { where: { listingKind: kind, listingId }, order: { createdAt: 'DESC' }, take: 1000 });
    const viewerIds = [...new Set(rows.map((r) => r.viewerId))];
    const users = await userCards(m, viewerIds, { organization: true });
    return rows.map((r) => {
      const u = users.find((x) => x.id === r.viewerId);
      return { viewerId: r.viewerId, viewerName: u?.name ?? '', organizationName: u?.organization?.nameZh ?? null, basis: r.basis, at: r.createdAt.toISOString() };
    });
  }

  private async withAuthors(rows: NdaVersionEntity[]): Promise<NdaVersionDto[]> {
    const ids = [...new Set(rows.map((v) => v.createdById).filter((id): id is string => id !== null))];
    const users = await userNames(this.dataSource.manager, ids);
    return rows.map((v) => this.dto(v, users.find((u) => u.id === v.createdById)?.name ?? null));
  }

  private dto(v: NdaVersionEntity, createdByName: string | null): NdaVersionDto {
    return { version: v.version, title: v.title, body: v.body, createdAt: v.createdAt.toISOString(), createdByName, textHash: ndaTextHash(v) };
  }
}
