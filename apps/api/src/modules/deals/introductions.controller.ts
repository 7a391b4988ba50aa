import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AnswerIntroductionDto, CreateIntroductionDto, IntroductionDto, IntroductionListDto, ListIntroductionsQueryDto } from './dto/introduction.dto';
import { IntroductionsService } from './introductions.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

@ApiTags('introductions')
@Controller('introductions')
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionsService) {}

  @Post()
  @RateLimit('introductions')
  @Authenticated(Permission.INTRODUCTION_REQUEST)
  @ApiCreatedResponse({ type: IntroductionDto, description: 'Opens a deal at LEAD in the brokers’ queue' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Own listing, or an open request for the same listing' })
  request(@Body() dto: CreateIntroductionDto, @CurrentUser() user: AuthUser): Promise<IntroductionDto> {
    return this.introductions.request(dto, user);
  }

  @Get()
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: IntroductionListDto, description: 'Brokers: the queue (all); parties: those they made and those asked of them' })
  list(@Query() query: ListIntroductionsQueryDto, @CurrentUser() user: AuthUser): Promise<IntroductionListDto> {
    return this.introductions.list(query, user);
  }

  @Get(':id')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: IntroductionDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<IntroductionDto> {
    return this.introductions.get(id, user);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: IntroductionDto, description: 'Interested moves a waiting deal to INTERESTED; declined (with a reason) marks an early deal LOST and feeds matching' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already answered' })
  answer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AnswerIntroductionDto, @CurrentUser() user: AuthUser): Promise<IntroductionDto> {
    return this.introductions.answer(id, dto, user);
  }
}
