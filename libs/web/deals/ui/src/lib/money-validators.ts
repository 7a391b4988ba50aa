import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidAreaCode, isValidRegistrationNumber } from '@xkx/util';

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
