import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@xkx/web/i18n';
import { FieldNamesPipe, HighlightComponent, MoneyPipe } from '@xkx/web/listings/ui';
import { FieldOption, isResult, LISTING_SEGMENT } from '@xkx/web/listings/util';
import { highlightTerms } from '@xkx/web/matching/util';
import { ListingDetail } from '@xkx/contracts';

/**
 * The listing a broker is matching, its public layer only (what the other side will see first), with the
 * terms of the candidate in focus highlighted, so both texts can be read side by side.
 */
@Component({
  selector: 'xkx-pair-listing',
  imports: [RouterLink, MatIconModule, TranslatePipe, FieldNamesPipe, HighlightComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let l = listing();
    <article class="listing" data-testid="selected-listing" [attr.data-id]="l.id">
      <span class="kind">{{ (result() ? 'nav.results' : 'nav.needs') | t }} · {{ l.code }}</span>
      <h2>
        <a [routerLink]="link()" data-testid="selected-title"><xkx-highlight [segments]="mark(l.title)" /></a>
      </h2>
      @if (subtitle(); as s) {
        <p class="subtitle"><xkx-highlight [segments]="mark(s)" /></p>
      }
      <p class="org">
        <mat-icon inline aria-hidden="true">account_balance</mat-icon>
        {{ l.organization?.nameZh ?? ('listing.anonymous' | t) }}
      </p>
      <dl class="facts">
        <div>
          <dt>{{ 'listing.fields' | t }}</dt>
          <dd>{{ (l.fieldCodes | fieldNames: fields()).join('、') }}</dd>
        </div>
        <div>
          <dt>TRL</dt>
          <dd>{{ trl() ?? '—' }}</dd>
        </div>
        <div>
          <dt>{{ (result() ? 'listing.price' : 'listing.budget') | t }}</dt>
          <dd>{{ money() | money }}</dd>
        </div>
        @if (l.keywords.length) {
          <div>
            <dt>{{ 'listing.keywords' | t }}</dt>
            <dd><xkx-highlight [segments]="mark(l.keywords.join('、'))" /></dd>
          </div>
        }
      </dl>
      <h3>{{ 'listing.publicSummary' | t }}</h3>
      <p class="text" data-testid="selected-summary"><xkx-highlight [segments]="mark(l.publicSummary)" /></p>
      @for (section of sections(); track section.label) {
        <h3>{{ section.label | t }}</h3>
        <p class="text"><xkx-highlight [segments]="mark(section.text)" /></p>
      }
    </article>
  `,
  styles: `
    .listing {
      padding: 16px 20px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
    }
    .kind {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    h2 {
      margin: 4px 0;
      font: var(--mat-sys-title-large);
    }
    h2 a {
      color: inherit;
      text-decoration: none;
    }
    h2 a:hover {
      text-decoration: underline;
    }
    h3 {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .subtitle {
      margin: 0 0 4px;
      font-weight: 500;
    }
    .org {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      display: grid;
      gap: 4px;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    dt {
      display: inline;
      color: var(--mat-sys-on-surface-variant);
    }
    dt::after {
      content: '：';
    }
    dd {
      display: inline;
      margin: 0;
    }
    .text {
      margin: 0;
      line-height: 1.7;
      white-space: pre-line;
    }
  `,
})
export class PairListingComponent {
  readonly listing = input.required<ListingDetail>();
  readonly fields = input.required<ReadonlyMap<string, FieldOption>>();
  /** The terms of the candidate in focus. */
  readonly terms = input<readonly string[]>([]);

  protected readonly result = computed(() => {
    const l = this.listing();
    return isResult(l) ? l : null;
  });
  protected readonly link = computed(() => [
    '/',
    this.result() ? LISTING_SEGMENT.RESULT : LISTING_SEGMENT.NEED,
    this.listing().code,
  ]);
  protected readonly subtitle = computed(() => this.result()?.valueProposition ?? null);
  protected readonly trl = computed(() => {
    const l = this.listing();
    return isResult(l) ? l.trl : l.minTrl;
  });
  protected readonly money = computed(() => {
    const l = this.listing();
    return isResult(l) ? l.price : l.budget;
  });
  /** The public texts besides the summary: problem, advantages and applications of a result; a need's problem. */
  protected readonly sections = computed(() => {
    const l = this.listing();
    return isResult(l)
      ? [
          { label: 'listing.problemSolved' as const, text: l.problemSolved },
          { label: 'listing.advantages' as const, text: l.advantages },
          { label: 'listing.applications' as const, text: l.applications },
        ]
      : [{ label: 'listing.problem' as const, text: l.problem }];
  });

  protected mark(text: string): ReturnType<typeof highlightTerms> {
    return highlightTerms(text, this.terms());
  }
}
