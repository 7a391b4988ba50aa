import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, auditDiff, ErrorCode, SynonymRelation } from '@xkx/contracts';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { CreateFieldDto, FieldNodeDto, SynonymGroupResponseDto, UpdateFieldDto } from './dto/taxonomy.dto';
import { SynonymGroupEntity } from './synonym-group.entity';
import { TechnologyFieldEntity } from './technology-field.entity';

/** The code and every ancestor: NE.BAT.SS → NE, NE.BAT, NE.BAT.SS. */
export function fieldPaths(codes: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('.'));
  }
  return [...paths].sort();
}

@Injectable()
export class TaxonomyService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(TechnologyFieldEntity) private readonly fields: Repository<TechnologyFieldEntity>,
    @InjectRepository(SynonymGroupEntity) private readonly synonyms: Repository<SynonymGroupEntity>,
    private readonly feed: ChangeFeed,
  ) {}

  async tree(includeInactive = false): Promise<FieldNodeDto[]> {
    const rows = await this.fields.find({ where: includeInactive ? {} : { active: true }, order: { sort: 'ASC', code: 'ASC' } });
    const nodes = new Map(rows.map((r) => [r.code, FieldNodeDto.from(r)]));
    const roots: FieldNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else if (!node.parentCode) roots.push(node);
    }
    return roots;
  }

  /** Codes that do not exist in the tree (inactive ones are refused for new content too). */
  /** Codes that are not active fields. Inside a transaction pass its manager: a second connection would wait on it (PGlite has one). */
  async unknownCodes(codes: readonly string[], manager?: EntityManager): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await (manager ? manager.getRepository(TechnologyFieldEntity) : this.fields).createQueryBuilder('f').select('f.code', 'code').where('f.code IN (:...codes)', { codes }).andWhere('f.active').getRawMany<{ code: string }>();
    const known = new Set(found.map((f) => f.code));
    return codes.filter((c) => !known.has(c));
  }

  async create(dto: CreateFieldDto): Promise<FieldNodeDto> {
    const parentCode = dto.code.includes('.') ? dto.code.slice(0, dto.code.lastIndexOf('.')) : null;
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(TechnologyFieldEntity, { code: dto.code })) throw new DomainException(ErrorCode.FIELD_CODE_TAKEN, HttpStatus.CONFLICT, [{ field: 'code', constraint: 'invalid', args: [] }]);
      const parent = parentCode ? await manager.findOneBy(TechnologyFieldEntity, { code: parentCode }) : null;
      if (parentCode && !parent) throw new DomainException(ErrorCode.FIELD_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'code', constraint: 'unknownFieldCode', args: [[parentCode]] }]);
      // A child of an inactive field would be hidden from every form and filter with its parent.
      if (parent && !parent.active) throw new DomainException(ErrorCode.FIELD_PARENT_INACTIVE, HttpStatus.CONFLICT, [{ field: 'code', constraint: 'parentFieldInactive', args: [parent.code] }]);
      const saved = await manager.save(manager.create(TechnologyFieldEntity, { code: dto.code, parentCode, nameZh: dto.nameZh.trim(), nameEn: dto.nameEn.trim(), sort: dto.sort ?? 0, active: true }));
      await recordAudit(manager, { action: AuditAction.FIELD_CREATED, ...fieldSubject(saved), changes: Object.fromEntries((['code', 'nameZh', 'nameEn', 'sort'] as const).map((k) => [k, { from: null, to: saved[k] }])) });
      return FieldNodeDto.from(saved);
    });
  }

  /**
   * Renames, reorders, deactivates or reactivates one field. Deactivating also deactivates its
   * descendants (an active child under an inactive parent would vanish from the tree anyway, but stay
   * selectable by code); reactivating needs an active parent and leaves the descendants as they are.
   */
  async update(code: string, dto: UpdateFieldDto): Promise<FieldNodeDto> {
    return this.dataSource.transaction(async (manager) => {
      const field = await manager.getRepository(TechnologyFieldEntity).createQueryBuilder('f').setLock('pessimistic_write').where('f.code = :code', { code }).getOne();
      if (!field) throw DomainException.notFound(ErrorCode.FIELD_NOT_FOUND);
      if (field.version !== dto.version) throw DomainException.versionConflict(field.version);
      const before = { ...field };
      const { version: _v, ...changes } = dto;
      if (changes.nameZh !== undefined) changes.nameZh = changes.nameZh.trim();
      if (changes.nameEn !== undefined) changes.nameEn = changes.nameEn.trim();
      for (const key of ['nameZh', 'nameEn'] as const) {
        if (changes[key] === '') throw DomainException.validation([{ field: key, constraint: 'isNotEmpty', args: [] }]);
      }
      if (changes.active === true && !field.active && field.parentCode) {
        const parent = await manager.findOneBy(TechnologyFieldEntity, { code: field.parentCode });
        if (parent && !parent.active) throw new DomainException(ErrorCode.FIELD_PARENT_INACTIVE, HttpStatus.CONFLICT, [{ field: 'active', constraint: 'parentFieldInactive', args: [parent.code] }]);
      }
      Object.assign(field, changes);
      const diff = auditDiff(before, field, ['nameZh', 'nameEn', 'sort', 'active']);
      if (Object.keys(diff).length === 0) return FieldNodeDto.from(field);
      const saved = await manager.save(field);
      let descendants = 0;
      if (before.active && changes.active === false) {
        const result = await manager.createQueryBuilder().update(TechnologyFieldEntity).set({ active: false }).where('code LIKE :prefix AND active', { prefix: `${escapeLike(code)}.%` }).execute();
        descendants = result.affected ?? 0;
      }
      await recordAudit(manager, { action: AuditAction.FIELD_UPDATED, ...fieldSubject(saved), changes: diff, ...(descendants ? { details: { descendantsDeactivated: descendants } } : {}) });
      return FieldNodeDto.from(saved);
    });
  }

  /** code → "中文名 English name" of every field, inactive ones too (old listings keep them). */
  async fieldNames(): Promise<Map<string, string>> {
    const rows = await this.fields.find({ select: { code: true, nameZh: true, nameEn: true } });
    return new Map(rows.map((r) => [r.code, `${r.nameZh} ${r.nameEn}`]));
  }

  /** Active fields, in tree order. */
  async activeFields(): Promise<Array<{ code: string; nameZh: string; nameEn: string }>> {
    const rows = await this.fields.find({ where: { active: true }, select: { code: true, nameZh: true, nameEn: true }, order: { sort: 'ASC', code: 'ASC' } });
    return rows.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn }));
  }

  /** Every group with its relation, oldest first (the analyzer keeps a term in the first equivalence group); `manager`: in its transaction. */
  async synonymGroups(manager?: EntityManager): Promise<Array<{ terms: string[]; relation: SynonymRelation }>> {
    return (await (manager?.getRepository(SynonymGroupEntity) ?? this.synonyms).find({ order: { createdAt: 'ASC', id: 'ASC' } })).map((g) => ({ terms: g.terms, relation: g.relation }));
  }

  async synonymGroupRows(): Promise<SynonymGroupResponseDto[]> {
    return (await this.synonyms.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map((g) => SynonymGroupResponseDto.from(g));
  }

  /** Replaces the whole list in one transaction (the admin edits it as one document). */
  async replaceSynonyms(groups: Array<{ terms: string[]; relation?: SynonymRelation }>): Promise<SynonymGroupResponseDto[]> {
    const cleaned = groups
      .map((g) => ({ terms: [...new Set(g.terms.map((t) => t.trim()).filter(Boolean))], relation: g.relation ?? SynonymRelation.EQUIVALENT }))
      .filter((g) => g.terms.length >= 2);
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.count(SynonymGroupEntity);
      await manager.createQueryBuilder().delete().from(SynonymGroupEntity).execute();
      if (cleaned.length > 0) await manager.save(cleaned.map((g) => manager.create(SynonymGroupEntity, g)));
      await recordAudit(manager, { action: AuditAction.SYNONYMS_REPLACED, changes: { groups: { from: before, to: cleaned.length } } });
      await this.feed.append(manager, 'synonyms.changed', [{ origin: this.feed.instance }]);
    });
    return this.synonymGroupRows();
  }

  async createSynonymGroup(terms: string[], relation: SynonymRelation = SynonymRelation.EQUIVALENT): Promise<SynonymGroupResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cleaned = await this.checkTerms(manager, terms, null, relation);
      const saved = await manager.save(manager.create(SynonymGroupEntity, { terms: cleaned, relation }));
      await recordAudit(manager, { action: AuditAction.SYNONYM_GROUP_CREATED, ...synonymSubject(saved), changes: { terms: { from: null, to: cleaned }, relation: { from: null, to: relation } } });
      await this.feed.append(manager, 'synonyms.changed', [{ origin: this.feed.instance }]);
      return SynonymGroupResponseDto.from(saved);
    });
  }

  /** `relation` omitted keeps the group's relation. */
  async updateSynonymGroup(id: string, terms: string[], version: number, relation?: SynonymRelation): Promise<SynonymGroupResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockGroup(manager, id);
      if (group.version !== version) throw DomainException.versionConflict(group.version);
      const nextRelation = relation ?? group.relation;
      const cleaned = await this.checkTerms(manager, terms, id, nextRelation);
      const before = group.terms;
      const beforeRelation = group.relation;
      if (beforeRelation === nextRelation && before.length === cleaned.length && before.every((t, i) => t === cleaned[i])) return SynonymGroupResponseDto.from(group);
      group.terms = cleaned;
      group.relation = nextRelation;
      const saved = await manager.save(group);
      await recordAudit(manager, {
        action: AuditAction.SYNONYM_GROUP_UPDATED,
        ...synonymSubject(saved),
        changes: { terms: { from: before, to: cleaned }, ...(beforeRelation !== nextRelation ? { relation: { from: beforeRelation, to: nextRelation } } : {}) },
      });
      await this.feed.append(manager, 'synonyms.changed', [{ origin: this.feed.instance }]);
      return SynonymGroupResponseDto.from(saved);
    });
  }

  async deleteSynonymGroup(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.lockGroup(manager, id);
      await manager.delete(SynonymGroupEntity, { id: group.id });
      await recordAudit(manager, { action: AuditAction.SYNONYM_GROUP_DELETED, ...synonymSubject(group), changes: { terms: { from: group.terms, to: null } } });
      await this.feed.append(manager, 'synonyms.changed', [{ origin: this.feed.instance }]);
    });
  }

  private async lockGroup(manager: EntityManager, id: string): Promise<SynonymGroupEntity> {
    const group = await manager.getRepository(SynonymGroupEntity).createQueryBuilder('g').setLock('pessimistic_write').where('g.id = :id', { id }).getOne();
    if (!group) throw DomainException.notFound(ErrorCode.SYNONYM_GROUP_NOT_FOUND);
    return group;
  }

  /**
   * Trimmed terms, each once in the group; an equivalence group's terms in no other equivalence group (a term
   * in two would fold to two canonical words, depending on which group the analyzer read last). Narrower
   * groups name terms that have their own equivalents (人工智能 ⊃ 计算机视觉), so they are not checked against
   * the others. Problems are reported per term.
   */
  private async checkTerms(manager: EntityManager, terms: string[], ownId: string | null, relation: SynonymRelation): Promise<string[]> {
    const cleaned = terms.map((t) => t.trim());
    const issues: FieldIssue[] = [];
    const seen = new Map<string, number>();
    cleaned.forEach((term, i) => {
      const key = termKey(term);
      if (!term) issues.push({ field: `terms.${i}`, constraint: 'isNotEmpty', args: [] });
      else if (seen.has(key)) issues.push({ field: `terms.${i}`, constraint: 'synonymTermRepeated', args: [term] });
      else seen.set(key, i);
    });
    if (issues.length > 0) throw DomainException.validation(issues);
    if (relation === SynonymRelation.NARROWER) return cleaned;
    const others = await manager.find(SynonymGroupEntity, { where: { relation: SynonymRelation.EQUIVALENT }, order: { createdAt: 'ASC' } });
    const taken: FieldIssue[] = [];
    for (const group of others) {
      if (group.id === ownId) continue;
      for (const term of group.terms) {
        const index = seen.get(termKey(term));
        if (index !== undefined) taken.push({ field: `terms.${index}`, constraint: 'synonymTermTaken', args: [cleaned[index], group.terms.join('、')] });
      }
    }
    if (taken.length > 0) throw new DomainException(ErrorCode.SYNONYM_TERM_TAKEN, HttpStatus.CONFLICT, taken);
    return cleaned;
  }
}

/** How terms are compared: full-width and case folded, as the analyzer reads them. */
const termKey = (term: string): string => term.normalize('NFKC').toLowerCase();

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/** Codes are not uuids, so the audit names a field by its label only. */
const fieldSubject = (f: { code: string; nameZh: string }) => ({ subjectType: 'technology_field' as const, subjectLabel: `${f.code} ${f.nameZh}` });

const synonymSubject = (g: { id: string; terms: string[]; relation: SynonymRelation }) => ({
  subjectType: 'synonym_group' as const,
  subjectId: g.id,
  subjectLabel: g.relation === SynonymRelation.NARROWER ? `${g.terms[0] ?? ''} ⊃ ${g.terms.slice(1).join('、')}` : g.terms.join(' = '),
});
