import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import {
  AnswerInstrumentRequestDto, CreateInstrumentDto, CreateInstrumentRequestDto, InstrumentDto, InstrumentListDto, InstrumentRequestDto, InstrumentRequestListDto, ListInstrumentRequestsQueryDto, ListInstrumentsQueryDto, UpdateInstrumentDto,
} from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';

/** 大型科研仪器共享: public list and detail; the laboratory's organization or a broker keeps them. */
@ApiTags('instruments')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: InstrumentListDto })
  list(@Query() q: ListInstrumentsQueryDto): Promise<InstrumentListDto> {
    return this.instruments.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: InstrumentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<InstrumentDto> {
    return this.instruments.get(id);
  }

  @Post()
  @Authenticated(Permission.INSTRUMENT_MANAGE)
  @ApiCreatedResponse({ type: InstrumentDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the laboratory’s organization (INSTRUMENT_NOT_YOURS)' })
  create(@Body() dto: CreateInstrumentDto, @CurrentUser() user: AuthUser): Promise<InstrumentDto> {
    return this.instruments.create(dto, user);
  }

  @Patch(':id')
  @Authenticated(Permission.INSTRUMENT_MANAGE)
  @ApiOkResponse({ type: InstrumentDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateInstrumentDto, @CurrentUser() user: AuthUser): Promise<InstrumentDto> {
    return this.instruments.update(id, dto, user);
  }

  @Post(':id/requests')
  @Authenticated(Permission.INSTRUMENT_REQUEST)
  @ApiCreatedResponse({ type: InstrumentRequestDto, description: 'A request on behalf of the caller’s enterprise' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The caller has no enterprise (INSTRUMENT_REQUESTER_NOT_ENTERPRISE)' })
  request(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateInstrumentRequestDto, @CurrentUser() user: AuthUser): Promise<InstrumentRequestDto> {
    return this.instruments.request(id, dto, user);
  }
}

/** Requests to use shared instruments: the enterprise that asked and the laboratory that answers see them. */
@ApiTags('instruments')
@Controller('instrument-requests')
export class InstrumentRequestsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: InstrumentRequestListDto, description: 'Enterprises: their own; researchers: to their organization’s laboratories; brokers: all' })
  list(@Query() q: ListInstrumentRequestsQueryDto, @CurrentUser() user: AuthUser): Promise<InstrumentRequestListDto> {
    return this.instruments.listRequests(q, user);
  }

  @Get(':id')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: InstrumentRequestDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<InstrumentRequestDto> {
    return this.instruments.getRequest(id, user);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.INSTRUMENT_MANAGE)
  @ApiOkResponse({ type: InstrumentRequestDto, description: 'Accepted with a fee above 0: a 技术服务 deal is opened (dealId)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already answered (INSTRUMENT_REQUEST_ANSWERED)' })
  answer(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AnswerInstrumentRequestDto, @CurrentUser() user: AuthUser): Promise<InstrumentRequestDto> {
    return this.instruments.answer(id, dto, user);
  }
}
