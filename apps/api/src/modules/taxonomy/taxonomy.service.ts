import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@xkx/contracts';
import { DataSource, Repository } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { CreateFieldDto, FieldNodeDto, UpdateFieldDto } from './dto/taxonomy.dto';
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
  async unknownCodes(codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const found = await this.fields.createQueryBuilder('f').select('f.code', 'code').where('f.code IN (:...codes)', { codes }).andWhere('f.active').getRawMany<{ code: string }>();
    const known = new Set(found.map((f) => f.code));
    return codes.filter((c) => !known.has(c));
  }

  async create(dto: CreateFieldDto): Promise<FieldNodeDto> {
    const parentCode = dto.code.includes('.') ? dto.code.slice(0, dto.code.lastIndexOf('.')) : null;
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(TechnologyFieldEntity, { code: dto.code })) throw new DomainException(ErrorCode.FIELD_CODE_TAKEN, HttpStatus.CONFLICT, [{ field: 'code', constraint: 'invalid', args: [] }]);
      if (parentCode && !(await manager.existsBy(TechnologyFieldEntity, { code: parentCode }))) throw new DomainException(ErrorCode.FIELD_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'code', constraint: 'unknownFieldCode', args: [[parentCode]] }]);
      const saved = await manager.save(manager.create(TechnologyFieldEntity, { code: dto.code, parentCode, nameZh: dto.nameZh, nameEn: dto.nameEn, sort: dto.sort ?? 0, active: true }));
      return FieldNodeDto.from(saved);
    });
  }

  async update(code: string, dto: UpdateFieldDto): Promise<FieldNodeDto> {
    return this.dataSource.transaction(async (manager) => {
      const field = await manager.getRepository(TechnologyFieldEntity).createQueryBuilder('f').setLock('pessimistic_write').where('f.code = :code', { code }).getOne();
      if (!field) throw DomainException.notFound(ErrorCode.FIELD_NOT_FOUND);
      if (field.version !== dto.version) throw DomainException.versionConflict(field.version);
      const { version: _v, ...changes } = dto;
      Object.assign(field, changes);
      return FieldNodeDto.from(await manager.save(field));
    });
  }

  async synonymGroups(): Promise<string[][]> {
    return (await this.synonyms.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map((g) => g.terms);
  }

  /** Replaces the whole list in one transaction (the admin edits it as one document). */
  async replaceSynonyms(groups: string[][]): Promise<string[][]> {
    const cleaned = groups.map((terms) => [...new Set(terms.map((t) => t.trim()).filter(Boolean))]).filter((terms) => terms.length >= 2);
    await this.dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().delete().from(SynonymGroupEntity).execute();
      if (cleaned.length > 0) await manager.save(cleaned.map((terms) => manager.create(SynonymGroupEntity, { terms })));
    });
    return cleaned;
  }
}
