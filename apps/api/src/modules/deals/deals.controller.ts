import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Locale, Permission } from '@xkx/contracts';
import type { Response } from 'express';
import { applyEach } from '../../common/bulk/apply-each';
import { BulkResultDto, RequestLocale } from '../../common/bulk/bulk.dto';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ParseIdOrCodePipe } from '../../common/http/id-or-code';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { DealCollaborationService } from './deal-collaboration.service';
import { DealExportService } from './deal-export.service';
import { DealQueriesService } from './deal-queries.service';
import { DealTransitionsService } from './deal-transitions.service';
import { DealsService } from './deals.service';
import { AcceptNdaDto, AnswerOfferDto, DealMessageDto, DealOfferDto, NdaAcceptanceDto, PostMessageDto, ProposeOfferDto } from './dto/collaboration.dto';
import { DealBoardDto, DealDetailDto, DealEventDto, DealListDto, DealTransitionResultDto } from './dto/deal-response.dto';
import { BoardQueryDto, BulkReassignDto, CreateDealDto, DealFilterQueryDto, ListDealsQueryDto, ParticipantInputDto, TransitionDealDto, UpdateDealDto } from './dto/deal-write.dto';
import { NdaService } from './nda.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Deals (撮合项目): brokers carry them (deal:manage); the parties they let in take part (deal:participate). */
@ApiTags('deals')
@Controller('deals')
export class DealsController {
  constructor(
    private readonly deals: DealsService,
    private readonly queries: DealQueriesService,
    private readonly transitions: DealTransitionsService,
    private readonly collaboration: DealCollaborationService,
    private readonly nda: NdaService,
    private readonly exporter: DealExportService,
  ) {}

  @Get()
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: DealListDto, description: 'Brokers: all deals; parties: their own. Overdue next actions first.' })
  list(@Query() query: ListDealsQueryDto, @CurrentUser() user: AuthUser): Promise<DealListDto> {
    return this.queries.list(query, user);
  }

  @Get('board')
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealBoardDto, description: 'Cards in stage columns, with the columns each may be dropped on' })
  board(@Query() query: BoardQueryDto, @CurrentUser() user: AuthUser): Promise<DealBoardDto> {
    return this.queries.board(query, user);
  }

  /** The broker's deal list as Excel: the filters and order of GET /api/deals, at most 5,000 rows. */
  @Get('export.xlsx')
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook of the listed deals', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: DealFilterQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { buffer, rows } = await this.exporter.export(query, user);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('X-Row-Count', String(rows));
    res.setHeader('Content-Disposition', `attachment; filename="deals.xlsx"; filename*=UTF-8''${encodeURIComponent('撮合项目.xlsx')}`);
    res.send(buffer);
  }

  /** Hands several deals to one broker, each through the same reassignment (own transaction, audit, timeline). */
  @Post('bulk-reassign')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: BulkResultDto, description: 'Per deal: ok with its new version, or the error (stale version, closed deal, not a broker …)' })
  bulkReassign(@Body() dto: BulkReassignDto, @CurrentUser() user: AuthUser, @RequestLocale() locale: Locale): Promise<BulkResultDto> {
    return applyEach(dto.items, locale, (item) => this.deals.reassign(item.id, dto.brokerId, item.version, user));
  }

  @Post()
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiCreatedResponse({ type: DealDetailDto, description: 'A deal at LEAD; the creating broker carries it' })
  async create(@Body() dto: CreateDealDto, @CurrentUser() user: AuthUser): Promise<DealDetailDto> {
    return this.queries.detail(await this.deals.create(dto, user), user);
  }

  @Get(':id')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: DealDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such deal, or the caller is not in it' })
  @ApiParam({ name: 'id', description: 'uuid or code (D2026-000004)' })
  get(@Param('id', new ParseIdOrCodePipe('D')) ref: string, @CurrentUser() user: AuthUser): Promise<DealDetailDto> {
    return this.queries.detail(ref, user);
  }

  @Patch(':id')
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (with currentVersion), or the deal is closed' })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDealDto, @CurrentUser() user: AuthUser): Promise<DealDetailDto> {
    await this.deals.update(id, dto, user);
    return this.queries.detail(id, user);
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealTransitionResultDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Illegal move (DEAL_TRANSITION_NOT_ALLOWED, with allowedStages), a guard (contract, NDA, public notice …), or a stale version' })
  transition(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDealDto, @CurrentUser() user: AuthUser): Promise<DealTransitionResultDto> {
    return this.transitions.move(id, dto, user);
  }

  @Get(':id/timeline')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: [DealEventDto] })
  timeline(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DealEventDto[]> {
    return this.queries.timeline(id, user);
  }

  @Post(':id/participants')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiNoContentResponse({ description: 'The user is in the deal (idempotent)' })
  addParticipant(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ParticipantInputDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.deals.addParticipant(id, dto, user);
  }

  @Get(':id/messages')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: [DealMessageDto] })
  messages(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DealMessageDto[]> {
    return this.collaboration.messages(id, user);
  }

  @Post(':id/messages')
  @RateLimit('messages')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiCreatedResponse({ type: DealMessageDto, description: 'Everyone else in the deal is notified (in app and by mail)' })
  post(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PostMessageDto, @CurrentUser() user: AuthUser): Promise<DealMessageDto> {
    return this.collaboration.post(id, dto, user);
  }

  @Get(':id/offers')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: [DealOfferDto] })
  offers(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DealOfferDto[]> {
    return this.collaboration.offers(id, user);
  }

  @Post(':id/offers')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiCreatedResponse({ type: DealOfferDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not negotiating' })
  propose(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ProposeOfferDto, @CurrentUser() user: AuthUser): Promise<DealOfferDto> {
    return this.collaboration.propose(id, dto, user);
  }

  @Post(':id/offers/:offerId/accept')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: DealOfferDto, description: 'Sets the deal’s agreed price' })
  accept(@Param('id', ParseUUIDPipe) id: string, @Param('offerId', ParseUUIDPipe) offerId: string, @Body() dto: AnswerOfferDto, @CurrentUser() user: AuthUser): Promise<DealOfferDto> {
    return this.collaboration.answer(id, offerId, true, dto, user);
  }

  @Post(':id/offers/:offerId/decline')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: DealOfferDto })
  decline(@Param('id', ParseUUIDPipe) id: string, @Param('offerId', ParseUUIDPipe) offerId: string, @Body() dto: AnswerOfferDto, @CurrentUser() user: AuthUser): Promise<DealOfferDto> {
    return this.collaboration.answer(id, offerId, false, dto, user);
  }

  @Post(':id/nda/accept')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: NdaAcceptanceDto, description: 'Records version, time and address; from now on the other side’s confidential detail is visible to the caller' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Interest not confirmed yet, or an outdated NDA version' })
  acceptNda(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AcceptNdaDto, @CurrentUser() user: AuthUser, @Meta() meta: RequestMeta): Promise<NdaAcceptanceDto> {
    return this.nda.accept(id, dto.version, user, meta, dto.textHash);
  }
}
