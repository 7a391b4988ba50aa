import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { BULK_MAX_ITEMS, BulkItem, BulkItemResult, BulkResult, Locale, resolveLocale } from '@xkx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsObject, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { ErrorResponseDto } from '../http/error-response.dto';

/** One record of a bulk request: its id and, where the record has one, the version the caller read. */
export class BulkItemDto implements BulkItem {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ required: false, description: 'The version you read; stale → that item fails with VERSION_CONFLICT' }) @IsOptional() @IsInt() @Min(1) version?: number;
}

/** `items`: 1 to BULK_MAX_ITEMS distinct records. */
export const BulkItems = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: [BulkItemDto], minItems: 1, maxItems: BULK_MAX_ITEMS }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(BULK_MAX_ITEMS),
    ArrayUnique((i: BulkItemDto) => i?.id),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => BulkItemDto),
  );

export class BulkItemResultDto implements BulkItemResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: Number, nullable: true }) version!: number | null;
  @ApiProperty({ type: ErrorResponseDto, nullable: true, description: 'What the single action would have answered' }) error!: ErrorResponseDto | null;
}

export class BulkResultDto implements BulkResult {
  @ApiProperty({ type: [BulkItemResultDto], description: 'In the order of the request' }) results!: BulkItemResultDto[];
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}

/** The caller's language, for the per-item error messages of a bulk answer. */
export const RequestLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): Locale => resolveLocale(ctx.switchToHttp().getRequest<Request>().headers['accept-language']));
