import { isValidAreaCode, isValidCreditCode, isValidMobileCN, isValidPatentNumber } from '@xkx/util';
import { ValidateBy, ValidationOptions } from 'class-validator';

// Constraint names match the message catalogue in libs/shared/contracts (validation-messages.ts).

export const IsCreditCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCreditCode', validator: { validate: (v) => isValidCreditCode(v), defaultMessage: () => 'invalid unified social credit code' } }, options);

export const IsAreaCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isAreaCode', validator: { validate: (v) => isValidAreaCode(v), defaultMessage: () => 'invalid area code' } }, options);

export const IsMobileCN = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isMobileCN', validator: { validate: (v) => isValidMobileCN(v), defaultMessage: () => 'invalid mobile number' } }, options);

export const IsPatentNumber = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isPatentNumber', validator: { validate: (v) => isValidPatentNumber(v), defaultMessage: () => 'invalid patent number' } }, options);
