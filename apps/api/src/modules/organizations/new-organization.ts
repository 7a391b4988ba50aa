import { EntityManager } from 'typeorm';
import { CreateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationEntity } from './organization.entity';
import { pinyinKeys } from '@xkx/text-zh';

/**
 * An organization as an operator enters it (the admin page and the reference import): verified, with its
 * pinyin search keys. Not yet saved.
 */
export function newOrganization(manager: EntityManager, dto: CreateOrganizationDto): OrganizationEntity {
  return manager.create(OrganizationEntity, {
    nameZh: dto.nameZh,
    nameEn: dto.nameEn ?? null,
    shortName: dto.shortName ?? null,
    kind: dto.kind,
    areaCode: dto.areaCode,
    address: dto.address ?? null,
    creditCode: dto.creditCode ?? null,
    verified: true,
    isHighTech: dto.isHighTech ?? false,
    isSpecialized: dto.isSpecialized ?? false,
    isKeyMonitored: dto.isKeyMonitored ?? false,
    ...pinyinKeys(dto.nameZh),
  });
}
