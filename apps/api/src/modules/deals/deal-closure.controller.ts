import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { DealClosureService } from './deal-closure.service';
import { DealClosureDto, DecideClosureDto } from './dto/deal-closure.dto';
import { DealTransitionResultDto } from './dto/deal-response.dto';

/** A side's 不合适 waiting for the deal's broker (issue 12). */
@ApiTags('deals')
@Controller('deals/:id/closure')
export class DealClosureController {
  constructor(private readonly closure: DealClosureService) {}

  @Get()
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: DealClosureDto, description: 'Whether a side’s 不合适 waits for the broker, and whether the caller may decide' })
  state(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DealClosureDto> {
    return this.closure.state(id, user);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealTransitionResultDto, description: 'The deal is 未成交 (LOST); audited, everyone in it told' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the deal’s broker (administrators, and any broker on a deal with none, may)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Nothing pending (DEAL_CLOSURE_NOT_PROPOSED), or a stale version' })
  confirm(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideClosureDto, @CurrentUser() user: AuthUser): Promise<DealTransitionResultDto> {
    return this.closure.confirm(id, dto, user);
  }

  @Post('keep')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.DEAL_MANAGE)
  @ApiOkResponse({ type: DealTransitionResultDto, description: 'The proposal is cleared; the stage stays; the timeline records it' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the deal’s broker' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Nothing pending (DEAL_CLOSURE_NOT_PROPOSED), or a stale version' })
  keep(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideClosureDto, @CurrentUser() user: AuthUser): Promise<DealTransitionResultDto> {
    return this.closure.keep(id, dto, user);
  }
}
