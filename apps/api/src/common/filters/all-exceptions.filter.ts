import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ERROR_MESSAGES,
  ErrorBody,
  ErrorCode,
  FieldError,
  fillWait,
  formatValidationMessage,
  Locale,
  resolveLocale,
} from '@xkx/contracts';
import type { Request, Response } from 'express';
import { DomainException, FieldIssue } from '../exceptions/domain.exception';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.TOO_MANY_REQUESTS,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * The one place errors become HTTP: every body is { statusCode, code, message, errors? } (and
 * requestId on a 5xx), worded for the caller's Accept-Language. Nothing internal (stack, SQL) reaches
 * a client; the stack goes to the log under the same request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const locale = resolveLocale(request.headers['accept-language']);
    const { body, headers } = this.toBody(exception, locale);
    if (body.statusCode >= 500) {
      // The request's log lines carry its id; the body gives it to the caller to quote.
      if (typeof request.id === 'string') body.requestId = request.id;
      this.logger.error({ err: exception, path: request.url }, 'Unhandled error');
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, locale: Locale): { body: ErrorBody; headers: Record<string, string> } {
    const headers: Record<string, string> = {};
    if (exception instanceof DomainException) {
      const body: ErrorBody & Record<string, unknown> = {
        statusCode: exception.status,
        code: exception.code,
        message: fillWait(ERROR_MESSAGES[exception.code][locale], numberOr(exception.details?.['retryAfterSeconds']), locale),
        ...(exception.details ?? {}),
      };
      if (exception.fieldIssues.length > 0) body.errors = exception.fieldIssues.map((i) => localizeIssue(i, locale));
      const retryAfter = exception.details?.['retryAfterSeconds'];
      if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
      return { body, headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED);
      return { body: { statusCode: status, code, message: fillWait(ERROR_MESSAGES[code][locale], undefined, locale) }, headers };
    }
    // A unique index caught a race the service's own check could not (two writers at once).
    if (isUniqueViolation(exception)) return this.simple(HttpStatus.CONFLICT, ErrorCode.CONFLICT, locale);
    if (isDatabaseUnavailable(exception)) return this.simple(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, locale);
    return this.simple(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR, locale);
  }

  private simple(status: number, code: ErrorCode, locale: Locale): { body: ErrorBody; headers: Record<string, string> } {
    return { body: { statusCode: status, code, message: ERROR_MESSAGES[code][locale] }, headers: {} };
  }
}

// Network errors and PostgreSQL's connection-exception / shutdown SQLSTATEs.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '08000', '08001', '08003', '08006', '57P01', '57P02', '57P03']);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message)) return true;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === '23505';
}

function localizeIssue(issue: FieldIssue, locale: Locale): FieldError {
  const message =
    formatValidationMessage(issue.constraint, issue.args, locale) ??
    (locale === 'en' && issue.fallback ? issue.fallback : formatValidationMessage('invalid', [], locale) ?? 'invalid');
  return { field: issue.field, message };
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
