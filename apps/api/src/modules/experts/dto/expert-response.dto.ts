import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ExpertAvailability,
  ExpertContact,
  ExpertCooperationMode,
  ExpertDetail,
  ExpertFacetBucket,
  ExpertFacets,
  ExpertList,
  ExpertMatch,
  ExpertMatchList,
  ExpertSummary,
  ExpertTitle,
  LaboratoryDetail,
  LaboratoryKind,
  LaboratoryList,
  LaboratoryMatch,
  LaboratoryMatchList,
  LaboratorySummary,
  PeopleMatchReason,
  ResearchOutput,
  ResearchOutputKind,
} from '@xkx/contracts';

export class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
}

export class LaboratoryRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
}

export class ResearchOutputResponseDto implements ResearchOutput {
  @ApiProperty({ enum: Object.values(ResearchOutputKind) }) kind!: ResearchOutputKind;
  @ApiProperty() title!: string;
  @ApiPropertyOptional() ref?: string;
  @ApiPropertyOptional() year?: number;
}

export class ExpertContactDto implements ExpertContact {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class ExpertSummaryDto implements ExpertSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: Object.values(ExpertTitle) }) title!: ExpertTitle;
  @ApiProperty({ type: OrganizationRefDto }) organization!: OrganizationRefDto;
  @ApiProperty({ type: LaboratoryRefDto, nullable: true }) laboratory!: LaboratoryRefDto | null;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty() directions!: string;
  @ApiProperty({ enum: Object.values(ExpertCooperationMode), isArray: true }) cooperationModes!: ExpertCooperationMode[];
  @ApiProperty({ enum: Object.values(ExpertAvailability) }) availability!: ExpertAvailability;
  @ApiProperty() verified!: boolean;
}

export class ExpertDetailDto extends ExpertSummaryDto implements ExpertDetail {
  @ApiProperty() bio!: string;
  @ApiProperty({ type: [ResearchOutputResponseDto] }) outputs!: ResearchOutputResponseDto[];
  @ApiProperty({ type: ExpertContactDto, nullable: true, description: 'Brokers and the expert only' }) contact!: ExpertContactDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty() version!: number;
}

export class ExpertFacetBucketDto implements ExpertFacetBucket {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
  @ApiPropertyOptional() label?: string;
}

export class ExpertFacetsDto implements ExpertFacets {
  @ApiProperty({ type: [ExpertFacetBucketDto] }) field!: ExpertFacetBucketDto[];
  @ApiProperty({ type: [ExpertFacetBucketDto] }) organization!: ExpertFacetBucketDto[];
  @ApiProperty({ type: [ExpertFacetBucketDto] }) title!: ExpertFacetBucketDto[];
  @ApiProperty({ type: [ExpertFacetBucketDto] }) mode!: ExpertFacetBucketDto[];
}

export class ExpertListDto implements ExpertList {
  @ApiProperty({ type: [ExpertSummaryDto] }) items!: ExpertSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: ExpertFacetsDto }) facets!: ExpertFacetsDto;
}

export class LaboratorySummaryDto implements LaboratorySummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: Object.values(LaboratoryKind) }) kind!: LaboratoryKind;
  @ApiProperty({ type: OrganizationRefDto }) organization!: OrganizationRefDto;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty() directions!: string;
  @ApiProperty({ type: String, nullable: true }) headName!: string | null;
  @ApiProperty() memberCount!: number;
}

export class LaboratoryDetailDto extends LaboratorySummaryDto implements LaboratoryDetail {
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [ResearchOutputResponseDto] }) outputs!: ResearchOutputResponseDto[];
  @ApiProperty({ type: [ExpertSummaryDto] }) members!: ExpertSummaryDto[];
  @ApiProperty() version!: number;
}

export class LaboratoryListDto implements LaboratoryList {
  @ApiProperty({ type: [LaboratorySummaryDto] }) items!: LaboratorySummaryDto[];
  @ApiProperty() total!: number;
}

export class PeopleMatchReasonDto implements PeopleMatchReason {
  @ApiProperty({ enum: ['field', 'terms', 'title', 'availability', 'outputs'] }) kind!: PeopleMatchReason['kind'];
  @ApiProperty({ type: [String] }) values!: string[];
}

export class ExpertMatchDto implements ExpertMatch {
  @ApiProperty({ type: ExpertSummaryDto }) expert!: ExpertSummaryDto;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [PeopleMatchReasonDto] }) reasons!: PeopleMatchReasonDto[];
}

export class LaboratoryMatchDto implements LaboratoryMatch {
  @ApiProperty({ type: LaboratorySummaryDto }) laboratory!: LaboratorySummaryDto;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [PeopleMatchReasonDto] }) reasons!: PeopleMatchReasonDto[];
}

export class ExpertMatchListDto implements ExpertMatchList {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ type: [ExpertMatchDto] }) items!: ExpertMatchDto[];
}

export class LaboratoryMatchListDto implements LaboratoryMatchList {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ type: [LaboratoryMatchDto] }) items!: LaboratoryMatchDto[];
}
