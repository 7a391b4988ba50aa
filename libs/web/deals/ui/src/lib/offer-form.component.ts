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
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError, OfferInput } from '@xkx/contracts';
import { AmountEchoComponent, amountValidator, fenOf } from '@xkx/web/forms';
import { TranslatePipe } from '@xkx/web/i18n';
import { applyApiErrors } from './contract-form';
import { DealFieldErrorPipe } from './deal-field-error.pipe';

/** An offer during negotiation: a price in 元 (exact to the fen) and the terms it comes with. */
@Component({
  selector: 'xkx-offer-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    AmountEchoComponent,
    DealFieldErrorPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="deal-form" [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="offer-form">
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'deal.offerPrice' | t }}</mat-label>
          <input matInput formControlName="price" inputmode="decimal" data-testid="offer-price" />
          <span matTextSuffix>{{ 'contract.yuan' | t }}</span>
          <mat-hint><xkx-amount-echo [value]="form.controls.price.value" /></mat-hint>
          <mat-error>{{ form.controls.price | dealFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'deal.offerTerms' | t }}</mat-label>
          <input matInput formControlName="terms" data-testid="offer-terms" />
          <mat-error>{{ form.controls.terms | dealFieldError }}</mat-error>
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
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="offer-send">
          {{ 'deal.offerSend' | t }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './deal-forms.scss',
})
export class OfferFormComponent {
  private readonly cdr = inject(ChangeDetectorRef);

  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly proposed = output<OfferInput>();

  protected readonly form = new FormGroup({
    price: new FormControl('', { nonNullable: true, validators: [Validators.required, amountValidator()] }),
    terms: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(5000)],
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

  private readonly formDirective = viewChild.required(FormGroupDirective);

  /**
   * Clears the form after the page sent the offer. resetForm, not form.reset: the directive's
   * `submitted` flag would otherwise stay set and Material would show 必填 on the emptied fields.
   */
  reset(): void {
    this.formDirective().resetForm();
    this.formErrors.set([]);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.proposed.emit({ priceFen: fenOf(v.price) ?? 0, terms: v.terms.trim() });
  }
}
