import { inject, Pipe, PipeTransform } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { FieldErrorPipe, SERVER_ERROR } from '@xkx/web/forms';
import { I18nService } from '@xkx/web/i18n';
import { formatYuanExact } from '@xkx/web/deals/util';

/**
 * `fieldError` for the contract forms: the API's wording first, then the area-code, registration-number
 * and sum checks of these forms, then the shared messages (amounts included). Impure, like `fieldError`.
 */
@Pipe({ name: 'dealFieldError', pure: false })
export class DealFieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  private readonly shared = new FieldErrorPipe();

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (typeof errors[SERVER_ERROR] === 'string') return this.shared.transform(control);
    if (errors['areaCode']) return this.i18n.t('contract.areaCodeInvalid');
    if (errors['registrationNumber']) return this.i18n.t('contract.registrationNumberInvalid');
    if (errors['costsExceed']) return this.i18n.t('contract.costsExceedAmount');
    if (errors['incomeExceeds']) return this.i18n.t('contract.incomeExceedsTechnical');
    if (errors['dateOrder']) return this.i18n.t('contract.dateOrder');
    const outstanding = errors['exceedsOutstanding'] as { outstandingFen: number } | undefined;
    if (outstanding)
      return this.i18n.t('contract.paymentExceeds', { amount: formatYuanExact(outstanding.outstandingFen) });
    const sum = errors['scheduleSum'] as { sumFen: number; amountFen: number } | undefined;
    if (sum)
      return this.i18n.t('contract.scheduleMismatch', {
        sum: formatYuanExact(sum.sumFen),
        amount: formatYuanExact(sum.amountFen),
      });
    return this.shared.transform(control);
  }
}
