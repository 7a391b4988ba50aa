import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ParseIdOrCodePipe } from '../../common/http/id-or-code';
import { CarriersService } from './carriers.service';
import { CarrierDetailDto, CarrierListDto, CreateCarrierDto, ListCarriersQueryDto, UpdateCarrierDto } from './dto/carrier.dto';
import { DealLandingDto, PutLandingDto } from './dto/landing.dto';
import { LandingsService } from './landings.service';

/** 科创载体: a public directory; brokers and admins keep it (carrier:manage). */
@ApiTags('carriers')
@Controller('carriers')
export class CarriersController {
  constructor(private readonly carriers: CarriersService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: CarrierListDto, description: 'Active carriers, most available area first' })
  list(@Query() q: ListCarriersQueryDto): Promise<CarrierListDto> {
    return this.carriers.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CarrierDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CarrierDetailDto> {
    return this.carriers.get(id);
  }

  @Post()
  @Authenticated(Permission.CARRIER_MANAGE)
  @ApiCreatedResponse({ type: CarrierDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name already used (CARRIER_NAME_TAKEN)' })
  create(@Body() dto: CreateCarrierDto, @CurrentUser() user: AuthUser): Promise<CarrierDetailDto> {
    return this.carriers.create(dto, user);
  }

  @Patch(':id')
  @Authenticated(Permission.CARRIER_MANAGE)
  @ApiOkResponse({ type: CarrierDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (VERSION_CONFLICT) or name taken' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateCarrierDto, @CurrentUser() user: AuthUser): Promise<CarrierDetailDto> {
    return this.carriers.update(id, dto, user);
  }
}

/** A deal's landing (项目落地): its people read it; brokers record it once the contract is signed. */
@ApiTags('deals')
@Controller('deals')
export class DealLandingController {
  constructor(private readonly landings: LandingsService) {}

  @Get(':id/landing')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiParam({ name: 'id', description: 'uuid or code (D2026-000004)' })
  @ApiOkResponse({ type: DealLandingDto, description: 'landing: null until a broker records it' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseIdOrCodePipe('D')) ref: string, @CurrentUser() user: AuthUser): Promise<DealLandingDto> {
    return this.landings.get(ref, user);
  }

  @Put(':id/landing')
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealLandingDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Field errors: unknown carrier, landed before the contract was signed or in the future' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The deal has not reached contract signed (LANDING_DEAL_NOT_SIGNED), or a stale version' })
  put(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PutLandingDto, @CurrentUser() user: AuthUser): Promise<DealLandingDto> {
    return this.landings.put(id, dto, user);
  }
}
