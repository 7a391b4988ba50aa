import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { FeedbackRecordedDto, MatchFeedbackDto, MatchListDto, MatchQueryDto, OpportunitiesQueryDto, OpportunityListDto } from './dto/matching.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** Results most likely to solve this need (its owner and brokers; the other side's public layer only). */
  @Get('needs/:id/matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: MatchListDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'The engine is still loading' })
  async forNeed(@Param('id', ParseUUIDPipe) id: string, @Query() query: MatchQueryDto, @CurrentUser() user: AuthUser): Promise<MatchListDto> {
    return { items: await this.matching.matchesFor('NEED', id, user, query.limit) };
  }

  /** Needs most likely to buy this result. */
  @Get('results/:id/matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: MatchListDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto })
  async forResult(@Param('id', ParseUUIDPipe) id: string, @Query() query: MatchQueryDto, @CurrentUser() user: AuthUser): Promise<MatchListDto> {
    return { items: await this.matching.matchesFor('RESULT', id, user, query.limit) };
  }

  @Post('matches/feedback')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: FeedbackRecordedDto, description: 'Declined pairs drop out; feedback moves future rankings' })
  async feedback(@Body() dto: MatchFeedbackDto, @CurrentUser() user: AuthUser): Promise<FeedbackRecordedDto> {
    const saved = await this.matching.feedback(dto.needId, dto.resultId, dto.verdict, dto.reason, dto.note, user);
    return { verdict: saved.verdict, at: saved.createdAt.toISOString() };
  }

  @Get('matches/opportunities')
  @Authenticated(Permission.MATCH_BROKER)
  @ApiOkResponse({ type: OpportunityListDto, description: 'The best new pairs since the broker last looked' })
  opportunities(@Query() query: OpportunitiesQueryDto, @CurrentUser() user: AuthUser): Promise<OpportunityListDto> {
    return this.matching.opportunities(user, query);
  }
}
