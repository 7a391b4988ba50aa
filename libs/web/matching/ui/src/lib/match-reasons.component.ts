import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatchReasonView } from '@xkx/contracts';
import { LocalizedPipe } from '@xkx/web/i18n';

/** Reasons that speak against a pair are shown muted; the API words every reason in both languages. */
const NEGATIVE: ReadonlySet<string> = new Set([
  'DIFFERENT_FIELD',
  'MODES_DIFFER',
  'PRICE_ABOVE_BUDGET',
  'TRL_BELOW',
]);

/** Why a pair was suggested: the API's reasons in the UI language, with the terms they name as chips. */
@Component({
  selector: 'xkx-match-reasons',
  imports: [MatIconModule, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="reasons" data-testid="match-reasons">
      @for (r of reasons(); track r.code) {
        <li [class.negative]="negative(r)" [attr.data-code]="r.code" data-testid="match-reason">
          <mat-icon inline aria-hidden="true">{{
            negative(r) ? 'remove_circle_outline' : 'check_circle'
          }}</mat-icon>
          <span>{{ r | localized }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .reasons {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
      font: var(--mat-sys-body-small);
    }
    li {
      display: flex;
      gap: 6px;
      align-items: baseline;
    }
    mat-icon {
      color: var(--mat-sys-primary);
      flex: none;
    }
    .negative {
      color: var(--mat-sys-on-surface-variant);
    }
    .negative mat-icon {
      color: var(--mat-sys-outline);
    }
  `,
})
export class MatchReasonsComponent {
  readonly reasons = input.required<readonly MatchReasonView[]>();

  protected negative(reason: MatchReasonView): boolean {
    return NEGATIVE.has(reason.code);
  }
}
