import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ParseIdOrCodePipe } from '../../common/http/id-or-code';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { DealCollaborationService } from './deal-collaboration.service';
import { DealQueriesService } from './deal-queries.service';
import { DealTransitionsService } from './deal-transitions.service';
import { DealsService } from './deals.service';
import { AcceptNdaDto, AnswerOfferDto, DealMessageDto, DealOfferDto, NdaAcceptanceDto, PostMessageDto, ProposeOfferDto } from './dto/collaboration.dto';
import { DealBoardDto, DealDetailDto, DealEventDto, DealListDto, DealTransitionResultDto } from './dto/deal-response.dto';
import { BoardQueryDto, CreateDealDto, ListDealsQueryDto, ParticipantInputDto, TransitionDealDto, UpdateDealDto } from './dto/deal-write.dto';
import { NdaService } from './nda.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

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
