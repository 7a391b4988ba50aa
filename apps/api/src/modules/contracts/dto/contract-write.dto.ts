import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { AmendmentInput, AmendmentPartyInput, ContractInput, ContractListQuery, ContractPartyInput, ContractUpdate, Installment, LegalPersonType, PaymentInput, RegistrationFieldType, RegistrationInput, RegistrationStatus } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { DATE_ONLY, IsAreaCode, IsCreditCode, IsFen } from '../../../common/validation/validators';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { trim } from '../../../common/validation/transforms';

export class ContractPartyDto implements ContractPartyInput {
  @ApiProperty({ example: '南京大学' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '统一社会信用代码; omit for natural persons' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsCreditCode() creditCode?: string | null;
  @ApiProperty({ example: '320113', description: 'GB/T 2260' }) @IsAreaCode() areaCode!: string;
  @ApiProperty({ enum: Object.values(LegalPersonType) }) @IsEnum(LegalPersonType) legalPersonType!: LegalPersonType;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class InstallmentDto implements Installment {
  @ApiProperty({ example: '2026-06-30' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) dueOn!: string;
  @ApiProperty({ description: 'fen' }) @IsFen() amountFen!: number;
  @ApiProperty({ example: '合同生效后 30 日内支付首付款' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) description!: string;
}

export class CreateContractDto implements ContractInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'The deal it closes (required: a contract exists only once its deal agreed terms); its parties fill seller and buyer when omitted' }) @IsOptional() @IsUUID() dealId?: string;
  @ApiPropertyOptional({ description: 'Administrators only: why the contract is signed before the public notice ended (recorded on the deal)' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) overrideReason?: string;
  @ApiPropertyOptional({ example: 'NJU-2026-JS-0042' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(60) contractNo?: string;
  @ApiProperty({ example: 'LICENSE.PATENT', description: 'A contract type (GET /api/contract-types); a type with subtypes needs a subtype' }) @IsString() @MaxLength(40) typeCode!: string;
  @ApiProperty({ example: '高镍三元正极材料表面包覆改性技术专利实施许可' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) projectName!: string;
  @ApiProperty({ example: '2026-03-18' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) signedOn!: string;
  @ApiProperty({ example: '2026-03-18' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) termStart!: string;
  @ApiProperty({ example: '2031-03-17' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) termEnd!: string;
  @ApiPropertyOptional({ type: ContractPartyDto, description: '卖方; default: the deal’s institution' }) @IsOptional() @ValidateNested() @Type(() => ContractPartyDto) seller?: ContractPartyDto;
  @ApiPropertyOptional({ type: ContractPartyDto, description: '买方; default: the deal’s enterprise' }) @IsOptional() @ValidateNested() @Type(() => ContractPartyDto) buyer?: ContractPartyDto;
  @ApiProperty({ description: '合同成交额, fen', example: 123456789 }) @IsFen() contractAmountFen!: number;
  @ApiPropertyOptional({ description: '非技术性费用, fen (default 0)', example: 3456780 }) @IsOptional() @IsFen() nonTechnicalCostFen?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '预计新增投资, fen (transfers and licences)' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsFen() expectedInvestmentFen?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '预计新增产值, fen (transfers and licences)' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsFen() expectedOutputFen?: number | null;
  @ApiPropertyOptional({ type: [InstallmentDto], description: 'Payment schedule; adds up to the contract amount' }) @IsOptional() @IsArray() @ArrayMaxSize(60) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => InstallmentDto) schedule?: InstallmentDto[];
}

export class UpdateContractDto extends PartialType(OmitType(CreateContractDto, ['dealId', 'overrideReason'] as const)) implements ContractUpdate {
  @ApiProperty({ description: 'The version you read; stale → 409' }) @IsInt() @Min(1) version!: number;
}

export class AmendPartyDto implements AmendmentPartyInput {
  @ApiPropertyOptional({ example: '南京大学' }) @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '统一社会信用代码; null for a natural person' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsCreditCode() creditCode?: string | null;
  @ApiPropertyOptional({ example: '320113' }) @IsOptional() @IsAreaCode() areaCode?: string;
}

/** A correction of a registered contract's frozen values: only what changes, with why and from when. */
export class AmendContractDto implements AmendmentInput {
  @ApiProperty({ description: 'The contract’s version; stale → 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '2026-05-01', description: 'The ledger uses the new values from this day on' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) effectiveOn!: string;
  @ApiProperty({ example: '补充协议：增加中试验收服务，合同金额调整' }) @Transform(trim) @IsString() @MinLength(4) @MaxLength(2000) reason!: string;
  @ApiPropertyOptional({ description: '合同成交额, fen' }) @IsOptional() @IsFen() contractAmountFen?: number;
  @ApiPropertyOptional({ description: '非技术性费用, fen' }) @IsOptional() @IsFen() nonTechnicalCostFen?: number;
  @ApiPropertyOptional({ example: 'LICENSE.PATENT' }) @IsOptional() @IsString() @MaxLength(40) typeCode?: string;
  @ApiPropertyOptional({ type: AmendPartyDto }) @IsOptional() @ValidateNested() @Type(() => AmendPartyDto) seller?: AmendPartyDto;
  @ApiPropertyOptional({ type: AmendPartyDto }) @IsOptional() @ValidateNested() @Type(() => AmendPartyDto) buyer?: AmendPartyDto;
}

export class RecordPaymentDto implements PaymentInput {
  @ApiProperty({ example: '2026-04-02' }) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) receivedOn!: string;
  @ApiProperty({ description: 'fen, > 0', example: 61728395 }) @IsFen() @Min(1) amountFen!: number;
  @ApiProperty({ example: '中国银行回单 No. 2026040212345' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(500) evidenceNote!: string;
}

export class UpdateRegistrationDto implements RegistrationInput {
  @ApiProperty({ description: 'The contract’s version; stale → 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ enum: Object.values(RegistrationStatus) }) @IsEnum(RegistrationStatus) status!: RegistrationStatus;
  @ApiPropertyOptional({ example: '2026320113000042', description: 'Required to register: 16 digits' }) @IsOptional() @IsString() @MaxLength(16) registrationNumber?: string;
  @ApiPropertyOptional({ description: '核定技术性收入额, fen; required to register' }) @IsOptional() @IsFen() registeredIncomeFen?: number;
  @ApiPropertyOptional({ example: '2026-03-20', description: 'Default: today (Asia/Shanghai)' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_ONLY) submittedOn?: string;
  @ApiPropertyOptional({ example: '2026-04-10', description: 'Registered or refused on; default today' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_ONLY) decidedOn?: string;
  @ApiPropertyOptional({ description: 'Required when refused (the reason)' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Values of the configured registration fields, by key', example: { technicalField: '新材料', ipType: '发明专利' } })
  @IsOptional() @IsObject() extra?: Record<string, string | number | boolean>;
}

export class ListContractsQueryDto extends PageQueryDto implements ContractListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() dealId?: string;
  @ApiPropertyOptional({ enum: Object.values(RegistrationStatus) }) @IsOptional() @IsEnum(RegistrationStatus) registrationStatus?: RegistrationStatus;
  @ApiPropertyOptional({ example: 'TRANSFER', description: 'Type or its subtypes' }) @IsOptional() @IsString() @MaxLength(40) typeCode?: string;
}

export class UpsertContractTypeDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(40) parentCode?: string | null;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(100) nameZh!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) nameEn!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() asksInvestment?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sort?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertRegistrationFieldDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) labelZh!: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) labelEn!: string;
  @ApiProperty({ enum: Object.values(RegistrationFieldType) }) @IsEnum(RegistrationFieldType) valueType!: RegistrationFieldType;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Contract type codes (prefixes) it applies to; empty: all' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) contractTypes?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Choices of a CHOICE field' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) options?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sort?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}
