import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode } from '@xkx/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { CarrierDetailDto, CarrierListDto, CarrierSummaryDto, CreateCarrierDto, ListCarriersQueryDto, UpdateCarrierDto } from './dto/carrier.dto';
import { InnovationCarrierEntity } from './entities/innovation-carrier.entity';
import { ProjectLandingEntity } from './entities/project-landing.entity';

const AUDITED = [
  'nameZh', 'nameEn', 'kind', 'address', 'totalAreaM2', 'availableAreaM2', 'priceMinFenPerM2Month', 'priceMaxFenPerM2Month',
  'fieldCodes', 'description', 'contactName', 'contactPhone', 'contactEmail', 'illustrative', 'active',
] as const;

type CarrierFacts = Pick<InnovationCarrierEntity, 'totalAreaM2' | 'availableAreaM2' | 'priceMinFenPerM2Month' | 'priceMaxFenPerM2Month'>;

/** The checks across fields (the DTO checks each field): area within the total, price range in order. */
export function carrierIssues(c: CarrierFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.totalAreaM2 !== null && c.availableAreaM2 > c.totalAreaM2) issues.push({ field: 'availableAreaM2', constraint: 'availableExceedsTotal', args: [c.totalAreaM2] });
  if (c.priceMinFenPerM2Month !== null && c.priceMaxFenPerM2Month !== null && c.priceMinFenPerM2Month > c.priceMaxFenPerM2Month) {
    issues.push({ field: 'priceMaxFenPerM2Month', constraint: 'priceRangeInverted', args: [] });
  }
  return issues;
}

/** 科创载体: the public directory and brokers' upkeep (carrier:manage). */
@Injectable()
export class CarriersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListCarriersQueryDto): Promise<CarrierListDto> {
    const qb = this.dataSource.manager.createQueryBuilder(InnovationCarrierEntity, 'c').where('c.active');
    if (q.kind) qb.andWhere('c.kind = :kind', { kind: q.kind });
    if (q.q) qb.andWhere(`(c.name_zh ILIKE :q ESCAPE '\\' OR c.address ILIKE :q ESCAPE '\\' OR c.name_en ILIKE :q ESCAPE '\\')`, { q: `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    if (q.fieldCode) qb.andWhere(`EXISTS (SELECT 1 FROM unnest(c.field_codes) f WHERE f = :field OR left(f, length(:field) + 1) = :field || '.' OR left(:field, length(f) + 1) = f || '.')`, { field: q.fieldCode });
    if (q.minAreaM2 !== undefined) qb.andWhere('c.available_area_m2 >= :area', { area: q.minAreaM2 });
    const [items, total] = await qb.orderBy('c.available_area_m2', 'DESC').addOrderBy('c.name_zh').skip(q.offset).take(q.limit).getManyAndCount();
    return { items: items.map((c) => CarrierSummaryDto.from(c)), total };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CarrierDetailDto> {
    const carrier = await manager.findOneBy(InnovationCarrierEntity, { id });
    if (!carrier) throw DomainException.notFound(ErrorCode.CARRIER_NOT_FOUND);
    return CarrierDetailDto.detail(carrier, await manager.countBy(ProjectLandingEntity, { carrierId: id }));
  }

  async create(dto: CreateCarrierDto, user: AuthUser): Promise<CarrierDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const values = {
        nameZh: dto.nameZh, nameEn: dto.nameEn ?? null, kind: dto.kind, address: dto.address, totalAreaM2: dto.totalAreaM2 ?? null,
        availableAreaM2: dto.availableAreaM2, priceMinFenPerM2Month: dto.priceMinFenPerM2Month ?? null, priceMaxFenPerM2Month: dto.priceMaxFenPerM2Month ?? null,
        fieldCodes: dto.fieldCodes, description: dto.description ?? null, contactName: dto.contactName, contactPhone: dto.contactPhone,
        contactEmail: dto.contactEmail ?? null, illustrative: dto.illustrative ?? false, active: true,
      };
      await this.check(manager, values, null);
      const carrier = await manager.save(manager.create(InnovationCarrierEntity, values));
      await recordAudit(manager, {
        action: AuditAction.CARRIER_CREATED, actorId: user.id, subjectType: 'innovation_carrier', subjectId: carrier.id, subjectLabel: carrier.nameZh,
        changes: auditDiff<Partial<typeof values>>({}, values, AUDITED),
      });
      return this.get(carrier.id, manager);
    });
  }

  /** Optimistic locking: the caller's version must be current, or nothing is written (409). */
  async update(id: string, dto: UpdateCarrierDto, user: AuthUser): Promise<CarrierDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const carrier = await manager.createQueryBuilder(InnovationCarrierEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
      if (!carrier) throw DomainException.notFound(ErrorCode.CARRIER_NOT_FOUND);
      if (carrier.version !== dto.version) throw DomainException.versionConflict(carrier.version);
      const { version: _version, ...changes } = dto;
      const after = { ...carrier, ...changes };
      await this.check(manager, after, id);
      const diff = auditDiff(carrier, changes, AUDITED);
      Object.assign(carrier, changes);
      await manager.save(carrier);
      await recordAudit(manager, { action: AuditAction.CARRIER_UPDATED, actorId: user.id, subjectType: 'innovation_carrier', subjectId: id, subjectLabel: carrier.nameZh, changes: diff });
      return this.get(id, manager);
    });
  }

  private async check(manager: EntityManager, c: CarrierFacts & { nameZh: string; fieldCodes: string[] }, id: string | null): Promise<void> {
    const issues = carrierIssues(c);
    if (c.fieldCodes.length) {
      const known = await manager.query<Array<{ code: string }>>(`SELECT code FROM technology_field WHERE code = ANY($1::text[])`, [c.fieldCodes]);
      const unknown = c.fieldCodes.filter((f) => !known.some((k) => k.code === f));
      if (unknown.length) issues.push({ field: 'fieldCodes', constraint: 'unknownFieldCode', args: [unknown] });
    }
    if (issues.length) throw DomainException.validation(issues);
    const taken = await manager.createQueryBuilder(InnovationCarrierEntity, 'c').where('c.name_zh = :name', { name: c.nameZh }).andWhere(id ? 'c.id <> :id' : 'true', { id }).getExists();
    if (taken) throw new DomainException(ErrorCode.CARRIER_NAME_TAKEN, HttpStatus.CONFLICT, [{ field: 'nameZh', constraint: 'carrierNameTaken', args: [] }]);
  }
}
