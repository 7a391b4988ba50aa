import { ChangeDetectorRef, ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError, INSTRUMENT_PRICE_UNIT_LABELS, InstrumentPriceUnit, InstrumentRequestBody } from '@xkx/contracts';
import { FieldErrorPipe } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { applyApiErrors } from './contract-form';

/** An enterprise asks to use a shared instrument: purpose, units wanted (as the instrument is priced), a preferred day. */
@Component({
  selector: 'xkx-instrument-request-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="deal-form" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="instrument-request-form">
      <div class="row">
        <mat-form-field class="wide">
          <mat-label>{{ 'instrument.purpose' | t }}</mat-label>
          <input matInput formControlName="purpose" data-testid="instrument-purpose" />
          <mat-error data-testid="instrument-purpose-error">{{ form.controls.purpose | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'instrument.quantity' | t }}</mat-label>
          <input matInput type="number" min="1" formControlName="quantity" data-testid="instrument-quantity" />
          <span matTextSuffix>{{ unitLabels[unit()] | localized }}</span>
          <mat-error>{{ form.controls.quantity | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'instrument.preferredOn' | t }}</mat-label>
          <input matInput type="date" formControlName="preferredOn" data-testid="instrument-preferred-on" />
          <mat-error>{{ form.controls.preferredOn | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      @if (formErrors().length) {
        <div class="alert" role="alert">
          @for (m of formErrors(); track $index) {
            <p>{{ m }}</p>
          }
        </div>
      }
      <div class="buttons">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="instrument-send">{{ 'instrument.send' | t }}</button>
      </div>
    </form>
  `,
  styleUrl: './deal-forms.scss',
})
export class InstrumentRequestFormComponent {
  private readonly cdr = inject(ChangeDetectorRef);
  readonly unit = input.required<InstrumentPriceUnit>();
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly sent = output<InstrumentRequestBody>();
  readonly cancelled = output<void>();

  protected readonly unitLabels = INSTRUMENT_PRICE_UNIT_LABELS;
  protected readonly form = new FormGroup({
    purpose: new FormControl('', { nonNullable: true }),
    quantity: new FormControl<number | null>(1, { validators: [Validators.required, Validators.min(1)] }),
    preferredOn: new FormControl('', { nonNullable: true }),
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

  /** The purpose is checked by the API, whose words (zh/en) come back on the field. */
  protected submit(): void {
    this.formErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.sent.emit({ purpose: v.purpose.trim(), quantity: Number(v.quantity), ...(v.preferredOn ? { preferredOn: v.preferredOn } : {}) });
  }
}
