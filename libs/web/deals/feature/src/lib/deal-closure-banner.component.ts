import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { DealClosureApiService } from '@xkx/web/deals/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { Observable } from 'rxjs';
import { DealDetail, DealTransitionResult } from '@xkx/contracts';

/**
 * A side answered 不合适 on the deal's introduction (issue 12): the deal keeps its stage until its broker
 * confirms 未成交 or keeps going. The broker sees the two buttons; the parties see that it is waiting.
 */
@Component({
  selector: 'xkx-deal-closure-banner',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (closure.hasValue() && closure.value(); as c) {
      @if (c.proposed) {
        <section class="banner" role="status" data-testid="closure-banner" [attr.data-can-decide]="c.canDecide">
          <p class="reason">
            <mat-icon inline aria-hidden="true">report</mat-icon>
            <strong data-testid="closure-reason">{{ 'closure.proposed' | t: { reason: c.reason ?? '' } }}</strong>
          </p>
          @if (c.proposedBy && c.proposedAt) {
            <p class="muted">{{ 'closure.by' | t: { name: c.proposedBy.name, date: (c.proposedAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</p>
          }
          @if (c.canDecide) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="note">
              <mat-label>{{ 'closure.note' | t }}</mat-label>
              <input matInput name="closureNote" maxlength="2000" [ngModel]="note()" (ngModelChange)="note.set($event)" data-testid="closure-note" />
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="button" [disabled]="busy()" (click)="decide('confirm')" data-testid="closure-confirm">
                {{ 'closure.confirm' | t }}
              </button>
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="decide('keep')" data-testid="closure-keep">
                {{ 'closure.keep' | t }}
              </button>
            </div>
          } @else {
            <p class="muted">{{ 'closure.waiting' | t }}</p>
          }
          @if (c.autoCloseAt) {
            <p class="muted" data-testid="closure-auto">{{ 'closure.autoClose' | t: { date: (c.autoCloseAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</p>
          }
          @if (error(); as e) {
            <p class="alert" role="alert" data-testid="closure-error">{{ e }}</p>
          }
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .banner {
      margin: 12px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .reason {
      margin: 0 0 4px;
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .note {
      width: 100%;
      max-width: 480px;
      margin-top: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin: 8px 0 4px;
    }
    .muted {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
    .alert {
      padding: 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DealClosureBannerComponent {
  private readonly api = inject(DealClosureApiService);
  private readonly i18n = inject(I18nService);

  readonly deal = input.required<DealDetail>();
  /** The broker decided: the deal (stage, version, timeline) changed. */
  readonly changed = output<void>();

  /** Reloads with the deal's version, so a stage move elsewhere on the page clears the banner. */
  protected readonly closure = this.api.closureResource(
    () => this.deal().id,
    () => this.deal().version,
  );
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected decide(choice: 'confirm' | 'keep'): void {
    const d = this.deal();
    const note = this.note().trim() || undefined;
    const call: Observable<DealTransitionResult> = choice === 'confirm' ? this.api.confirm(d.id, d.version, note) : this.api.keep(d.id, d.version, note);
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.note.set('');
        this.closure.reload();
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }
}
