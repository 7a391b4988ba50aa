import { Body, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res, Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import { ListingKind, ListingReviewDecision, ListingStatus, Locale, Permission, LISTING_KINDS } from '@xkx/contracts';
import { IsEnum, IsOptional } from 'class-validator';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ParseIdOrCodePipe } from '../../common/http/id-or-code';
import { publicRead } from '../../common/http/public-read';
import { applyEach } from '../../common/bulk/apply-each';
import { BulkResultDto, RequestLocale } from '../../common/bulk/bulk.dto';
import { DomainException } from '../../common/exceptions/domain.exception';
import { BulkReviewDto, DuplicateListDto, HistoryEntryDto, RenewDto, ReviewNoteDto, TransitionDto, TransitionResultDto } from './dto/listing-actions.dto';
import { SearchListingsQueryDto, SearchResponseDto } from './dto/search.dto';
import { ListingFacade, ListingResponse } from './listing-facade.service';
import { ListingAction } from './listing-workflow';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

const BULK_ACTIONS: Record<ListingReviewDecision, ListingAction> = {
  APPROVE: ListingAction.APPROVE,
  REQUEST_CHANGES: ListingAction.REQUEST_CHANGES,
  REJECT: ListingAction.REJECT,
};

export class MineQueryDto {
  @ApiPropertyOptional({ enum: Object.values(ListingStatus) }) @IsOptional() @IsEnum(ListingStatus) status?: ListingStatus;
}

/**
 * The routes results and needs share, built once per kind. Create and update live in the concrete
 * controllers because their bodies differ (validation reads the concrete DTO class).
 */
export function ListingControllerBase(kind: ListingKind, write: Permission, response: Type<ListingResponse>) {
  abstract class Base {
    constructor(protected readonly facade: ListingFacade) {}

    @Public()
    @Get()
    @RateLimit('search')
    @ApiOkResponse({ type: SearchResponseDto, description: 'Published listings; brokers may filter by status' })
    async search(@Query() query: SearchListingsQueryDto, @CurrentUser() user: AuthUser | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SearchResponseDto> {
      return publicRead(req, res, await this.facade.search(kind, query, user));
    }

    @Get('mine')
    @Authenticated(write)
    @ApiOkResponse({ type: [response], description: 'Listings the caller owns (enterprise staff: their enterprise’s)' })
    mine(@CurrentUser() user: AuthUser, @Query() query: MineQueryDto): Promise<ListingResponse[]> {
      return this.facade.mine(kind, user, query.status);
    }

    @Get('review-queue')
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: [response], description: 'Submitted and in-review listings, oldest first' })
    reviewQueue(): Promise<ListingResponse[]> {
      return this.facade.reviewQueue(kind);
    }

    /**
     * The review queue's bulk action: each listing goes through the same transition as its own
     * approve / request-changes / reject route (own transaction, history, audit, owner notified).
     */
    @Post('bulk-review')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: BulkResultDto, description: 'Per listing: ok with its new version, or the error its single action would answer' })
    async bulkReview(@Body() dto: BulkReviewDto, @CurrentUser() user: AuthUser, @RequestLocale() locale: Locale): Promise<BulkResultDto> {
      const note = dto.note?.trim() || undefined;
      // The note is one for the whole batch: a missing one is the request's fault, not each item's.
      if (dto.decision !== ListingReviewDecision.APPROVE && (!note || note.length < 2)) {
        throw DomainException.validation([{ field: 'note', constraint: note ? 'minLength' : 'isNotEmpty', args: note ? [2] : [] }]);
      }
      const action = BULK_ACTIONS[dto.decision];
      return applyEach(dto.items, locale, (item) => this.facade.transition(kind, item.id, action, { version: item.version, note }, user));
    }

    @Public()
    @Get(':id')
    @ApiOkResponse({ type: response, description: 'The public layer; the confidential one only for owners, brokers and parties let in' })
    @ApiNotFoundResponse({ type: ErrorResponseDto })
    @ApiParam({ name: 'id', description: `uuid or code (${LISTING_KINDS[kind].codePrefix}2026-000012)` })
    async get(@Param('id', new ParseIdOrCodePipe(LISTING_KINDS[kind].codePrefix)) ref: string, @CurrentUser() user: AuthUser | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ListingResponse> {
      return publicRead(req, res, await this.facade.get(kind, ref, user, true));
    }

    @Get(':id/history')
    @Authenticated(write)
    @ApiOkResponse({ type: [HistoryEntryDto] })
    history(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<HistoryEntryDto[]> {
      return this.facade.history(kind, id, user);
    }

    @Get(':id/duplicates')
    @Authenticated(write)
    @ApiOkResponse({ type: DuplicateListDto })
    async duplicates(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<DuplicateListDto> {
      return { items: await this.facade.duplicatesOf(kind, id, user) };
    }

    @Post(':id/submit')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_SUBMIT)
    @ApiOkResponse({ type: TransitionResultDto })
    @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not allowed in this status, or stale version' })
    submit(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.SUBMIT, dto, user);
    }

    @Post(':id/start-review')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: TransitionResultDto })
    startReview(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.START_REVIEW, dto, user);
    }

    @Post(':id/approve')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: TransitionResultDto })
    approve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.APPROVE, dto, user);
    }

    @Post(':id/request-changes')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: TransitionResultDto })
    requestChanges(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewNoteDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.REQUEST_CHANGES, dto, user);
    }

    @Post(':id/reject')
    @HttpCode(HttpStatus.OK)
    @Authenticated(Permission.LISTING_REVIEW)
    @ApiOkResponse({ type: TransitionResultDto })
    reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewNoteDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.REJECT, dto, user);
    }

    @Post(':id/renew')
    @HttpCode(HttpStatus.OK)
    @Authenticated(write)
    @ApiOkResponse({ type: TransitionResultDto })
    renew(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RenewDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.RENEW, dto, user);
    }

    @Post(':id/archive')
    @HttpCode(HttpStatus.OK)
    @Authenticated(write)
    @ApiOkResponse({ type: TransitionResultDto })
    archive(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthUser): Promise<TransitionResultDto> {
      return this.facade.transition(kind, id, ListingAction.ARCHIVE, dto, user);
    }
  }
  return Base;
}
