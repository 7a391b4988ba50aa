import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CultivationFigure, CultivationReport, EnterpriseStatus, ExpiringStatus, LandingBar, LandingDimension, LandingFigures, LandingKind, LandingKpi, LandingRecord, LandingRecords,
} from '@xkx/contracts';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { KpiDefinitionDto, LocalizedTextDto } from '../dto/kpi-response.dto';
import { KpiPublicQueryDto } from '../dto/kpi-query.dto';

/** year and view (default: registered, like the ledger). */
export class LandingQueryDto extends KpiPublicQueryDto {}

export class LandingRecordsQueryDto extends LandingQueryDto {
  @ApiPropertyOptional({ enum: Object.values(LandingDimension), description: 'With key: the landings of one bar' })
  @IsOptional() @IsEnum(LandingDimension)
  dimension?: LandingDimension;

  @ApiPropertyOptional({ description: 'The bar: a carrier id, a top-level field code, or "none"' })
  @ValidateIf((q: LandingRecordsQueryDto) => q.dimension !== undefined) @IsString() @MaxLength(60)
  key?: string;

  @PageLimit(500, 5000) limit = 500;
  @PageOffset() offset = 0;
}

export class LandingFiguresDto implements LandingFigures {
  @ApiProperty() landings!: number;
  @ApiProperty({ description: 'm²' }) areaM2!: number;
  @ApiProperty() jobsPlanned!: number;
}

export class LandingBarDto extends LandingFiguresDto implements LandingBar {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
}

export class LandingKpiDto implements LandingKpi {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['registered', 'signed'] }) view!: 'registered' | 'signed';
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: LandingFiguresDto }) figures!: LandingFiguresDto;
  @ApiProperty({ type: [LandingBarDto] }) byCarrier!: LandingBarDto[];
  @ApiProperty({ type: [LandingBarDto] }) byField!: LandingBarDto[];
  @ApiProperty() notCounted!: number;
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
}

export class LandingRecordDto implements LandingRecord {
  @ApiProperty({ format: 'uuid' }) landingId!: string;
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() dealCode!: string;
  @ApiProperty() dealTitle!: string;
  @ApiProperty({ format: 'uuid' }) carrierId!: string;
  @ApiProperty() carrierName!: string;
  @ApiProperty({ type: String, nullable: true }) fieldCode!: string | null;
  @ApiProperty({ enum: Object.values(LandingKind) }) kind!: LandingKind;
  @ApiProperty() companyName!: string;
  @ApiProperty() areaM2!: number;
  @ApiProperty() jobsPlanned!: number;
  @ApiProperty({ format: 'date' }) landedOn!: string;
}

export class LandingRecordsDto implements LandingRecords {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['registered', 'signed'] }) view!: 'registered' | 'signed';
  @ApiProperty({ type: [LandingRecordDto] }) items!: LandingRecordDto[];
  @ApiProperty({ type: LandingFiguresDto, description: 'Over every landing of the bar (not only the page): equals the bar' }) totals!: LandingFiguresDto;
}

export class CultivationFigureDto implements CultivationFigure {
  @ApiProperty({ enum: Object.values(EnterpriseStatus) }) status!: EnterpriseStatus;
  @ApiProperty() enterprises!: number;
  @ApiProperty() contracts!: number;
  @ApiProperty({ description: 'fen' }) contractAmountFen!: number;
}

export class ExpiringStatusDto implements ExpiringStatus {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Object.values(EnterpriseStatus) }) status!: EnterpriseStatus;
  @ApiProperty({ type: String, nullable: true }) certificateNo!: string | null;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
}

export class CultivationReportDto implements CultivationReport {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['registered', 'signed'] }) view!: 'registered' | 'signed';
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [CultivationFigureDto] }) figures!: CultivationFigureDto[];
  @ApiProperty({ type: [ExpiringStatusDto] }) expiring!: ExpiringStatusDto[];
  @ApiProperty({ type: [KpiDefinitionDto] }) definitions!: KpiDefinitionDto[];
}
