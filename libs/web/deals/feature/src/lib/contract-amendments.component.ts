import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AmendmentInput, Contract, FieldError } from '@xkx/contracts';
import { fenToYuanString, parseAmount, shanghaiDate } from '@xkx/util';
import { AMOUNT_ERROR_KEYS, AmountEchoComponent } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

const MONEY = new Set(['contractAmountFen', 'nonTechnicalCostFen', 'technicalAmountFen']);

/**
 * A registered contract's amounts, parties and type are frozen: this lists its amendments (who, when, why,
 * from which day, before → after) and lets a broker record one for the amounts. The API checks it
 * like any write; its field errors come back next to the fields.
 */
@Component({
  selector: 'xkx-contract-amendments',
  imports: [AmountEchoComponent, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="amendments" data-testid="contract-amendments">
      <h3>{{ 'ledger.amendmentsTitle' | t }}</h3>
      <p class="muted">{{ 'ledger.frozenNote' | t }}</p>
      @for (a of contract().amendments; track a.id) {
        <div class="amendment" data-testid="amendment" [attr.data-effective]="a.effectiveOn">
          <div class="head">
            {{ 'ledger.amendmentEffective' | t: { date: a.effectiveOn } }} ·
            {{ a.author?.name ?? '—' }} · {{ a.createdAt.slice(0, 16).replace('T', ' ') }}
          </div>
          <ul>
            @for (ch of a.changes; track ch.field) {
              <li data-testid="amendment-change" [attr.data-field]="ch.field">{{ fieldLabel(ch.field) }}：{{ show(ch.field, ch.before) }} → {{ show(ch.field, ch.after) }}</li>
            }
          </ul>
          <div class="reason">{{ 'ledger.amendmentReason' | t }}：{{ a.reason }}</div>
        </div>
      } @empty {
        <p class="muted">{{ 'ledger.noAmendments' | t }}</p>
      }
      @if (manage()) {
        @if (open()) {
          <form class="form" (submit)="$event.preventDefault(); submit()" data-testid="amendment-form">
            <mat-form-field>
              <mat-label>{{ 'ledger.amendmentEffectiveOn' | t }}</mat-label>
              <input matInput type="date" [value]="effectiveOn()" (input)="effectiveOn.set(value($event))" data-testid="a-effective" />
              @if (error('effectiveOn'); as e) { <mat-error>{{ e }}</mat-error> }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'ledger.amendmentAmount' | t }}</mat-label>
              <input matInput inputmode="decimal" [value]="amount()" (input)="amount.set(value($event))" data-testid="a-amount" />
              <span matTextSuffix>元</span>
              <mat-hint><xkx-amount-echo [value]="amount()" /></mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'ledger.amendmentNonTechnical' | t }}</mat-label>
              <input matInput inputmode="decimal" [value]="nonTechnical()" (input)="nonTechnical.set(value($event))" data-testid="a-non-technical" />
              <span matTextSuffix>元</span>
              <mat-hint><xkx-amount-echo [value]="nonTechnical()" /></mat-hint>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'ledger.amendmentReason' | t }}</mat-label>
              <textarea matInput rows="2" [value]="reason()" (input)="reason.set(value($event))" data-testid="a-reason"></textarea>
            </mat-form-field>
            @for (m of messages(); track m) {
              <p class="alert" role="alert" data-testid="amendment-error">{{ m }}</p>
            }
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="a-save">{{ 'ledger.amendmentSave' | t }}</button>
              <button mat-button type="button" (click)="open.set(false)">{{ 'common.cancel' | t }}</button>
            </div>
          </form>
        } @else {
          <button mat-stroked-button type="button" (click)="start()" data-testid="amendment-new">{{ 'ledger.amendmentNew' | t }}</button>
        }
      }
    </section>
  `,
  styles: `
    .amendments { margin-top: 16px; }
    .amendment { padding: 8px 0; border-top: 1px solid var(--mat-sys-outline-variant); }
    .head, .reason { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    ul { margin: 4px 0; padding-left: 20px; }
    .form { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 8px 16px; }
    .wide, .actions, .alert { grid-column: 1 / -1; }
    .alert { color: var(--mat-sys-error); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ContractAmendmentsComponent {
  private readonly i18n = inject(I18nService);
  readonly contract = input.required<Contract>();
  readonly manage = input(false);
  readonly busy = input(false);
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly amend = output<Omit<AmendmentInput, 'version'>>();

  protected readonly open = signal(false);
  protected readonly effectiveOn = signal(shanghaiDate());
  protected readonly amount = signal('');
  protected readonly nonTechnical = signal('');
  protected readonly reason = signal('');
  private readonly localErrors = signal<readonly FieldError[]>([]);
  protected readonly messages = computed(() =>
    [...this.localErrors(), ...this.serverErrors()].filter((e) => e.field !== 'effectiveOn').map((e) => e.message),
  );

  protected start(): void {
    const k = this.contract();
    this.amount.set(fenToYuanString(k.amounts.contractAmountFen));
    this.nonTechnical.set(fenToYuanString(k.amounts.nonTechnicalCostFen));
    this.reason.set('');
    this.localErrors.set([]);
    this.open.set(true);
  }

  protected submit(): void {
    const k = this.contract();
    const amount = parseAmount(this.amount());
    const nonTechnical = parseAmount(this.nonTechnical());
    // Named by the field's label, with the reason the one parser gives.
    const invalid = [
      ...(amount.ok ? [] : [{ field: 'contractAmountFen', message: `${this.i18n.t('ledger.amendmentAmount')}：${this.i18n.t(AMOUNT_ERROR_KEYS[amount.error])}` }]),
      ...(nonTechnical.ok ? [] : [{ field: 'nonTechnicalCostFen', message: `${this.i18n.t('ledger.amendmentNonTechnical')}：${this.i18n.t(AMOUNT_ERROR_KEYS[nonTechnical.error])}` }]),
    ];
    this.localErrors.set(invalid);
    if (!amount.ok || !nonTechnical.ok) return;
    this.amend.emit({
      effectiveOn: this.effectiveOn(),
      reason: this.reason().trim(),
      ...(amount.fen !== k.amounts.contractAmountFen ? { contractAmountFen: amount.fen } : {}),
      ...(nonTechnical.fen !== k.amounts.nonTechnicalCostFen ? { nonTechnicalCostFen: nonTechnical.fen } : {}),
    });
  }

  /** Closes the form once the parent saved the amendment. */
  done(): void {
    this.open.set(false);
  }

  protected error(field: string): string | null {
    return this.serverErrors().find((e) => e.field === field)?.message ?? null;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fieldLabel(field: string): string {
    const key = `ledger.field.${field}` as Parameters<I18nService['t']>[0];
    return this.i18n.t(key);
  }

  protected show(field: string, value: string | number | null): string {
    if (value === null) return '—';
    return MONEY.has(field) && typeof value === 'number' ? `${fenToYuanString(value)} 元` : String(value);
  }
}
