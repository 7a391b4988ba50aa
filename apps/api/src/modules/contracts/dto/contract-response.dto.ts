import { ApiProperty } from '@nestjs/swagger';
import { Contract, ContractAmendment, ContractAmendmentChange, ContractAmounts, ContractList, ContractParty, ContractRegistration, ContractType, Installment, LegalPersonType, Payment, RegistrationField, RegistrationFieldType, RegistrationStatus } from '@xkx/contracts';

export class ContractTypeDto implements ContractType {
  @ApiProperty({ example: 'TRANSFER.PATENT' }) code!: string;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty() nameZh!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() asksInvestment!: boolean;
  @ApiProperty() sort!: number;
  @ApiProperty() active!: boolean;
}

export class RegistrationFieldDto implements RegistrationField {
  @ApiProperty() key!: string;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ enum: Object.values(RegistrationFieldType) }) valueType!: RegistrationFieldType;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [String] }) contractTypes!: string[];
  @ApiProperty({ type: [String] }) options!: string[];
  @ApiProperty() sort!: number;
  @ApiProperty() active!: boolean;
}

export class ContractPartyResponseDto implements ContractParty {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) creditCode!: string | null;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ enum: Object.values(LegalPersonType) }) legalPersonType!: LegalPersonType;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) organizationId!: string | null;
}

export class ContractAmountsDto implements ContractAmounts {
  @ApiProperty({ description: '合同成交额, fen' }) contractAmountFen!: number;
  @ApiProperty({ description: '非技术性费用, fen' }) nonTechnicalCostFen!: number;
  @ApiProperty({ description: '技术交易额 = 合同成交额 − 非技术性费用, fen' }) technicalAmountFen!: number;
  @ApiProperty({ description: '实际到账 (sum of payments), fen' }) receivedFen!: number;
  @ApiProperty({ description: 'contract − received, fen' }) outstandingFen!: number;
}

export class InstallmentResponseDto implements Installment {
  @ApiProperty() dueOn!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty() description!: string;
}

export class PaymentResponseDto implements Payment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() receivedOn!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty() evidenceNote!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) recordedById!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RegistrationResponseDto implements ContractRegistration {
  @ApiProperty({ enum: Object.values(RegistrationStatus) }) status!: RegistrationStatus;
  @ApiProperty({ type: String, nullable: true }) registrationNumber!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '核定技术性收入额, fen' }) registeredIncomeFen!: number | null;
  @ApiProperty({ type: String, nullable: true }) submittedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) extra!: Record<string, string | number | boolean>;
}

export class AmendmentChangeDto implements ContractAmendmentChange {
  @ApiProperty({ example: 'contractAmountFen', description: 'contractAmountFen, nonTechnicalCostFen, technicalAmountFen, typeCode, seller.name, seller.creditCode, seller.areaCode, buyer.…' }) field!: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }], description: 'fen for amounts' }) before!: string | number | null;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }] }) after!: string | number | null;
}

export class AmendmentAuthorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** A recorded correction of a registered contract: who, when, why, from which day, before → after. */
export class ContractAmendmentDto implements ContractAmendment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The ledger uses the new values from this day on' }) effectiveOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: AmendmentAuthorDto, nullable: true }) author!: AmendmentAuthorDto | null;
  @ApiProperty({ description: 'When it was recorded' }) createdAt!: string;
  @ApiProperty({ type: [AmendmentChangeDto] }) changes!: AmendmentChangeDto[];
}

export class ContractDto implements Contract {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C2026-000042' }) code!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty({ type: String, nullable: true }) contractNo!: string | null;
  @ApiProperty({ type: ContractTypeDto }) type!: ContractTypeDto;
  @ApiProperty() projectName!: string;
  @ApiProperty() signedOn!: string;
  @ApiProperty() termStart!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty({ type: ContractPartyResponseDto }) seller!: ContractPartyResponseDto;
  @ApiProperty({ type: ContractPartyResponseDto }) buyer!: ContractPartyResponseDto;
  @ApiProperty({ type: ContractAmountsDto, description: 'As in effect today (registered values plus amendments effective by today)' }) amounts!: ContractAmountsDto;
  @ApiProperty({ type: [ContractAmendmentDto], description: 'Corrections of a registered contract, oldest first' }) amendments!: ContractAmendmentDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) expectedInvestmentFen!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'fen' }) expectedOutputFen!: number | null;
  @ApiProperty({ type: [InstallmentResponseDto] }) schedule!: InstallmentResponseDto[];
  @ApiProperty({ type: [PaymentResponseDto] }) payments!: PaymentResponseDto[];
  @ApiProperty({ type: RegistrationResponseDto }) registration!: RegistrationResponseDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ContractListDto implements ContractList {
  @ApiProperty({ type: [ContractDto] }) items!: ContractDto[];
  @ApiProperty() total!: number;
}
