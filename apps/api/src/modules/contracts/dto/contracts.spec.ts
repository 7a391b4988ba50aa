import { readFileSync } from 'node:fs';
import type {
  AmendmentInput,
  AmendmentPartyInput,
  Contract,
  ContractAmendment,
  ContractAmendmentChange,
  ContractAmounts,
  ContractInput,
  ContractList,
  ContractListQuery,
  ContractParty,
  ContractPartyInput,
  ContractRegistration,
  ContractType,
  Installment,
  Payment,
  PaymentInput,
  RegistrationField,
  RegistrationInput,
} from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  AmendmentChangeDto,
  ContractAmendmentDto,
  ContractAmountsDto,
  ContractDto,
  ContractListDto,
  ContractPartyResponseDto,
  ContractTypeDto,
  InstallmentResponseDto,
  PaymentResponseDto,
  RegistrationFieldDto,
  RegistrationResponseDto,
} from './contract-response.dto';
import type {
  AmendContractDto,
  AmendPartyDto,
  ContractPartyDto,
  CreateContractDto,
  InstallmentDto,
  ListContractsQueryDto,
  RecordPaymentDto,
  UpdateRegistrationDto,
} from './contract-write.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<ContractTypeDto, ContractType>(true);
exact<RegistrationFieldDto, RegistrationField>(true);
exact<ContractPartyResponseDto, ContractParty>(true);
exact<ContractAmountsDto, ContractAmounts>(true);
exact<InstallmentResponseDto, Installment>(true);
exact<PaymentResponseDto, Payment>(true);
exact<RegistrationResponseDto, ContractRegistration>(true);
exact<AmendmentChangeDto, ContractAmendmentChange>(true);
exact<ContractAmendmentDto, ContractAmendment>(true);
exact<ContractDto, Contract>(true);
exact<ContractListDto, ContractList>(true);
exact<ContractPartyDto, ContractPartyInput>(true);
exact<InstallmentDto, Installment>(true);
exact<CreateContractDto, ContractInput>(true);
exact<AmendPartyDto, AmendmentPartyInput>(true);
exact<AmendContractDto, AmendmentInput>(true);
exact<RecordPaymentDto, PaymentInput>(true);
exact<UpdateRegistrationDto, RegistrationInput>(true);
exactQuery<ListContractsQueryDto, ContractListQuery>(true);

describe('contracts/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
