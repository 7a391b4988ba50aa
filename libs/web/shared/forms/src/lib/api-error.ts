import { HttpErrorResponse } from '@angular/common/http';
import { ErrorBody, ErrorCode, FieldError } from '@xkx/contracts';

/** An API error as the UI needs it; `currentVersion` comes with 409 VERSION_CONFLICT. */
export interface ApiError {
  status: number;
  code: ErrorCode | null;
  /** Already worded in the UI language by the API (the Accept-Language interceptor). */
  message: string | null;
  errors: FieldError[];
  currentVersion?: number;
  /** A reviewer's reason, with 403 REGISTRATION_REJECTED. */
  reason?: string;
  /** The deal an error is about, e.g. the open one behind 409 INTRODUCTION_DUPLICATE. */
  dealId?: string;
  /** Its code, for its address (/deals/D2026-000004). */
  dealCode?: string;
}

function isErrorBody(value: unknown): value is ErrorBody & { currentVersion?: number; reason?: unknown; dealId?: unknown; dealCode?: unknown } {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Reads the one error body shape; a network failure or a proxy page gives code null. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse && isErrorBody(error.error)) {
    const body = error.error;
    return {
      status: error.status,
      code: body.code,
      message: body.message,
      errors: body.errors ?? [],
      currentVersion: typeof body.currentVersion === 'number' ? body.currentVersion : undefined,
      reason: typeof body.reason === 'string' ? body.reason : undefined,
      dealId: typeof body.dealId === 'string' ? body.dealId : undefined,
      dealCode: typeof body.dealCode === 'string' ? body.dealCode : undefined,
    };
  }
  return { status: error instanceof HttpErrorResponse ? error.status : 0, code: null, message: null, errors: [] };
}
