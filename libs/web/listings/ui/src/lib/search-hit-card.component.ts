import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SearchHit, TRANSFER_MODE_LABELS } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FieldOption } from '@xkx/web/listings/util';
import { FieldNamesPipe } from './field-names.pipe';
import { HighlightComponent } from './highlight.component';
import { ListingStatusComponent } from './listing-status.component';
import { MoneyPipe } from './money.pipe';

/** One search hit: highlighted title and snippet, who offers it, field, TRL, modes and money. */
@Component({
  selector: 'xkx-search-hit-card',
  imports: [RouterLink, MatIconModule, LocalizedPipe, TranslatePipe, FieldNamesPipe, HighlightComponent, ListingStatusComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let h = hit();
    <article class="hit" data-testid="search-hit" [attr.data-id]="h.id">
      <h3>
        <a [routerLink]="link()" data-testid="hit-title"><xkx-highlight [segments]="h.titleHighlight" /></a>
        @if (showStatus()) {
          <xkx-listing-status [status]="h.status" />
        }
      </h3>
      @if (h.subtitle) {
        <p class="subtitle">{{ h.subtitle }}</p>
      }
      <p class="snippet"><xkx-highlight [segments]="h.snippet" /></p>
      <dl class="facts">
        <div>
          <dt><mat-icon inline aria-hidden="true">account_balance</mat-icon> {{ (needs() ? 'listing.enterprise' : 'listing.organization') | t }}</dt>
          <dd>{{ h.organization?.nameZh ?? ('listing.anonymous' | t) }}</dd>
        </div>
        <div>
          <dt>{{ 'listing.fields' | t }}</dt>
          <dd>{{ (h.fieldCodes | fieldNames: fields()).join('、') }}</dd>
        </div>
        @if (h.trl !== null) {
          <div>
            <dt>{{ (needs() ? 'listing.minTrl' : 'listing.trl') | t }}</dt>
            <dd>TRL {{ h.trl }}</dd>
          </div>
        }
        <div>
          <dt>{{ (needs() ? 'listing.budget' : 'listing.price') | t }}</dt>
          <dd data-testid="hit-money">{{ h.money | money }}</dd>
        </div>
        @if (h.bountyFen !== null) {
          <div>
            <dt>{{ 'listing.bounty' | t }}</dt>
            <dd>{{ { negotiable: false, minFen: h.bountyFen, maxFen: h.bountyFen } | money }}</dd>
          </div>
        }
        @if (h.deadline) {
          <div>
            <dt>{{ 'listing.deadline' | t }}</dt>
            <dd>{{ h.deadline }}</dd>
          </div>
        }
      </dl>
      <div class="modes">
        @for (m of h.modes; track m) {
          <span class="mode">{{ modeLabels[m] | localized }}</span>
        }
        <span class="code">{{ h.code }}</span>
      </div>
    </article>
  `,
  styles: `
    .hit { padding: 16px 20px; border-radius: 16px; border: 1px solid var(--mat-sys-outline-variant); background: var(--mat-sys-surface); }
    h3 { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 0 0 4px; font: var(--mat-sys-title-medium); }
    h3 a { color: var(--mat-sys-primary); text-decoration: none; }
    h3 a:hover { text-decoration: underline; }
    .subtitle { margin: 0 0 6px; font-weight: 500; }
    .snippet { margin: 0 0 8px; color: var(--mat-sys-on-surface-variant); line-height: 1.6; }
    .facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0 0 8px; font: var(--mat-sys-body-small); }
    dt { display: inline; color: var(--mat-sys-on-surface-variant); }
    dt::after { content: '：'; }
    dd { display: inline; margin: 0; }
    .modes { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .mode { padding: 1px 8px; border-radius: 6px; background: var(--mat-sys-surface-container-high); font: var(--mat-sys-label-small); }
    .code { margin-left: auto; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-small); }
  `,
})
export class SearchHitCardComponent {
  readonly hit = input.required<SearchHit>();
  readonly link = input.required<string[]>();
  readonly fields = input.required<ReadonlyMap<string, FieldOption>>();
  readonly needs = input(false);
  readonly showStatus = input(false);
  protected readonly modeLabels = TRANSFER_MODE_LABELS;
}
