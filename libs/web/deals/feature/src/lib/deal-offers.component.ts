import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DealDetail, DealOffer, DealSide, FieldError, OfferInput, OfferStatus } from '@xkx/contracts';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { FenPipe, OfferFormComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, MessageKey, TranslatePipe } from '@xkx/web/i18n';

const STATUS_KEYS: Record<OfferStatus, MessageKey> = {
  PROPOSED: 'deal.offerProposed',
  ACCEPTED: 'deal.offerAccepted',
  DECLINED: 'deal.offerDeclined',
  WITHDRAWN: 'deal.offerWithdrawn',
};
const SIDE_KEYS: Record<DealSide, MessageKey> = {
  INSTITUTION: 'deal.sideInstitution',
  ENTERPRISE: 'deal.sideEnterprise',
  BROKER: 'deal.sideBroker',
};

/** Offers during negotiation: who proposed which price and terms, and the other side's answer. */
@Component({
  selector: 'xkx-deal-offers',
  imports: [DatePipe, MatButtonModule, FenPipe, TranslatePipe, OfferFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="deal-offers">
      <h2>{{ 'deal.offers' | t }}</h2>
      @if (error(); as e) {
        <p class="alert" role="alert" data-testid="offer-error">{{ e }}</p>
      }
      <ul class="offers">
        @for (o of (offers.hasValue() ? offers.value() : undefined) ?? []; track o.id) {
          <li data-testid="offer" [attr.data-status]="o.status">
            <div class="line">
              <strong class="price" data-testid="offer-price-shown">{{ o.priceFen | fen: 'exact' }}</strong>
              <span class="status">{{ statusKeys[o.status] | t }}</span>
            </div>
            <p class="terms">{{ o.terms }}</p>
            <span class="muted"
              >{{ o.proposedByName }} · {{ sideKeys[o.side] | t }} ·
              {{ o.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span
            >
            @if (canAnswer(o)) {
              <div class="line">
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="answer(o, true)"
                  data-testid="offer-accept"
                >
                  {{ 'deal.offerAccept' | t }}
                </button>
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="answer(o, false)"
                  data-testid="offer-decline"
                >
                  {{ 'deal.offerDecline' | t }}
                </button>
              </div>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'deal.noOffers' | t }}</li>
        }
      </ul>
      @if (deal().stage === 'NEGOTIATING') {
        <xkx-offer-form [serverErrors]="serverErrors()" [busy]="busy()" (proposed)="propose($event)" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .offers {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .offers > li[data-testid] {
      padding: 8px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .line {
      display: flex;
      gap: 8px 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .price {
      font-variant-numeric: tabular-nums;
    }
    .status {
      padding: 0 8px;
      border-radius: 6px;
      background: var(--mat-sys-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .terms {
      margin: 4px 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
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
export class DealOffersComponent {
  private readonly api = inject(DealsApiService);
  private readonly i18n = inject(I18nService);

  readonly deal = input.required<DealDetail>();
  /** An offer was accepted (the deal's agreed price and version changed). */
  readonly changed = output<void>();

  private readonly form = viewChild(OfferFormComponent);
  protected readonly offers = this.api.offersResource(() => this.deal().id);
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly sideKeys = SIDE_KEYS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly serverErrors = signal<readonly FieldError[]>([]);

  /** Only a party answers, and never the side that proposed (the API enforces the same). */
  protected canAnswer(o: DealOffer): boolean {
    const side = this.deal().mySide;
    return o.status === 'PROPOSED' && side !== 'BROKER' && side !== o.side;
  }

  protected propose(offer: OfferInput): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.proposeOffer(this.deal().id, offer).subscribe({
      next: () => {
        this.busy.set(false);
        this.form()?.reset();
        this.offers.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const e = toApiError(error);
        this.serverErrors.set(
          e.errors.length
            ? e.errors
            : [{ field: '_form', message: e.message ?? this.i18n.t('common.loadError') }],
        );
      },
    });
  }

  protected answer(o: DealOffer, accept: boolean): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.answerOffer(this.deal().id, o.id, accept).subscribe({
      next: () => {
        this.busy.set(false);
        this.offers.reload();
        if (accept) this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }
}
