import { OrganizationKind } from '@xkx/contracts';
import { QIXIA_AREA_CODE } from '@xkx/util';
import { EntityManager } from 'typeorm';
import { CreateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationEntity } from './organization.entity';
import { pinyinKeys } from '@xkx/text-zh';
import { OrganizationFacts, toOrganizationFacts } from './organization-reader';

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
    highTechCertNo: dto.highTechCertNo ?? null,
    highTechIssuedOn: dto.highTechIssuedOn ?? null,
    highTechExpiresOn: dto.highTechExpiresOn ?? null,
    specializedCertNo: dto.specializedCertNo ?? null,
    specializedIssuedOn: dto.specializedIssuedOn ?? null,
    specializedExpiresOn: dto.specializedExpiresOn ?? null,
    ...pinyinKeys(dto.nameZh),
  });
}

/** An enterprise a registrant names (self-registration): unverified, in Qixia, saved in the caller's transaction. */
export async function createRegisteredEnterprise(manager: EntityManager, input: { nameZh: string; creditCode: string; address: string | null }): Promise<OrganizationFacts> {
  const organization = await manager.save(
    manager.create(OrganizationEntity, {
      nameZh: input.nameZh,
      kind: OrganizationKind.ENTERPRISE,
      creditCode: input.creditCode,
      areaCode: QIXIA_AREA_CODE,
      address: input.address,
      verified: false,
      ...pinyinKeys(input.nameZh),
    }),
  );
  return toOrganizationFacts(organization);
}
