import { ChangeDetectionStrategy, Component, effect, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldError } from '@xkx/contracts';
import { AmountEchoComponent, amountValidator, applyFieldErrors } from '@xkx/web/forms';
import { TranslatePipe } from '@xkx/web/i18n';
import { fenToYuanInput, RndPut, rndPuts } from '@xkx/web/kpis/util';
import { KpiFieldErrorPipe } from './kpi-field-error.pipe';

/**
 * An enterprise's R&D spending (研发投入) for a year and the year before, typed in 元. Emits the PUTs of
 * what changed (the container saves them and passes back the API's field errors on `amount`,
 * `previousAmount` or `note`). Used inline in the R&D report and in the enterprise's workspace card.
 */
@Component({
  selector: 'xkx-kpi-rnd-entry',
  imports: [AmountEchoComponent, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, KpiFieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="entry" data-testid="rnd-entry" novalidate>
      <div class="amounts">
        <mat-form-field>
          <mat-label>{{ 'kpi.rndAmount' | t: { year: year() } }}</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" data-testid="rnd-amount" />
          <mat-hint><xkx-amount-echo [value]="form.controls.amount.value" /></mat-hint>
          <mat-error>{{ form.controls.amount | kpiFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'kpi.rndAmount' | t: { year: year() - 1 } }}</mat-label>
          <input matInput formControlName="previousAmount" inputmode="decimal" autocomplete="off" data-testid="rnd-previous" />
          <mat-hint><xkx-amount-echo [value]="form.controls.previousAmount.value" /></mat-hint>
          <mat-error>{{ form.controls.previousAmount | kpiFieldError }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field class="note">
        <mat-label>{{ 'kpi.rndNote' | t: { year: year() } }}</mat-label>
        <input matInput formControlName="note" maxlength="500" data-testid="rnd-note" />
        <mat-error>{{ form.controls.note | kpiFieldError }}</mat-error>
      </mat-form-field>
      <p class="hint">{{ 'kpi.yuanHint' | t }}</p>
      <div class="actions">
        @if (unchanged()) {
          <span class="muted" role="status" data-testid="rnd-unchanged">{{ 'kpi.rndUnchanged' | t }}</span>
        }
        @if (cancellable()) {
          <button mat-button type="button" data-testid="rnd-cancel" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        }
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="rnd-save">{{ 'common.save' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .entry { display: grid; gap: 4px; }
    .amounts { display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .amounts mat-form-field { flex: 1 1 240px; }
    .hint { margin: 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .actions { display: flex; justify-content: flex-end; align-items: center; gap: 8px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class KpiRndEntryComponent {
  /** The year entered; the second field is the year before. */
  readonly year = input.required<number>();
  readonly amountFen = input<number | null>(null);
  readonly previousAmountFen = input<number | null>(null);
  readonly note = input<string | null>(null);
  readonly busy = input(false);
  /** The API's field errors, on `amount`, `previousAmount` or `note`. */
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly cancellable = input(false);
  readonly save = output<RndPut[]>();
  readonly cancelled = output();

  protected readonly unchanged = signal(false);
  protected readonly form = new FormGroup({
    amount: new FormControl('', { nonNullable: true, validators: [amountValidator()] }),
    previousAmount: new FormControl('', { nonNullable: true, validators: [amountValidator()] }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });

  constructor() {
    // What was entered (re-read after a save) replaces what the form shows. An amount entered once can
    // be corrected but not emptied: the API keeps one figure per year, there is nothing to delete.
    effect(() => {
      const amountFen = this.amountFen();
      const previousAmountFen = this.previousAmountFen();
      const note = this.note();
      untracked(() => {
        const { amount, previousAmount } = this.form.controls;
        amount.setValidators(amountFen === null ? [amountValidator()] : [amountValidator(), Validators.required]);
        previousAmount.setValidators(previousAmountFen === null ? [amountValidator()] : [amountValidator(), Validators.required]);
        this.form.reset({ amount: fenToYuanInput(amountFen), previousAmount: fenToYuanInput(previousAmountFen), note: note ?? '' });
        this.unchanged.set(false);
      });
    });
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => applyFieldErrors(this.form, errors));
    });
  }

  protected submit(): void {
    this.unchanged.set(false);
    const { amount, note } = this.form.controls;
    // A note belongs to the year's figure: it cannot be saved without one.
    if (note.value.trim() && !amount.value.trim()) amount.setErrors({ required: true });
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const puts = rndPuts(this.year(), { amountFen: this.amountFen(), previousAmountFen: this.previousAmountFen(), note: this.note() }, this.form.getRawValue());
    if (!puts.length) {
      this.unchanged.set(true);
      return;
    }
    this.save.emit(puts);
  }
}
