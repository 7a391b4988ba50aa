import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  input,
  OnInit,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  FormRecord,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  Contract,
  FieldError,
  REGISTRATION_STATUS_LABELS,
  RegistrationExtra,
  RegistrationField,
  RegistrationInput,
  RegistrationStatus,
} from '@xkx/contracts';
import { PATENT_NUMBER_EXAMPLE, shanghaiDate } from '@xkx/util';
import { fenToYuanInput, registrationTargets } from '@xkx/web/deals/util';
import { AmountEchoComponent, amountValidator, fenOf, patentNumberValidator } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { applyApiErrors } from './contract-form';
import { DealFieldErrorPipe } from './deal-field-error.pipe';
import { FenPipe } from './fen.pipe';
import { registrationNumberValidator } from './money-validators';

type ExtraControl = FormControl<string | boolean>;

const integerValidator: ValidatorFn = (control) =>
  typeof control.value !== 'string' ||
  control.value.trim() === '' ||
  /^-?\d{1,15}$/.test(control.value.trim())
    ? null
    : { pattern: true };

/**
 * 认定登记: the status moves the API allows from the current one, the 16-digit registration number
 * (format-checked here as the API does) and 核定技术性收入额 when registered, the reason when refused,
 * dates, and the 登记表 fields configured for the contract's type (data from the API).
 */
@Component({
  selector: 'xkx-registration-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    AmountEchoComponent,
    DealFieldErrorPipe,
    FenPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registration-form.component.html',
  styleUrl: './deal-forms.scss',
})
export class RegistrationFormComponent implements OnInit {
  private readonly i18n = inject(I18nService);
  private readonly cdr = inject(ChangeDetectorRef);

  readonly contract = input.required<Contract>();
  /** The configured fields that apply to the contract's type. */
  readonly fields = input.required<RegistrationField[]>();
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly saved = output<Omit<RegistrationInput, 'version'>>();
  readonly cancelled = output<void>();

  private readonly withinTechnical: ValidatorFn = (control) => {
    const fen = fenOf(control.value as string);
    return fen !== null && fen > this.contract().amounts.technicalAmountFen ? { incomeExceeds: true } : null;
  };

  protected readonly extra = new FormRecord<ExtraControl>({});
  protected readonly form = new FormGroup({
    status: new FormControl<RegistrationStatus>('NOT_SUBMITTED', { nonNullable: true }),
    registrationNumber: new FormControl('', { nonNullable: true, validators: [registrationNumberValidator] }),
    registeredIncome: new FormControl('', {
      nonNullable: true,
      validators: [amountValidator(), this.withinTechnical],
    }),
    submittedOn: new FormControl('', { nonNullable: true }),
    decidedOn: new FormControl('', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
    extra: this.extra,
  });
  protected readonly c = this.form.controls;
  protected readonly statusLabels = REGISTRATION_STATUS_LABELS;
  /** The same example as the listing form's patent field (kept valid by a unit test). */
  protected readonly patentExample = PATENT_NUMBER_EXAMPLE;
  protected readonly targets = signal<RegistrationStatus[]>([]);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly status = toSignal(this.c.status.valueChanges, { initialValue: this.c.status.value });

  constructor() {
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => {
        this.formErrors.set(applyApiErrors(this.form, errors));
        this.cdr.markForCheck();
      });
    });
    this.c.status.valueChanges.subscribe((status) => this.requireFor(status));
  }

  ngOnInit(): void {
    const contract = this.contract();
    const r = contract.registration;
    const today = shanghaiDate();
    for (const f of this.fields()) {
      const value = r.extra[f.key];
      const initial =
        f.valueType === 'BOOLEAN'
          ? value === true
          : value === undefined
            ? ''
            : f.valueType === 'FEN' && typeof value === 'number'
              ? fenToYuanInput(value)
              : String(value);
      this.extra.addControl(
        f.key,
        new FormControl<string | boolean>(initial, {
          nonNullable: true,
          validators:
            f.valueType === 'FEN'
              ? [amountValidator()]
              : f.valueType === 'INTEGER'
                ? [integerValidator]
                : f.valueType === 'PATENT'
                  ? [patentNumberValidator]
                  : [],
        }),
      );
    }
    const targets = registrationTargets(r.status);
    this.targets.set(targets);
    // The usual next step is preselected: submit a new registration, record the decision on a submitted one.
    const next =
      r.status === 'NOT_SUBMITTED' || r.status === 'REFUSED'
        ? 'SUBMITTED'
        : r.status === 'SUBMITTED'
          ? 'REGISTERED'
          : r.status;
    this.form.patchValue({
      registrationNumber: r.registrationNumber ?? '',
      registeredIncome: fenToYuanInput(r.registeredIncomeFen ?? contract.amounts.technicalAmountFen),
      submittedOn: r.submittedOn ?? today,
      decidedOn: r.decidedOn ?? today,
      note: r.note ?? '',
    });
    this.c.status.setValue(targets.includes(next) ? next : (targets[0] ?? r.status));
  }

  protected fieldLabel(f: RegistrationField): string {
    return this.i18n.locale() === 'en' ? f.labelEn : f.labelZh;
  }

  protected control(key: string): ExtraControl | null {
    return this.extra.controls[key] ?? null;
  }

  protected submit(): void {
    this.formErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formErrors.set([this.i18n.t('form.fixErrors')]);
      return;
    }
    const v = this.form.getRawValue();
    const decided = v.status === 'REGISTERED' || v.status === 'REFUSED';
    const note = v.note.trim();
    this.saved.emit({
      status: v.status,
      ...(v.status === 'REGISTERED'
        ? {
            registrationNumber: v.registrationNumber.trim(),
            registeredIncomeFen: fenOf(v.registeredIncome) ?? 0,
          }
        : {}),
      ...(v.status !== 'NOT_SUBMITTED' && v.submittedOn ? { submittedOn: v.submittedOn } : {}),
      ...(decided && v.decidedOn ? { decidedOn: v.decidedOn } : {}),
      ...(note ? { note } : {}),
      extra: this.extraValues(),
    });
  }

  /** What each status needs: the number and income to register, the reason to refuse, the 登记表 to submit. */
  private requireFor(status: RegistrationStatus): void {
    const set = (control: FormControl<string> | ExtraControl, required: boolean): void => {
      if (required) control.addValidators(Validators.required);
      else control.removeValidators(Validators.required);
      control.updateValueAndValidity({ emitEvent: false });
    };
    set(this.c.registrationNumber, status === 'REGISTERED');
    set(this.c.registeredIncome, status === 'REGISTERED');
    set(this.c.submittedOn, status !== 'NOT_SUBMITTED');
    set(this.c.decidedOn, status === 'REGISTERED' || status === 'REFUSED');
    set(this.c.note, status === 'REFUSED');
    for (const f of this.fields()) {
      const control = this.extra.controls[f.key];
      if (control && f.valueType !== 'BOOLEAN') set(control, f.required && status !== 'NOT_SUBMITTED');
    }
  }

  private extraValues(): RegistrationExtra {
    const out: RegistrationExtra = {};
    for (const f of this.fields()) {
      const value = this.extra.controls[f.key]?.value;
      if (value === undefined) continue;
      if (typeof value === 'boolean') {
        out[f.key] = value;
        continue;
      }
      const text = value.trim();
      if (text === '') continue;
      if (f.valueType === 'FEN') out[f.key] = fenOf(text) ?? 0;
      else if (f.valueType === 'INTEGER') out[f.key] = Number(text);
      else out[f.key] = text;
    }
    return out;
  }
}
