import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { ErrorCode } from '@xkx/contracts';
import { PATENT_NUMBER_EXAMPLE } from '@xkx/util';
import { amountValidator, fenOf, positiveAmountValidator } from './amount';
import { toApiError } from './api-error';
import { applyFieldErrors, SERVER_ERROR } from './field-errors';
import { creditCodeValidator, mobileValidator, passwordsMatchValidator, patentNumberValidator } from './validators';

describe('applyFieldErrors', () => {
  const form = () => new FormGroup({ name: new FormControl(''), enterprise: new FormGroup({ creditCode: new FormControl('') }), organization: new FormControl('') });

  it('puts each API message on the control at the same dotted path, or through an alias, and marks it touched', () => {
    const f = form();
    const unmatched = applyFieldErrors(
      f,
      [
        { field: 'enterprise.creditCode', message: '信用代码有误' },
        { field: 'organizationId', message: '请选择单位' },
      ],
      { organizationId: 'organization' },
    );
    expect(unmatched).toEqual([]);
    expect(f.get('enterprise.creditCode')!.errors).toEqual({ [SERVER_ERROR]: '信用代码有误' });
    expect(f.get('enterprise.creditCode')!.touched).toBe(true);
    expect(f.get('organization')!.errors).toEqual({ [SERVER_ERROR]: '请选择单位' });
    expect(f.get('name')!.errors).toBeNull();
  });

  it('keeps a control’s own errors and returns what no control took, for the form-level message', () => {
    const f = form();
    f.get('name')!.setErrors({ required: true });
    const unmatched = applyFieldErrors(f, [{ field: 'name', message: '太短' }, { field: 'validUntil', message: '已过期' }]);
    expect(f.get('name')!.errors).toEqual({ required: true, [SERVER_ERROR]: '太短' });
    expect(unmatched).toEqual([{ field: 'validUntil', message: '已过期' }]);
  });
});

describe('toApiError', () => {
  it('reads the one error body, with the version of a conflict and the deal behind a duplicate', () => {
    const body = { statusCode: 409, code: ErrorCode.VERSION_CONFLICT, message: '已被他人修改', errors: [{ field: 'title', message: 'x' }], currentVersion: 4, dealId: 'd1', dealCode: 'D2026-000004', reason: 7 };
    expect(toApiError(new HttpErrorResponse({ status: 409, error: body }))).toEqual({
      status: 409,
      code: ErrorCode.VERSION_CONFLICT,
      message: '已被他人修改',
      errors: [{ field: 'title', message: 'x' }],
      currentVersion: 4,
      reason: undefined,
      dealId: 'd1',
      dealCode: 'D2026-000004',
    });
  });

  it('gives code null for a proxy page, a network failure or anything else', () => {
    expect(toApiError(new HttpErrorResponse({ status: 502, error: '<html>Bad Gateway</html>' }))).toEqual({ status: 502, code: null, message: null, errors: [] });
    expect(toApiError(new HttpErrorResponse({ status: 0, error: { type: 'error' } }))).toEqual({ status: 0, code: null, message: null, errors: [] });
    expect(toApiError(new Error('boom'))).toEqual({ status: 0, code: null, message: null, errors: [] });
  });
});

describe('validators', () => {
  const check = (validator: (c: FormControl) => unknown, value: unknown) => validator(new FormControl(value));

  it('checks the 统一社会信用代码 check character and leaves empty to required', () => {
    expect(check(creditCodeValidator, '91350100M000100Y43')).toBeNull();
    expect(check(creditCodeValidator, '91350100M000100Y4A')).toEqual({ creditCode: true });
    expect(check(creditCodeValidator, '')).toBeNull();
  });

  it('takes mainland mobile numbers only', () => {
    expect(check(mobileValidator, '13912345678')).toBeNull();
    expect(check(mobileValidator, '12912345678')).toEqual({ mobile: true });
    expect(check(mobileValidator, '1391234567')).toEqual({ mobile: true });
  });

  it('checks a CNIPA patent number’s check digit', () => {
    expect(check(patentNumberValidator, PATENT_NUMBER_EXAMPLE)).toBeNull();
    expect(check(patentNumberValidator, 'CN202310000001.6')).toEqual({ patent: true });
    expect(check(patentNumberValidator, '')).toBeNull();
  });

  it('marks the confirmation on a mismatch and clears only that mark when it matches again', () => {
    const group = new FormGroup({ newPassword: new FormControl('Xiake-Secret-2026'), confirmPassword: new FormControl('Xiake-Secret-2025') }, { validators: passwordsMatchValidator });
    const confirm = group.get('confirmPassword')!;
    expect(confirm.errors).toEqual({ mismatch: true });
    confirm.setValue('Xiake-Secret-2026');
    expect(confirm.errors).toBeNull();
  });
});

describe('amounts', () => {
  it('reads 元 and 万元 exactly to the fen, and refuses what is not an amount', () => {
    expect(fenOf('1,200.50')).toBe(120050);
    expect(fenOf('50', 'wan')).toBe(50_000_000);
    expect(fenOf('1.5亿', 'wan')).toBe(15_000_000_000);
    expect(fenOf('')).toBeNull();
    expect(fenOf('1.234')).toBeNull();
    expect(amountValidator()(new FormControl('1.234'))).not.toBeNull();
    expect(amountValidator()(new FormControl(''))).toBeNull();
    expect(positiveAmountValidator()(new FormControl('0'))).not.toBeNull();
    expect(positiveAmountValidator()(new FormControl('0.01'))).toBeNull();
  });
});
