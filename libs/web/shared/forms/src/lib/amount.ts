import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { AmountError, AmountUnit, groupedYuan, parseAmount } from '@xkx/util';
import { I18nService, MessageKey } from '@xkx/web/i18n';

// Every money field of the web app goes through these: one parser (`parseAmount` in @xkx/util), one
// validator, one message per reason, and the parsed amount shown back under the field before saving.

/** An amount as typed (`300万`, `1.5亿`, `3,000,000.00`); empty is left to `required`. Error: `{ amount: reason }`. */
export function amountValidator(unit: AmountUnit = 'yuan'): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const parsed = parseAmount(control.value as string | null, unit);
    return parsed.ok || parsed.error === 'empty' ? null : { amount: parsed.error };
  };
}

/** An amount above zero (a payment); use with `amountValidator`. */
export function positiveAmountValidator(unit: AmountUnit = 'yuan'): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const parsed = parseAmount(control.value as string | null, unit);
    return parsed.ok && parsed.fen === 0 ? { positive: true } : null;
  };
}

/** The fen of an amount field's text, or null when it is empty or not an amount. */
export function fenOf(value: string | null | undefined, unit: AmountUnit = 'yuan'): number | null {
  const parsed = parseAmount(value, unit);
  return parsed.ok ? parsed.fen : null;
}

export const AMOUNT_ERROR_KEYS: Record<AmountError, MessageKey> = {
  empty: 'form.required',
  format: 'money.format',
  decimals: 'money.decimals',
  negative: 'money.negative',
  tooLarge: 'money.tooLarge',
};

/**
 * What an amount field will save, exact to the fen: `= 3,000,000.00 元` under `300万`. Put it in the
 * field's `<mat-hint>`; it shows nothing while the text is empty or not an amount (the error says why).
 */
@Component({
  selector: 'xkx-amount-echo',
  template: `@if (fen(); as f) {
    <span data-testid="amount-echo" [attr.data-fen]="f.fen" [attr.title]="i18n.t('money.echoLabel')">{{
      i18n.t('money.echo', { amount: f.text })
    }}</span>
  }`,
  styles: ':host { font-variant-numeric: tabular-nums; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmountEchoComponent {
  protected readonly i18n = inject(I18nService);
  /** The field's text (the control's value). */
  readonly value = input<string | null | undefined>('');
  readonly unit = input<AmountUnit>('yuan');
  protected readonly fen = computed(() => {
    const parsed = parseAmount(this.value(), this.unit());
    return parsed.ok ? { fen: parsed.fen, text: groupedYuan(parsed.fen) } : null;
  });
}
