import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  ContractInput,
  ContractParty,
  ContractPartyInput,
  FieldError,
  Installment,
  LegalPersonType,
} from '@xkx/contracts';
import { amountValidator, applyFieldErrors, creditCodeValidator, fenOf } from '@xkx/web/forms';
import { controlPathOf, fenToYuanInput } from '@xkx/web/deals/util';
import { areaCodeValidator } from './money-validators';

// The contract form mirrors the request body, so the API's field paths land on the right control once
// "Fen" is dropped (`contractAmountFen` → `contractAmount`): amounts are typed in 元 and turned into
// integer fen by string parsing when the body is built.

const text = (value = '', ...validators: ValidatorFn[]): FormControl<string> =>
  new FormControl(value, { nonNullable: true, validators });

export const partyGroup = (p?: Partial<ContractPartyInput> | ContractParty | null) =>
  new FormGroup({
    name: text(p?.name ?? '', Validators.required, Validators.minLength(2), Validators.maxLength(200)),
    creditCode: text(p?.creditCode ?? '', creditCodeValidator),
    areaCode: text(p?.areaCode ?? '', Validators.required, areaCodeValidator),
    legalPersonType: new FormControl<LegalPersonType | null>(p?.legalPersonType ?? null, Validators.required),
    organizationId: new FormControl<string | null>(p?.organizationId ?? null),
  });
export type PartyGroup = ReturnType<typeof partyGroup>;

export const installmentGroup = (i?: Installment) =>
  new FormGroup({
    dueOn: text(i?.dueOn ?? '', Validators.required),
    amount: text(fenToYuanInput(i?.amountFen), Validators.required, amountValidator()),
    description: text(i?.description ?? '', Validators.required, Validators.maxLength(200)),
  });
export type InstallmentGroup = ReturnType<typeof installmentGroup>;

/** Errors that depend on another control, put on the control the user has to change. */
const sibling =
  (check: (control: AbstractControl, parent: FormGroup) => ValidationErrors | null): ValidatorFn =>
  (control) =>
    control.parent instanceof FormGroup ? check(control, control.parent) : null;

/** Non-technical costs may not exceed the contract amount (技术交易额 ≥ 0). */
const costsWithinAmount = sibling((control, parent) => {
  const cost = fenOf(control.value as string);
  const amount = fenOf(parent.get('contractAmount')?.value as string);
  return cost !== null && amount !== null && cost > amount ? { costsExceed: true } : null;
});

const endAfterStart = sibling((control, parent) => {
  const start = parent.get('termStart')?.value as string;
  return control.value && start && (control.value as string) < start ? { dateOrder: true } : null;
});

/** A schedule, when there is one, adds up to the contract amount to the fen. */
const scheduleAddsUp = sibling((control, parent) => {
  const rows = (control as FormArray<InstallmentGroup>).controls;
  const amountFen = fenOf(parent.get('contractAmount')?.value as string);
  if (rows.length === 0 || amountFen === null) return null;
  const fens = rows.map((r) => fenOf(r.controls.amount.value));
  if (fens.some((f) => f === null)) return null;
  const sumFen = fens.reduce<number>((total, f) => total + (f ?? 0), 0);
  return sumFen === amountFen ? null : { scheduleSum: { sumFen, amountFen } };
});

export function buildContractForm() {
  const form = new FormGroup({
    typeCode: new FormControl<string | null>(null, Validators.required),
    contractNo: text('', Validators.maxLength(60)),
    projectName: text('', Validators.required, Validators.minLength(2), Validators.maxLength(200)),
    signedOn: text('', Validators.required),
    termStart: text('', Validators.required),
    termEnd: text('', Validators.required, endAfterStart),
    seller: partyGroup(),
    buyer: partyGroup(),
    contractAmount: text('', Validators.required, amountValidator()),
    nonTechnicalCost: text('0', amountValidator(), costsWithinAmount),
    expectedInvestment: text('', amountValidator()),
    expectedOutput: text('', amountValidator()),
    schedule: new FormArray<InstallmentGroup>([], scheduleAddsUp),
  });
  // Checks across controls are re-run when what they compare with changes.
  form.valueChanges.subscribe(() => {
    form.controls.nonTechnicalCost.updateValueAndValidity({ emitEvent: false });
    form.controls.termEnd.updateValueAndValidity({ emitEvent: false });
    form.controls.schedule.updateValueAndValidity({ emitEvent: false });
  });
  return form;
}
export type ContractForm = ReturnType<typeof buildContractForm>;

function partyInput(group: PartyGroup): ContractPartyInput {
  const v = group.getRawValue();
  const creditCode = v.creditCode.trim().toUpperCase();
  return {
    name: v.name.trim(),
    creditCode: creditCode || null,
    areaCode: v.areaCode.trim(),
    legalPersonType: v.legalPersonType ?? 'OTHER_ORGANIZATION',
    ...(v.organizationId ? { organizationId: v.organizationId } : {}),
  };
}

const fen = (text: string): number => fenOf(text) ?? 0;
const optionalFen = (text: string): number | null => fenOf(text);

/** The request body of a valid form; investment and output only for types that ask for them. */
export function contractInput(form: ContractForm, asksInvestment: boolean): ContractInput {
  const v = form.getRawValue();
  const contractNo = v.contractNo.trim();
  return {
    ...(contractNo ? { contractNo } : {}),
    typeCode: v.typeCode ?? '',
    projectName: v.projectName.trim(),
    signedOn: v.signedOn,
    termStart: v.termStart,
    termEnd: v.termEnd,
    seller: partyInput(form.controls.seller),
    buyer: partyInput(form.controls.buyer),
    contractAmountFen: fen(v.contractAmount),
    nonTechnicalCostFen: optionalFen(v.nonTechnicalCost) ?? 0,
    expectedInvestmentFen: asksInvestment ? optionalFen(v.expectedInvestment) : null,
    expectedOutputFen: asksInvestment ? optionalFen(v.expectedOutput) : null,
    schedule: form.controls.schedule.controls.map((row) => ({
      dueOn: row.controls.dueOn.value,
      amountFen: fen(row.controls.amount.value),
      description: row.controls.description.value.trim(),
    })),
  };
}

/**
 * Puts the API's field errors on the controls (amount fields without "Fen") and returns the messages
 * no control took, for the form-level alert.
 */
export function applyApiErrors(form: AbstractControl, errors: readonly FieldError[]): string[] {
  const unmatched = applyFieldErrors(
    form,
    errors.map((e) => ({ ...e, field: controlPathOf(e.field) })),
  );
  return unmatched.map((e) => e.message);
}
