import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@xkx/web/i18n';
import { FenPipe } from './fen.pipe';
import { DealCard } from '@xkx/contracts';

/** A deal on the board or in a list: the two sides, the next action (red when overdue), the agreed price. */
@Component({
  selector: 'xkx-deal-card',
  imports: [RouterLink, MatIconModule, TranslatePipe, FenPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = deal();
    <a class="title" [routerLink]="['/deals', d.code]" data-testid="deal-title">{{ d.title }}</a>
    <span class="code">{{ d.code }}</span>
    <span class="side"><mat-icon inline aria-hidden="true">school</mat-icon> {{ d.institution.nameZh }}</span>
    <span class="side"><mat-icon inline aria-hidden="true">factory</mat-icon> {{ d.enterprise.nameZh }}</span>
    @if (d.nextAction) {
      <span class="next" [class.overdue]="d.overdue">
        <mat-icon inline aria-hidden="true">{{ d.overdue ? 'alarm' : 'event' }}</mat-icon> {{ d.nextAction }}
        @if (d.nextActionDue) {
          · {{ d.nextActionDue }}
        }
      </span>
    }
    @if (d.agreedPriceFen !== null) {
      <span class="price">{{ 'deal.agreedPrice' | t }} {{ d.agreedPriceFen | fen }}</span>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 2px;
      font: var(--mat-sys-body-small);
    }
    .title {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
      text-decoration: none;
    }
    .title:hover {
      text-decoration: underline;
    }
    .code,
    .side {
      color: var(--mat-sys-on-surface-variant);
    }
    .next.overdue {
      color: var(--mat-sys-error);
    }
    .price {
      font-weight: 500;
    }
  `,
})
export class DealCardComponent {
  readonly deal = input.required<DealCard>();
}
