import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@xkx/web/i18n';
import { HighlightComponent } from '@xkx/web/listings/ui';
import { counterpartLink, DeclineChoice, highlightTerms, reasonTerms } from '@xkx/web/matching/util';
import { MatchReasonsComponent } from './match-reasons.component';
import { ScoreBarComponent } from './score-bar.component';
import { VerdictActionsComponent } from './verdict-actions.component';
import { Opportunity } from '@xkx/contracts';

/** A new pair for brokers: the need and the result side by side, the shared terms highlighted in both. */
@Component({
  selector: 'xkx-opportunity-card',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    HighlightComponent,
    MatchReasonsComponent,
    ScoreBarComponent,
    VerdictActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = opportunity();
    <article
      class="card"
      [class.good]="good()"
      data-testid="opportunity"
      [attr.data-need]="o.need.id"
      [attr.data-result]="o.result.id"
    >
      <header>
        <xkx-score-bar [score]="o.score" />
        <span class="spacer"></span>
        @if (good()) {
          <span class="verdict"
            ><mat-icon inline aria-hidden="true">thumb_up</mat-icon> {{ 'match.markedGood' | t }}</span
          >
        }
      </header>
      <div class="pair">
        @for (side of sides(); track side.key) {
          <section>
            <span class="kind">{{ side.label | t }} · {{ side.listing.code }}</span>
            <a class="title" [routerLink]="side.link"><xkx-highlight [segments]="side.title" /></a>
            <span class="org">{{ side.listing.organization?.nameZh ?? ('listing.anonymous' | t) }}</span>
            <p class="summary"><xkx-highlight [segments]="side.summary" /></p>
          </section>
        }
      </div>
      <xkx-match-reasons [reasons]="o.reasons" />
      <footer>
        <button mat-button type="button" data-testid="opportunity-open" (click)="pick.emit()">
          <mat-icon>compare_arrows</mat-icon> {{ 'match.openInWorkbench' | t }}
        </button>
        <span class="spacer"></span>
        <ng-content select="[xkxMatchActions]" />
        <xkx-verdict-actions
          [good]="good()"
          [busy]="busy()"
          (markGood)="marked.emit()"
          (declined)="declined.emit($event)"
        />
      </footer>
    </article>
  `,
  styles: `
    .card {
      display: grid;
      gap: 10px;
      padding: 16px 20px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .card.good {
      background: var(--mat-sys-surface-container-low);
    }
    header,
    footer {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .spacer {
      flex: 1;
    }
    .verdict {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
    }
    .pair {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    @media (max-width: 720px) {
      .pair {
        grid-template-columns: 1fr;
      }
    }
    section {
      display: grid;
      gap: 2px;
      align-content: start;
    }
    .kind,
    .org {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .title {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
      text-decoration: none;
    }
    .summary {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      line-height: 1.6;
    }
  `,
})
export class OpportunityCardComponent {
  readonly opportunity = input.required<Opportunity>();
  readonly good = input(false);
  readonly busy = input(false);
  readonly marked = output<void>();
  readonly declined = output<DeclineChoice>();
  readonly pick = output<void>();
  protected readonly sides = computed(() => {
    const o = this.opportunity();
    const terms = reasonTerms(o.reasons);
    return (
      [
        ['need', 'nav.needs', o.need],
        ['result', 'nav.results', o.result],
      ] as const
    ).map(([key, label, listing]) => ({
      key,
      label,
      listing,
      link: counterpartLink(listing),
      title: highlightTerms(listing.title, terms),
      summary: highlightTerms(listing.publicSummary, terms),
    }));
  });
}
