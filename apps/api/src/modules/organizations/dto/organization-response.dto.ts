import { ApiProperty } from '@nestjs/swagger';
import { OrganizationDetail, OrganizationKind, OrganizationList, OrganizationSummary } from '@xkx/contracts';
import { OrganizationEntity } from '../organization.entity';

export class OrganizationResponseDto implements OrganizationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '南京大学' }) nameZh!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Nanjing University' }) nameEn!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '南大' }) shortName!: string | null;
  @ApiProperty({ enum: Object.values(OrganizationKind) }) kind!: OrganizationKind;
  @ApiProperty({ example: '320113', description: 'GB/T 2260 area code' }) areaCode!: string;
  @ApiProperty() verified!: boolean;
  /** The name the web's addresses use for an organization (uuids stay out of them); public, like the detail. */
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码' }) creditCode!: string | null;

  static from(entity: OrganizationEntity): OrganizationResponseDto {
    return Object.assign(new OrganizationResponseDto(), {
      id: entity.id,
      nameZh: entity.nameZh,
      nameEn: entity.nameEn,
      shortName: entity.shortName,
      kind: entity.kind,
      areaCode: entity.areaCode,
      verified: entity.verified,
      creditCode: entity.creditCode,
    });
  }
}

export class OrganizationDetailDto extends OrganizationResponseDto implements OrganizationDetail {
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() isHighTech!: boolean;
  @ApiProperty() isSpecialized!: boolean;
  @ApiProperty() isKeyMonitored!: boolean;
  @ApiProperty({ type: String, nullable: true }) highTechCertNo!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) highTechIssuedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) highTechExpiresOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) specializedCertNo!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) specializedIssuedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) specializedExpiresOn!: string | null;
  @ApiProperty() version!: number;

  static detail(entity: OrganizationEntity): OrganizationDetailDto {
    return Object.assign(new OrganizationDetailDto(), OrganizationResponseDto.from(entity), {
      address: entity.address,
      isHighTech: entity.isHighTech,
      isSpecialized: entity.isSpecialized,
      isKeyMonitored: entity.isKeyMonitored,
      highTechCertNo: entity.highTechCertNo,
      highTechIssuedOn: entity.highTechIssuedOn,
      highTechExpiresOn: entity.highTechExpiresOn,
      specializedCertNo: entity.specializedCertNo,
      specializedIssuedOn: entity.specializedIssuedOn,
      specializedExpiresOn: entity.specializedExpiresOn,
      version: entity.version,
    });
  }
}

export class OrganizationListResponseDto implements OrganizationList {
  @ApiProperty({ type: [OrganizationResponseDto] }) items!: OrganizationResponseDto[];
  @ApiProperty() total!: number;
}
