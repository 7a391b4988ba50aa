import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error-response.dto';
import { RATE_LIMIT_KEY, RateLimitName } from './rate-limit-policies';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Limits a route by the named policies (see RATE_LIMIT_POLICIES and the README): past a limit the
 * answer is 429 with Retry-After and the standard error body. Runs after sign-in is checked, so
 * per-user limits see the user.
 */
export const RateLimit = (...names: RateLimitName[]) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, names),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: `Rate limited (${names.join(', ')}); see Retry-After` }),
  );
