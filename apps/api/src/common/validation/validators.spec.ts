import { plainToInstance } from 'class-transformer';
import { IsNumber, validateSync } from 'class-validator';
import { isWithinDecimalPlaces, MaxDecimalPlaces } from './validators';

class Share {
  @IsNumber() @MaxDecimalPlaces(2) sharePercent!: number;
}

describe('MaxDecimalPlaces', () => {
  it('accepts up to the places and refuses more, in every number form', () => {
    expect([12.34, 100, 0, 0.5, -1.25].map((v) => isWithinDecimalPlaces(v, 2))).toEqual([true, true, true, true, true]);
    expect([12.345, 5e-324, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '1.2'].map((v) => isWithinDecimalPlaces(v, 2))).toEqual([false, false, false, false, false, false]);
  });

  it('answers a validation error, not an exception, for an exponent form (the fuzz test found a 500)', () => {
    const errors = validateSync(plainToInstance(Share, { sharePercent: 5e-324 }));
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['maxDecimalPlaces']]);
  });
});
