import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { PublicNoticeDto } from './dto/deal-response.dto';
import { CreateObjectionDto, ListPublicNoticesQueryDto, ObjectionDto, ObjectionReceiptDto, PublicNoticeListDto } from './dto/public-notice.dto';
import { PublicNoticesService } from './public-notices.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

/** 公示: the public page of results priced by agreement, and the objections anyone may file. */
@ApiTags('public-notices')
@Controller('public-notices')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

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
}
