import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@xkx/contracts';
import { Repository } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  async list(query: ListOrganizationsQueryDto): Promise<{ items: OrganizationEntity[]; total: number }> {
    const qb = this.organizations.createQueryBuilder('o');
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    const q = query.q?.trim();
    if (q) {
      const latin = q.toLowerCase().replace(/[^a-z0-9]/g, '');
      const like = `%${escapeLike(q)}%`;
      qb.andWhere(
        latin.length > 0
          ? '(o.name_zh ILIKE :like OR o.short_name ILIKE :like OR o.name_en ILIKE :like OR o.pinyin LIKE :latin OR o.pinyin_initials LIKE :latin)'
          : '(o.name_zh ILIKE :like OR o.short_name ILIKE :like)',
        { like, latin: `${escapeLike(latin)}%` },
      );
    }
    qb.orderBy('o.kind', 'ASC').addOrderBy('o.pinyin', 'ASC').take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<OrganizationEntity> {
    const found = await this.organizations.findOneBy({ id });
    if (!found) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
    return found;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
