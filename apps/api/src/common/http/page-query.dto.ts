import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The deepest offset any list accepts. Without a bound, `offset=9223372036854775807` passed
 * `@IsInt()` (as 9.2e18) and PostgreSQL refused it with a 500; no one pages a million rows deep.
 */
export const MAX_OFFSET = 1_000_000;

/** `limit` of a list: an integer from 1 to `maximum`, documented with its bounds. */
export const PageLimit = (defaultValue: number, maximum: number): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ default: defaultValue, minimum: 1, maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );

/** `offset` of a list: an integer from 0 to MAX_OFFSET. */
export const PageOffset = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET }), IsOptional(), Type(() => Number), IsInt(), Min(0), Max(MAX_OFFSET));

/** Offset paging for admin lists (search lists use cursors). */
export class PageQueryDto {
  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}
