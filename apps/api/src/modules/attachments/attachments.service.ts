import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ATTACHMENT_CATEGORIES, ATTACHMENT_MEDIA_TYPES, AttachmentCategory, AttachmentTarget, AuditAction, ErrorCode } from '@xkx/contracts';
import { fromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { AuditSubject, contractSubject, listingSubject } from '@xkx/api/modules/audit/audit-subjects';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { findContractLabel, findPaymentLabel } from '@xkx/api/modules/contracts/contract-reader';
import { findListingFacts } from '@xkx/api/modules/listings/listing-reader';
import { OBJECT_STORAGE, ObjectStorage } from '@xkx/api/modules/storage/object-storage';
import { AttachmentAccessService } from './attachment-access.service';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentDto, AttachmentTargetQueryDto, UploadAttachmentDto } from './dto/attachment.dto';

export interface UploadedBytes {
  originalName: string;
  buffer: Buffer;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AttachmentAccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the caller, the category and the bytes (type by content), stores the bytes, then records the row.
   * If the row cannot be written, the stored object is removed again. The row and its audit entry
   * commit together.
   */
  async upload(dto: UploadAttachmentDto, file: UploadedBytes, user: AuthUser): Promise<AttachmentDto> {
    await this.access.assertCanWrite(this.dataSource.manager, dto.targetType, dto.targetId, user);
    if (!ATTACHMENT_CATEGORIES[dto.targetType].includes(dto.category)) {
      throw new DomainException(ErrorCode.ATTACHMENT_CATEGORY_NOT_ALLOWED, HttpStatus.BAD_REQUEST, [
        { field: 'category', constraint: 'isIn', args: [ATTACHMENT_CATEGORIES[dto.targetType].join(', ')] },
      ]);
    }
    const contentType = await detectType(file.buffer, dto.category);
    const key = `attachments/${dto.targetType.toLowerCase()}/${randomUUID()}`;
    await this.storage.put(key, file.buffer, contentType);
    try {
      const row = await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(AttachmentEntity).save({
          targetType: dto.targetType,
          targetId: dto.targetId,
          category: dto.category,
          fileName: cleanFileName(file.originalName),
          contentType,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey: key,
          uploadedById: user.id,
        });
        await this.recordAudit(manager, AuditAction.ATTACHMENT_UPLOADED, saved, user);
        return saved;
      });
      return this.get(row.id, user);
    } catch (error) {
      await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  async list(query: AttachmentTargetQueryDto, user: AuthUser | undefined): Promise<AttachmentDto[]> {
    await this.access.assertCanRead(this.dataSource.manager, query.targetType, query.targetId, user);
    const rows = await this.dataSource.getRepository(AttachmentEntity).find({
      where: { targetType: query.targetType, targetId: query.targetId },
      relations: { uploadedBy: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toDto);
  }

  async get(id: string, user: AuthUser | undefined): Promise<AttachmentDto> {
    return toDto(await this.visible(id, user));
  }

  async content(
    id: string,
    user: AuthUser | undefined,
  ): Promise<{ attachment: AttachmentDto; body: Buffer }> {
    const row = await this.visible(id, user);
    const body = await this.storage.get(row.storageKey);
    // A row without bytes means storage lost them; say so rather than serve an empty file.
    if (!body) throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
    return { attachment: toDto(row), body };
  }

  /** Removes the row first: a crash in between leaves an orphan object (harmless), never a row without bytes. */
  async remove(id: string, user: AuthUser): Promise<void> {
    const row = await this.visible(id, user);
    await this.access.assertCanWrite(this.dataSource.manager, row.targetType, row.targetId, user);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AttachmentEntity).delete({ id });
      await this.recordAudit(manager, AuditAction.ATTACHMENT_REMOVED, row, user);
    });
    await this.storage.delete(row.storageKey);
  }

  /**
   * An upload or removal in the audit trail, on the record people know: the contract (for a payment's
   * receipt, the payment's contract, with the payment's date and amount) or the listing.
   */
  private async recordAudit(
    manager: EntityManager,
    action: typeof AuditAction.ATTACHMENT_UPLOADED | typeof AuditAction.ATTACHMENT_REMOVED,
    row: Pick<AttachmentEntity, 'targetType' | 'targetId' | 'category' | 'fileName' | 'sizeBytes' | 'sha256'>,
    user: AuthUser,
  ): Promise<void> {
    const { subject, payment } = await auditSubjectOf(manager, row.targetType, row.targetId);
    const fileName = action === AuditAction.ATTACHMENT_UPLOADED ? { from: null, to: row.fileName } : { from: row.fileName, to: null };
    await this.audit.record(
      {
        action,
        actorId: user.id,
        ...subject,
        changes: { fileName },
        details: { attachedTo: row.targetType, category: row.category, ...payment, sizeBytes: row.sizeBytes, sha256: row.sha256 },
      },
      manager,
    );
  }

  private async visible(id: string, user: AuthUser | undefined): Promise<AttachmentEntity> {
    const row = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOne({ where: { id }, relations: { uploadedBy: true } });
    if (!row) throw DomainException.notFound(ErrorCode.ATTACHMENT_NOT_FOUND);
    await this.access.assertCanRead(this.dataSource.manager, row.targetType, row.targetId, user).catch(() => {
      throw DomainException.notFound(ErrorCode.ATTACHMENT_NOT_FOUND);
    });
    return row;
  }
}

async function auditSubjectOf(
  manager: EntityManager,
  type: AttachmentTarget,
  id: string,
): Promise<{ subject: AuditSubject | Record<string, never>; payment: { receivedOn?: string; amountFen?: string } }> {
  if (type === 'RESULT' || type === 'NEED') {
    const listing = await findListingFacts(manager, type, id);
    return { subject: listing ? listingSubject(type, listing) : {}, payment: {} };
  }
  if (type === 'CONTRACT') {
    const contract = await findContractLabel(manager, id);
    return { subject: contract ? contractSubject(contract) : {}, payment: {} };
  }
  const payment = await findPaymentLabel(manager, id);
  if (!payment) return { subject: {}, payment: {} };
  return { subject: contractSubject(payment.contract), payment: { receivedOn: payment.receivedOn, amountFen: payment.amountFen } };
}

/** The media type from the file's bytes; refused (415) when it is not one the category takes. */
async function detectType(buffer: Buffer, category: AttachmentCategory): Promise<string> {
  const detected = buffer.length > 0 ? await fromBuffer(buffer) : undefined;
  if (!detected || !ATTACHMENT_MEDIA_TYPES[category].includes(detected.mime)) {
    throw new DomainException(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
  return detected.mime;
}

/** Keeps the name people recognise, without paths or control characters, within the column. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(-200);
}

function toDto(row: AttachmentEntity): AttachmentDto {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    category: row.category,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy ? { id: row.uploadedBy.id, name: row.uploadedBy.name } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
