import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationError } from 'class-validator';
import { DomainException, FieldIssue } from '../exceptions/domain.exception';

/**
 * Strict global validation. Errors keep the constraint name and its arguments (read from
 * class-validator's metadata) so the filter can word them in Chinese or English.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => DomainException.validation(flattenErrors(errors)),
  });
}

export function flattenErrors(errors: ValidationError[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, fallback] of Object.entries(error.constraints ?? {})) {
      issues.push({ field, constraint, args: constraintArgs(error, constraint), fallback });
    }
    if (error.children?.length) issues.push(...flattenErrors(error.children, field));
  }
  return issues;
}

function constraintArgs(error: ValidationError, constraint: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  return metadata?.constraints ?? [];
}
