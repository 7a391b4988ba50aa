import { isFen } from '@xkx/util';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A non-negative safe integer of fen (message: validation-messages `isFen`). Money is never a float. */
export const IsFen = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isFen', validator: { validate: (v) => isFen(v), defaultMessage: () => 'must be a non-negative whole number of fen' } }, options);

export { trim } from '../../../common/validation/transforms';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
