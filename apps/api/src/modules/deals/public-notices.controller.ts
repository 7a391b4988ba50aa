import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { PublicNoticeDto } from './dto/deal-response.dto';
import { AnswerObjectionDto, CreateObjectionDto, ListPublicNoticesQueryDto, ObjectionDto, ObjectionReceiptDto, PublicNoticeListDto } from './dto/public-notice.dto';
import { PublicNoticeObjectionsService } from './public-notice-objections.service';
import { PublicNoticesService } from './public-notices.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

/** 公示: the public page of results priced by agreement, and the objections anyone may file. */
@ApiTags('public-notices')
@Controller('public-notices')
export class PublicNoticesController {
  constructor(
    private readonly notices: PublicNoticesService,
    private readonly objectionAnswers: PublicNoticeObjectionsService,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: PublicNoticeListDto })
  list(@Query() query: ListPublicNoticesQueryDto): Promise<PublicNoticeListDto> {
    return this.notices.listPublic(query);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: PublicNoticeDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicNoticeDto> {
    return this.notices.getPublic(id);
  }

  @Public()
  @Post(':id/objections')
  @RateLimit('objections')
  @ApiCreatedResponse({ type: ObjectionReceiptDto, description: 'Anyone, signed in or not, during the notice period' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The notice period is over' })
  object(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateObjectionDto, @CurrentUser() user: AuthUser | undefined, @Meta() meta: RequestMeta): Promise<ObjectionReceiptDto> {
    return this.notices.object(id, dto, user, meta);
  }

  @Get(':id/objections')
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: [ObjectionDto] })
  objections(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ObjectionDto[]> {
    return this.notices.objections(id, user);
  }

  @Post(':id/objections/:objectionId/answer')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: ObjectionDto, description: 'Upheld: the deal goes back to negotiation and the notice is withdrawn' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already answered, or upheld on a deal past the notice' })
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('objectionId', ParseUUIDPipe) objectionId: string,
    @Body() dto: AnswerObjectionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ObjectionDto> {
    return this.objectionAnswers.answer(id, objectionId, dto, user);
  }
}
