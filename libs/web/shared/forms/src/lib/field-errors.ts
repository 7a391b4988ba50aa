import { AbstractControl } from '@angular/forms';
import { FieldError } from '@xkx/contracts';

/** Key under which a server message sits in a control's errors. */
export const SERVER_ERROR = 'server';

/**
 * Puts each API field error on the control at the same dotted path (`enterprise.creditCode`), so
 * forms that mirror the request body need no mapping; `aliases` maps the rest (`organizationId` →
 * `organization`). Returns the errors no control took, for the form-level message.
 */
export function applyFieldErrors(
  form: AbstractControl,
  errors: readonly FieldError[],
  aliases: Record<string, string> = {},
): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const control = form.get(aliases[error.field] ?? error.field);
    if (!control) {
      unmatched.push(error);
      continue;
    }
    control.setErrors({ ...control.errors, [SERVER_ERROR]: error.message });
    control.markAsTouched();
  }
  return unmatched;
}
