import { isFen, isValidAreaCode, isValidCreditCode, isValidMobileCN, isValidPatentNumber } from '@xkx/util';
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

/**
 * A finite number with at most `places` decimals. class-validator's IsNumber({ maxDecimalPlaces }) reads
 * the digits after a '.' in `String(value)` and throws on exponent forms such as 5e-324 (a 500, found by
 * the fuzz test); rounding to the places and comparing handles every form.
 */
export const isWithinDecimalPlaces = (value: unknown, places: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;

export const MaxDecimalPlaces = (places: number, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'maxDecimalPlaces', constraints: [places], validator: { validate: (v) => isWithinDecimalPlaces(v, places), defaultMessage: () => `at most ${places} decimal places` } }, options);

/** A non-negative safe integer of fen (message: validation-messages `isFen`). Money is never a float. */
export const IsFen = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isFen', validator: { validate: (v) => isFen(v), defaultMessage: () => 'must be a non-negative whole number of fen' } }, options);

/** A calendar date written YYYY-MM-DD (with `@IsISO8601({ strict: true })` for a real date). */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar date, alone or with a time (2026-03-18, 2026-03-18T08:00:00+08:00). ISO 8601 alone also allows a
 * bare year or a week date, which PostgreSQL's timestamptz refuses: `to=2100` answered 500 (found by the fuzzer).
 */
export const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:$|T\d{2}:\d{2})/;
