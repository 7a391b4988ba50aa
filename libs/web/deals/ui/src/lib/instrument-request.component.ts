import { ChangeDetectorRef, ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { FieldError, INSTRUMENT_REQUEST_STATUS_LABELS, InstrumentAnswerBody, InstrumentRequest } from '@xkx/contracts';
import { AmountEchoComponent, amountValidator, FieldErrorPipe, fenOf } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { applyApiErrors } from './contract-form';
import { FenPipe } from './fen.pipe';

/**
 * One request to use a shared instrument: who asked what, its status in words, the fee to the fen, the
 * laboratory's note and the 技术服务 deal a paid use opened. When the caller may answer: the fee (元, exact;
 * 0 is free of charge) to accept, or the reason to decline.
 */
@Component({
  selector: 'xkx-instrument-request',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, AmountEchoComponent, FieldErrorPipe, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = request();
    <article data-testid="instrument-request-item" [attr.data-id]="r.id" [attr.data-status]="r.status">
      <p class="head">
        <strong>{{ r.instrumentName }}</strong> · {{ r.laboratoryName }}
        <span class="status" data-testid="instrument-request-status">{{ statusLabels[r.status] | localized }}</span>
      </p>
      <p>{{ 'instrument.requestedBy' | t }}：{{ r.organizationName }}{{ r.requestedBy ? '（' + r.requestedBy + '）' : '' }} · {{ 'instrument.quantity' | t }} {{ r.quantity }}{{ r.preferredOn ? ' · ' + r.preferredOn : '' }}</p>
      <p class="muted">{{ r.purpose }}</p>
      @if (r.feeFen !== null) {
        <p>{{ 'instrument.fee' | t }}：<span data-testid="instrument-request-fee" [attr.data-fen]="r.feeFen">{{ r.feeFen | fen: 'exact' }}</span></p>
      }
      @if (r.answerNote) {
        <p>{{ 'instrument.answerNote' | t }}：<span data-testid="instrument-request-note">{{ r.answerNote }}</span></p>
      }
      @if (r.dealId) {
        <p><a [routerLink]="['/deals', r.dealCode ?? r.dealId]" data-testid="instrument-request-deal">{{ 'instrument.deal' | t }} {{ r.dealCode }}</a></p>
      }
      @if (r.canAnswer) {
        <form class="deal-form" [formGroup]="form" novalidate data-testid="instrument-answer-form">
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'instrument.fee' | t }}</mat-label>
              <input matInput formControlName="fee" inputmode="decimal" data-testid="instrument-fee" />
              <span matTextSuffix>{{ 'contract.yuan' | t }}</span>
              <mat-hint>{{ 'instrument.feeHint' | t }}</mat-hint>
              <mat-hint align="end"><xkx-amount-echo [value]="form.controls.fee.value" /></mat-hint>
              <mat-error data-testid="instrument-fee-error">{{ form.controls.fee | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'instrument.note' | t }}</mat-label>
              <input matInput formControlName="note" maxlength="1000" data-testid="instrument-note" />
              <mat-hint>{{ 'instrument.noteHint' | t }}</mat-hint>
              <mat-error data-testid="instrument-note-error">{{ form.controls.note | fieldError }}</mat-error>
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
            <button mat-button type="button" [disabled]="busy()" (click)="answer(false)" data-testid="instrument-decline">{{ 'instrument.decline' | t }}</button>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="answer(true)" data-testid="instrument-accept">{{ 'instrument.accept' | t }}</button>
          </div>
        </form>
      }
    </article>
  `,
  styleUrl: './deal-forms.scss',
  styles: `
    article { padding: 12px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    p { margin: 4px 0; }
    .head { display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
    .status { margin-left: auto; font: var(--mat-sys-label-large); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class InstrumentRequestComponent {
  private readonly cdr = inject(ChangeDetectorRef);
  readonly request = input.required<InstrumentRequest>();
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly answered = output<InstrumentAnswerBody>();

  protected readonly statusLabels = INSTRUMENT_REQUEST_STATUS_LABELS;
  protected readonly form = new FormGroup({
    fee: new FormControl('', { nonNullable: true, validators: [amountValidator()] }),
    note: new FormControl('', { nonNullable: true }),
  });
  protected readonly formErrors = signal<string[]>([]);

  constructor() {
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => {
        this.formErrors.set(applyApiErrors(this.form, errors.map((e) => (e.field === 'feeFen' ? { ...e, field: 'fee' } : e))));
        this.cdr.markForCheck();
      });
    });
  }

  /**
   * Accepting sends the fee as integer fen, parsed from the 元 typed without a float; declining sends the
   * reason. The API checks both again and its words (zh/en) land on the same fields.
   */
  protected answer(accept: boolean): void {
    this.formErrors.set([]);
    const { fee, note } = this.form.getRawValue();
    // What is missing is said on the field: the fee to accept (0 when free), the reason to decline.
    const missing = accept ? (fee.trim() === '' ? this.form.controls.fee : null) : note.trim() === '' ? this.form.controls.note : null;
    if (missing) missing.setErrors({ required: true });
    const blocked = missing ?? (accept && this.form.controls.fee.invalid ? this.form.controls.fee : null);
    if (blocked) {
      blocked.markAsTouched();
      return;
    }
    const feeFen = fenOf(fee);
    this.answered.emit(accept ? { accept, ...(feeFen !== null ? { feeFen } : {}), ...(note.trim() ? { note: note.trim() } : {}) } : { accept, note: note.trim() });
  }
}
