import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@xkx/web/i18n';
import { FieldNamesPipe, HighlightComponent, MoneyPipe } from '@xkx/web/listings/ui';
import { FieldOption } from '@xkx/web/listings/util';
import { counterpartLink, DeclineChoice, highlightTerms, reasonTerms } from '@xkx/web/matching/util';
import { MatchReasonsComponent } from './match-reasons.component';
import { ScoreBarComponent } from './score-bar.component';
import { VerdictActionsComponent } from './verdict-actions.component';
import { Match } from '@xkx/contracts';

/**
 * One suggested counterpart: its public layer with the shared terms highlighted, the score, the reasons,
 * and (when the viewer may judge) "good" and "decline with a reason". Extra actions are projected.
 */
@Component({
  selector: 'xkx-match-card',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    FieldNamesPipe,
    HighlightComponent,
    MoneyPipe,
    MatchReasonsComponent,
    ScoreBarComponent,
    VerdictActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = match();
    @let c = m.counterpart;
    <article
      class="card"
      [class.selected]="selected()"
      [class.good]="m.verdict === 'GOOD'"
      data-testid="match-card"
      [attr.data-id]="c.id"
      [attr.data-verdict]="m.verdict"
    >
      <header>
        <div class="titles">
          <a class="title" [routerLink]="link()" data-testid="match-title"
            ><xkx-highlight [segments]="titleSegments()"
          /></a>
          @if (c.subtitle) {
            <p class="subtitle">{{ c.subtitle }}</p>
          }
          <p class="org">
            <mat-icon inline aria-hidden="true">account_balance</mat-icon>
            {{ c.organization?.nameZh ?? ('listing.anonymous' | t) }}
            <span class="code">{{ c.code }}</span>
          </p>
        </div>
        <xkx-score-bar [score]="m.score" />
      </header>
      <p class="summary" data-testid="match-summary"><xkx-highlight [segments]="summarySegments()" /></p>
      <dl class="facts">
        <div>
          <dt>{{ 'listing.fields' | t }}</dt>
          <dd>{{ (c.fieldCodes | fieldNames: fields()).join('、') }}</dd>
        </div>
        @if (c.trl !== null) {
          <div>
            <dt>TRL</dt>
            <dd>{{ c.trl }}</dd>
          </div>
        }
        <div>
          <dt>{{ (c.kind === 'RESULT' ? 'listing.price' : 'listing.budget') | t }}</dt>
          <dd>{{ c.money | money }}</dd>
        </div>
      </dl>
      <xkx-match-reasons [reasons]="m.reasons" />
      <footer>
        @if (m.verdict === 'GOOD') {
          <span class="verdict" data-testid="match-good-mark"
            ><mat-icon inline aria-hidden="true">thumb_up</mat-icon> {{ 'match.markedGood' | t }}</span
          >
        }
        <span class="spacer"></span>
        <ng-content select="[xkxMatchActions]" />
        @if (canJudge()) {
          <xkx-verdict-actions
            [good]="m.verdict === 'GOOD'"
            [busy]="busy()"
            (markGood)="good.emit()"
            (declined)="declined.emit($event)"
          />
        }
      </footer>
    </article>
  `,
  styles: `
    .card {
      display: grid;
      gap: 8px;
      padding: 16px 20px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .card.selected {
      border-color: var(--mat-sys-primary);
      box-shadow: 0 0 0 1px var(--mat-sys-primary);
    }
    .card.good {
      background: var(--mat-sys-surface-container-low);
    }
    header {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .titles {
      flex: 1;
      min-width: 240px;
    }
    .title {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-medium);
      text-decoration: none;
    }
    .title:hover {
      text-decoration: underline;
    }
    .subtitle {
      margin: 2px 0;
      font-weight: 500;
    }
    .org {
      margin: 2px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .code {
      margin-left: 8px;
    }
    .summary {
      margin: 0;
      line-height: 1.6;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
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
  `,
})
export class MatchCardComponent {
  readonly match = input.required<Match>();
  readonly fields = input.required<ReadonlyMap<string, FieldOption>>();
  /** Owners of either side and brokers may mark good or decline. */
  readonly canJudge = input(false);
  readonly busy = input(false);
  readonly selected = input(false);
  readonly good = output<void>();
  readonly declined = output<DeclineChoice>();
  protected readonly link = computed(() => counterpartLink(this.match().counterpart));
  private readonly terms = computed(() => reasonTerms(this.match().reasons));
  protected readonly titleSegments = computed(() =>
    highlightTerms(this.match().counterpart.title, this.terms()),
  );
  protected readonly summarySegments = computed(() =>
    highlightTerms(this.match().counterpart.publicSummary, this.terms()),
  );
}
