import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { DEAL_STAGE_LABELS, DECLINE_REASON_LABELS, Introduction, PEOPLE_CONTRACT_TYPE_LABELS } from '@xkx/contracts';
import { DealsApiService, IntroductionsApiService } from '@xkx/web/deals/data-access';
import { DealCardComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { DeclineFormComponent } from '@xkx/web/matching/ui';
import { DeclineChoice } from '@xkx/web/matching/util';

/** /workspace/deals: introductions waiting for the caller's answer, and the deals they take part in. */
@Component({
  selector: 'xkx-my-deals-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    LocalizedPipe,
    TranslatePipe,
    DealCardComponent,
    DeclineFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'deal.mineTitle' | t }}</h1>
    <section data-testid="introductions">
      <h2>{{ 'deal.introductions' | t }}</h2>
      @if (intros.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
      }
      @if (error(); as e) {
        <p class="alert" role="alert">{{ e }}</p>
      }
      <ul class="list">
        @for (i of (intros.hasValue() ? intros.value() : undefined)?.items ?? []; track i.id) {
          <li data-testid="introduction" [attr.data-status]="i.status">
            <div class="row">
              <strong
                >{{ i.person?.nameZh ?? i.result?.title ?? '' }}{{ (i.person || i.result) && i.need ? ' × ' : ''
                }}{{ i.need?.title ?? '' }}</strong
              >
              @if (i.contractType; as type) {
                <span class="muted" data-testid="intro-contract-type">{{ contractTypeLabels[type] | localized }}</span>
              }
              <span class="muted"
                >{{ i.requester.name }}{{ i.requesterOrganization ? ' · ' + i.requesterOrganization : '' }} ·
                {{ i.createdAt | date: 'yyyy-MM-dd' }}</span
              >
            </div>
            <p class="message">{{ i.message }}</p>
            @if (i.status === 'PENDING' && i.canAnswer) {
              @if (declining() === i.id) {
                <xkx-decline-form (declined)="answer(i, $event)" (cancelled)="declining.set(null)" />
              } @else {
                <div class="row">
                  <button
                    mat-flat-button
                    type="button"
                    data-testid="intro-interested"
                    (click)="answer(i, null)"
                  >
                    <mat-icon>thumb_up</mat-icon> {{ 'deal.interested' | t }}
                  </button>
                  <button mat-button type="button" data-testid="intro-decline" (click)="declining.set(i.id)">
                    {{ 'match.decline' | t }}
                  </button>
                </div>
              }
            } @else {
              <p class="muted">
                {{ statusKey(i) | t }}
                @if (i.declineReason) {
                  · {{ declineLabels[i.declineReason] | localized }}
                }
                @if (i.dealId) {
                  · <a [routerLink]="['/deals', i.dealCode ?? i.dealId]" data-testid="intro-deal">{{ 'deal.open' | t }}</a>
                }
              </p>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'deal.noIntroductions' | t }}</li>
        }
      </ul>
    </section>
    <section data-testid="my-deals">
      <h2>{{ 'deal.mine' | t }}</h2>
      <ul class="list">
        @for (d of (deals.hasValue() ? deals.value() : undefined)?.items ?? []; track d.id) {
          <li>
            <span class="stage">{{ stageLabels[d.stage] | localized }}</span><xkx-deal-card [deal]="d" />
          </li>
        } @empty {
          <li class="muted">{{ 'deal.noDeals' | t }}</li>
        }
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 1000px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .list > li {
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .row {
      display: flex;
      gap: 8px 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .message {
      margin: 6px 0;
      white-space: pre-line;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .stage {
      display: inline-block;
      margin-bottom: 4px;
      padding: 1px 8px;
      border-radius: 6px;
      background: var(--mat-sys-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .alert {
      margin: 8px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class MyDealsPageComponent {
  private readonly introductionsApi = inject(IntroductionsApiService);
  private readonly i18n = inject(I18nService);

  protected readonly intros = this.introductionsApi.listResource(() => ({ scope: 'asked' }));
  protected readonly deals = inject(DealsApiService).listResource();
  protected readonly stageLabels = DEAL_STAGE_LABELS;
  protected readonly declineLabels = DECLINE_REASON_LABELS;
  protected readonly contractTypeLabels = PEOPLE_CONTRACT_TYPE_LABELS;
  protected readonly declining = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected statusKey(i: Introduction): 'deal.introPending' | 'deal.introInterested' | 'deal.introDeclined' {
    return i.status === 'INTERESTED'
      ? 'deal.introInterested'
      : i.status === 'DECLINED'
        ? 'deal.introDeclined'
        : 'deal.introPending';
  }

  /** `decline` null answers "interested", which opens (or advances) the deal. */
  protected answer(i: Introduction, decline: DeclineChoice | null): void {
    this.declining.set(null);
    this.error.set(null);
    const body = decline
      ? {
          answer: 'DECLINED' as const,
          reason: decline.reason,
          ...(decline.note ? { note: decline.note } : {}),
        }
      : { answer: 'INTERESTED' as const };
    this.introductionsApi.answer(i.id, body).subscribe({
      next: () => {
        this.intros.reload();
        this.deals.reload();
      },
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError')),
    });
  }
}
