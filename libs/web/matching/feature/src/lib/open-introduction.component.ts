import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { IntroductionsApiService } from '@xkx/web/deals/data-access';
import { IntroductionDraft, IntroductionFormComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { Introduction } from '@xkx/contracts';

/** "Open introduction" on a good match: the broker writes to one side; the answer opens a deal. */
@Component({
  selector: 'xkx-open-introduction',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, IntroductionFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sent(); as intro) {
      <p class="done" role="status" data-testid="introduction-sent">
        <mat-icon inline aria-hidden="true">mark_email_read</mat-icon> {{ 'deal.introSent' | t }}
        @if (intro.dealId) {
          <a [routerLink]="['/deals', intro.dealCode ?? intro.dealId]">{{ 'deal.open' | t }}</a>
        }
      </p>
    } @else if (open()) {
      <xkx-introduction-form
        [draft]="draft()"
        [busy]="busy()"
        (sent)="send($event)"
        (cancelled)="open.set(false)"
      />
      @if (error(); as e) {
        <p class="error" role="alert" data-testid="introduction-error">{{ e }}</p>
      }
    } @else {
      <button mat-flat-button type="button" data-testid="open-introduction" (click)="open.set(true)">
        <mat-icon>forward_to_inbox</mat-icon> {{ 'deal.introOpen' | t }}
      </button>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .done {
      margin: 0;
      color: var(--mat-sys-primary);
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class OpenIntroductionComponent {
  private readonly api = inject(IntroductionsApiService);
  private readonly i18n = inject(I18nService);

  readonly needId = input.required<string>();
  readonly resultId = input.required<string>();
  readonly score = input<number | null>(null);
  readonly draft = input('');

  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sent = signal<Introduction | null>(null);

  protected send(draft: IntroductionDraft): void {
    this.busy.set(true);
    this.error.set(null);
    const score = this.score();
    this.api
      .request({
        needId: this.needId(),
        resultId: this.resultId(),
        message: draft.message,
        targetKind: draft.targetKind,
        ...(score !== null ? { matchScore: score } : {}),
      })
      .subscribe({
        next: (intro) => {
          this.busy.set(false);
          this.sent.set(intro);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
        },
      });
  }
}
