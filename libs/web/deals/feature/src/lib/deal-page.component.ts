import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DEAL_STAGE_LABELS,
  DealSide,
  PRICING_METHOD_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@xkx/contracts';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { DealListingRef, DealPerson } from '@xkx/web/deals/util';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';

const SIDE_KEYS: Record<DealSide, MessageKey> = {
  INSTITUTION: 'deal.sideInstitution',
  ENTERPRISE: 'deal.sideEnterprise',
  BROKER: 'deal.sideBroker',
};

/** /deals/:id: one deal for its parties and brokers: stage and next action, parties, listings, NDA, contracts, timeline, messages. */
@Component({
  selector: 'xkx-deal-page',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    LocalizedPipe,
    TranslatePipe,
    FenPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deal-page.component.html',
  styleUrl: './deal-page.component.scss',
})
export class DealPageComponent {
  private readonly api = inject(DealsApiService);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();

  protected readonly deal = this.api.detailResource(this.id);
  protected readonly timeline = this.api.timelineResource(this.id);
  protected readonly messages = this.api.messagesResource(this.id);
  protected readonly stageLabels = DEAL_STAGE_LABELS;
  protected readonly pricingLabels = PRICING_METHOD_LABELS;
  protected readonly registrationLabels = REGISTRATION_STATUS_LABELS;
  protected readonly sideKeys = SIDE_KEYS;
  protected readonly draft = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly posting = signal(false);
  protected readonly listings = computed<DealListingRef[]>(() => {
    const d = this.deal.value();
    return d ? [d.result, d.need].filter((l): l is DealListingRef => l !== null) : [];
  });

  protected brokerNames(brokers: readonly DealPerson[]): string {
    return brokers.map((b) => b.name).join('、');
  }

  protected link(listing: DealListingRef): string[] {
    return ['/', listing.kind === 'RESULT' ? 'results' : 'needs', listing.id];
  }

  protected post(): void {
    const body = this.draft().trim();
    if (!body) return;
    this.posting.set(true);
    this.api.postMessage(this.id(), body).subscribe({
      next: () => {
        this.posting.set(false);
        this.draft.set('');
        this.messages.reload();
      },
      error: (error: unknown) => {
        this.posting.set(false);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }

  protected acceptNda(version: number): void {
    this.api.acceptNda(this.id(), version).subscribe({
      next: () => {
        this.deal.reload();
        this.timeline.reload();
      },
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError')),
    });
  }
}
