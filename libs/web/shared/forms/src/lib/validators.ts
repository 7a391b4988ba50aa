import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidCreditCode, isValidPatentNumber } from '@xkx/util';

/** 统一社会信用代码 with its check character, checked before the round trip. */
export const creditCodeValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  !control.value || isValidCreditCode(control.value) ? null : { creditCode: true };

/** Mainland mobile numbers (11 digits starting with 1); empty is allowed. */
export const mobileValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  !control.value || /^1[3-9]\d{9}$/.test(String(control.value)) ? null : { mobile: true };

/** For a group holding `newPassword` and `confirmPassword`. */
export const passwordsMatchValidator: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const confirm = group.get('confirmPassword');
  if (!confirm) return null;
  const mismatch = group.get('newPassword')?.value !== confirm.value;
  const { mismatch: _gone, ...rest } = confirm.errors ?? {};
  if (mismatch) confirm.setErrors({ ...rest, mismatch: true });
  else confirm.setErrors(Object.keys(rest).length ? rest : null);
  return null;
};

/** For an autocomplete control: a typed string is not a choice. */
export const chosenValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  control.value === null || control.value === '' ? { required: true } : typeof control.value === 'string' ? { choose: true } : null;

/** A CNIPA patent number with its check digit (CN202310123456.6); empty is left to `required`. */
export const patentNumberValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  !control.value || isValidPatentNumber(control.value) ? null : { patent: true };
