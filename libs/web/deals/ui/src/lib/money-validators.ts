import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidAreaCode } from '@xkx/util';
import { isValidRegistrationNumber } from '@xkx/util';
import { parseYuanInput } from '@xkx/web/deals/util';

/** An amount in 元 exact to the fen (`parseYuanInput`); empty is left to `required`. Error: `{ yuan: reason }`. */
export const yuanValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const parsed = parseYuanInput(control.value as string | null);
  if (parsed.ok || parsed.error === 'empty') return null;
  return { yuan: parsed.error };
};

/** An amount in 元 above zero (a payment); use with `yuanValidator`. */
export const positiveYuanValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const parsed = parseYuanInput(control.value as string | null);
  return parsed.ok && parsed.fen === 0 ? { positive: true } : null;
};

/** GB/T 2260 administrative-area code (6 digits of a known province); empty is left to `required`. */
export const areaCodeValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  !control.value || isValidAreaCode(String(control.value).trim()) ? null : { areaCode: true };

/** 认定登记 number, format-checked as the API does; empty is left to `required`. */
export const registrationNumberValidator: ValidatorFn = (
  control: AbstractControl,
): ValidationErrors | null =>
  !control.value || isValidRegistrationNumber(String(control.value).trim())
    ? null
    : { registrationNumber: true };

/** The fen of an amount control, or null when it is empty or invalid. */
export function fenOf(value: string | null | undefined): number | null {
  const parsed = parseYuanInput(value);
  return parsed.ok ? parsed.fen : null;
}
