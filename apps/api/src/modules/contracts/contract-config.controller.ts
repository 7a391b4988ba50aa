import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Authenticated } from '../../common/decorators/public.decorator';
import { DomainException } from '../../common/exceptions/domain.exception';
import { ContractConfigService } from './contract-config.service';
import { ContractTypeDto, RegistrationFieldDto } from './dto/contract-response.dto';
import { UpsertContractTypeDto, UpsertRegistrationFieldDto } from './dto/contract-write.dto';

class ConfigQueryDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  includeInactive = false;
}

const CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/;
const KEY = /^[a-z][A-Za-z0-9]*$/;

/** Contract types and registration fields: data, read by forms, edited by administrators. */
@ApiTags('contracts')
@Controller()
export class ContractConfigController {
  constructor(private readonly config: ContractConfigService) {}

  @Get('contract-types')
  @Authenticated(null)
  @ApiOkResponse({ type: [ContractTypeDto] })
  types(@Query() query: ConfigQueryDto): Promise<ContractTypeDto[]> {
    return this.config.types(query.includeInactive);
  }

  @Put('contract-types/:code')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: ContractTypeDto, description: 'Creates or updates a type (codes are dotted: TRANSFER.PATENT)' })
  upsertType(@Param('code') code: string, @Body() dto: UpsertContractTypeDto): Promise<ContractTypeDto> {
    return this.config.upsertType(assertPattern(code, CODE), dto);
  }

  @Get('registration-fields')
  @Authenticated(null)
  @ApiOkResponse({ type: [RegistrationFieldDto] })
  fields(@Query() query: ConfigQueryDto): Promise<RegistrationFieldDto[]> {
    return this.config.fields(query.includeInactive);
  }

  @Put('registration-fields/:key')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: RegistrationFieldDto })
  upsertField(@Param('key') key: string, @Body() dto: UpsertRegistrationFieldDto): Promise<RegistrationFieldDto> {
    return this.config.upsertField(assertPattern(key, KEY), dto);
  }
}

function assertPattern(value: string, pattern: RegExp): string {
  if (value.length > 40 || !pattern.test(value)) throw DomainException.validation([{ field: 'code', constraint: 'matches', args: [] }]);
  return value;
}
