import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';

/** A field-level problem before localisation: the constraint name plus its arguments. */
export interface FieldIssue {
  field: string;
  constraint: string;
  args: unknown[];
  /** class-validator's own (English) text, used when the catalogue lacks the constraint. */
  fallback?: string;
}

/**
 * Every error the domain raises on purpose. The exception filter turns it into the one error
 * body shape, with the message in the caller's language.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    readonly fieldIssues: FieldIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainException';
  }

  static notFound(code: ErrorCode = ErrorCode.NOT_FOUND): DomainException {
    return new DomainException(code, HttpStatus.NOT_FOUND);
  }

  static validation(issues: FieldIssue[]): DomainException {
    return new DomainException(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, issues);
  }

  static versionConflict(currentVersion: number): DomainException {
    return new DomainException(ErrorCode.VERSION_CONFLICT, HttpStatus.CONFLICT, [], { currentVersion });
  }
}
