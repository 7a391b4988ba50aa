import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';
import { DomainException } from '../../common/exceptions/domain.exception';
import { AuditService } from '@xkx/api/modules/audit/audit.service';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Five failed sign-ins for one account from one address within 15 minutes lock that pair out until
 * the oldest failure leaves the window. Counted from the audit log, so it holds across processes.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly audit: AuditService) {}

  async assertAllowed(email: string, ip: string | null, now = new Date()): Promise<void> {
    const failures = await this.audit.recentFailures(email, ip, new Date(now.getTime() - WINDOW_MS));
    if (failures.length < MAX_FAILURES) return;
    const oldest = failures[failures.length - MAX_FAILURES] ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new DomainException(ErrorCode.SIGN_IN_LOCKED, HttpStatus.TOO_MANY_REQUESTS, [], { retryAfterSeconds });
  }
}
