import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { ErrorCode } from '@xkx/contracts';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AuthUser } from '../auth/auth-user';
import { DomainException } from '../exceptions/domain.exception';
import { parseRateLimit, RATE_LIMIT_KEY, RATE_LIMIT_POLICIES, RateLimitName } from './rate-limit-policies';

/**
 * Counts each named limit of a route in the shared throttler storage (PostgreSQL, or Redis when
 * REDIS_URL is set, so limits hold across processes) and answers 429 past it.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const names = this.reflector.get<RateLimitName[] | undefined>(RATE_LIMIT_KEY, context.getHandler()) ?? [];
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    let retryAfterSeconds = 0;
    // Every limit counts the attempt, so a blocked one does not hide the others' counts.
    for (const name of names) {
      const { limit, ttlMs } = parseRateLimit(this.config[RATE_LIMIT_POLICIES[name].variable]);
      const subject = subjectOf(name, request);
      if (subject === null) continue;
      const record = await this.storage.increment(`${name}:${digest(subject)}`, ttlMs, limit, ttlMs, name);
      if (record.isBlocked) retryAfterSeconds = Math.max(retryAfterSeconds, record.timeToBlockExpire, 1);
    }
    if (retryAfterSeconds > 0) throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS, [], { retryAfterSeconds });
    return true;
  }
}

/** What the limit counts; null when the request has nothing to count by (no e-mail: validation answers). */
function subjectOf(name: RateLimitName, request: Request & { user?: AuthUser }): string | null {
  const address = `ip:${request.ip ?? 'unknown'}`;
  switch (RATE_LIMIT_POLICIES[name].subject) {
    case 'address':
      return address;
    case 'email': {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return typeof email === 'string' ? `email:${email.trim().toLowerCase()}` : null;
    }
    case 'user':
      return request.user ? `user:${request.user.id}` : address;
  }
}

/** Keys never hold an e-mail or an address in the clear. */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 32);
}
