import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError, PaymentInput } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { AmountEchoComponent, amountValidator, fenOf, positiveAmountValidator } from '@xkx/web/forms';
import { TranslatePipe } from '@xkx/web/i18n';
import { applyApiErrors } from './contract-form';
import { DealFieldErrorPipe } from './deal-field-error.pipe';
import { FenPipe } from './fen.pipe';

/** Records one payment received (实际到账): date, amount in 元 (at most what is outstanding), evidence. */
@Component({
  selector: 'xkx-payment-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    AmountEchoComponent,
    DealFieldErrorPipe,
    FenPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="deal-form" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="payment-form">
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'contract.receivedOn' | t }}</mat-label>
          <input matInput type="date" formControlName="receivedOn" data-testid="p-received-on" />
          <mat-error>{{ form.controls.receivedOn | dealFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'contract.paymentAmount' | t }}</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" data-testid="p-amount" />
          <span matTextSuffix>{{ 'contract.yuan' | t }}</span>
          <mat-hint>{{ 'deal.outstanding' | t }}：{{ outstandingFen() | fen: 'exact' }}</mat-hint>
          <mat-hint align="end"><xkx-amount-echo [value]="form.controls.amount.value" /></mat-hint>
          <mat-error>{{ form.controls.amount | dealFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'contract.evidenceNote' | t }}</mat-label>
          <input matInput formControlName="evidenceNote" data-testid="p-evidence" />
          <mat-hint>{{ 'contract.evidenceHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.evidenceNote | dealFieldError }}</mat-error>
        </mat-form-field>
      </div>
      @if (formErrors().length) {
        <div class="alert" role="alert" data-testid="payment-form-errors">
          @for (m of formErrors(); track $index) {
            <p>{{ m }}</p>
          }
        </div>
      }
      <div class="buttons">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="p-save">
          {{ 'contract.recordPayment' | t }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './deal-forms.scss',
})
export class PaymentFormComponent {
  private readonly cdr = inject(ChangeDetectorRef);

  /** 合同成交额 − 实际到账: a payment may not take the total above the contract amount. */
  readonly outstandingFen = input.required<number>();
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly recorded = output<PaymentInput>();
  readonly cancelled = output<void>();

  private readonly withinOutstanding: ValidatorFn = (control) => {
    // Read the input only for a value: controls validate once while the component is being created.
    const fen = fenOf(control.value as string);
    if (fen === null) return null;
    const outstandingFen = this.outstandingFen();
    return fen > outstandingFen ? { exceedsOutstanding: { outstandingFen } } : null;
  };

  protected readonly form = new FormGroup({
    receivedOn: new FormControl(shanghaiDate(), { nonNullable: true, validators: [Validators.required] }),
    amount: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, amountValidator(), positiveAmountValidator(), this.withinOutstanding],
    }),
    evidenceNote: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(500)],
    }),
  });
  protected readonly formErrors = signal<string[]>([]);

  constructor() {
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => {
        this.formErrors.set(applyApiErrors(this.form, errors));
        this.cdr.markForCheck();
      });
    });
  }

  protected submit(): void {
    this.formErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.recorded.emit({
      receivedOn: v.receivedOn,
      amountFen: fenOf(v.amount) ?? 0,
      evidenceNote: v.evidenceNote.trim(),
    });
  }
}
