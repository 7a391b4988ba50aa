import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ParseIdOrCodePipe } from '../../common/http/id-or-code';
import { ContractAmendmentsService } from './contract-amendments.service';
import { ContractRegistrationService } from './contract-registration.service';
import { ContractsService } from './contracts.service';
import { ContractDto, ContractListDto } from './dto/contract-response.dto';
import { AmendContractDto, CreateContractDto, ListContractsQueryDto, RecordPaymentDto, UpdateContractDto, UpdateRegistrationDto } from './dto/contract-write.dto';

/** Technology contracts (技术合同): brokers record them (contract:manage); deal parties read their own. */
@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly registration: ContractRegistrationService,
    private readonly amendments: ContractAmendmentsService,
  ) {}

  @Get()
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiOkResponse({ type: ContractListDto })
  list(@Query() query: ListContractsQueryDto): Promise<ContractListDto> {
    return this.contracts.list(query);
  }

  @Post()
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiCreatedResponse({ type: ContractDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Unknown type, costs above the contract amount, a schedule that does not add up to the fen …' })
  async create(@Body() dto: CreateContractDto, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    return this.contracts.get(await this.contracts.create(dto, user), user);
  }

  @Get(':id')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: ContractDto })
  @ApiParam({ name: 'id', description: 'uuid or code (C2026-000042)' })
  get(@Param('id', new ParseIdOrCodePipe('C')) ref: string, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    return this.contracts.get(ref, user);
  }

  @Patch(':id')
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiOkResponse({ type: ContractDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version' })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateContractDto, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    await this.contracts.update(id, dto, user);
    return this.contracts.get(id, user);
  }

  @Post(':id/payments')
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiCreatedResponse({ type: ContractDto, description: 'The contract with its payments and amounts' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'PAYMENT_EXCEEDS_CONTRACT: received may not exceed the contract amount' })
  async pay(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordPaymentDto, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    await this.contracts.recordPayment(id, dto, user);
    return this.contracts.get(id, user);
  }

  @Post(':id/amendments')
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiCreatedResponse({ type: ContractDto, description: 'The contract with its amendments and today’s values' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CONTRACT_AMENDMENT_NOT_ALLOWED (not registered), CONTRACT_CHAIN_INCOMPLETE, or a stale version' })
  async amend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AmendContractDto, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    await this.amendments.amend(id, dto, user);
    return this.contracts.get(id, user);
  }

  @Put(':id/registration')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.CONTRACT_MANAGE)
  @ApiOkResponse({ type: ContractDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed from the current registration status, or a stale version' })
  async register(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRegistrationDto, @CurrentUser() user: AuthUser): Promise<ContractDto> {
    await this.registration.update(id, dto, user);
    return this.contracts.get(id, user);
  }
}
