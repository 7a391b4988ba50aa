import { inject, Pipe, PipeTransform } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { PASSWORD_MIN_LENGTH } from '@xkx/contracts';
import { I18nService } from '@xkx/web/i18n';
import { AmountError } from '@xkx/util';
import { AMOUNT_ERROR_KEYS } from './amount';
import { SERVER_ERROR } from './field-errors';

/**
 * The message for a control's first error: the API's own wording when it sent one, else ours.
 * Impure: errors and the language change without the control reference changing.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    const server: unknown = errors[SERVER_ERROR];
    if (typeof server === 'string') return server;
    if (errors['required']) return this.i18n.t('form.required');
    if (errors['email']) return this.i18n.t('form.email');
    if (errors['minlength']) {
      const { requiredLength } = errors['minlength'] as { requiredLength: number };
      return this.i18n.t('form.minLength', { n: requiredLength ?? PASSWORD_MIN_LENGTH });
    }
    if (errors['creditCode']) return this.i18n.t('form.creditCode');
    if (errors['mobile']) return this.i18n.t('form.mobile');
    if (errors['mismatch']) return this.i18n.t('form.mismatch');
    if (errors['choose']) return this.i18n.t('form.choose');
    const amount = errors['amount'] as AmountError | undefined;
    if (amount) return this.i18n.t(AMOUNT_ERROR_KEYS[amount]);
    if (errors['positive']) return this.i18n.t('contract.amountPositive');
    if (errors['patent']) return this.i18n.t('form.patent');
    if (errors['notBelow']) return this.i18n.t('form.notBelow');
    if (errors['maxlength']) {
      const { requiredLength } = errors['maxlength'] as { requiredLength: number };
      return this.i18n.t('form.maxLength', { n: requiredLength });
    }
    if (errors['min'] || errors['max']) return this.i18n.t('form.range');
    return this.i18n.t('form.invalid');
  }
}
