import { inject, Pipe, PipeTransform } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { FieldErrorPipe, SERVER_ERROR } from '@xkx/web/forms';
import { I18nService } from '@xkx/web/i18n';

/**
 * The shared field-error wording (amounts included) plus the ledger's own check: a target row with
 * only one of its two figures (`pair`). The API's wording still wins.
 */
@Pipe({ name: 'kpiFieldError', pure: false })
export class KpiFieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  // Created in this pipe's injection context, so its own inject() calls work.
  private readonly shared = new FieldErrorPipe();

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (typeof errors[SERVER_ERROR] !== 'string') {
      if (errors['pair']) return this.i18n.t('kpi.targetPair');
    }
    return this.shared.transform(control);
  }
}
