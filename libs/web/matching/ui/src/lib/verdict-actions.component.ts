import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@xkx/web/i18n';
import { DeclineChoice } from '@xkx/web/matching/util';
import { DeclineFormComponent } from './decline-form.component';

/**
 * "Good" and "decline with a reason" for a suggested pair, shared by match and opportunity cards.
 * The host is `display: contents`, so the buttons sit in the card's footer row and the decline form
 * takes the whole row while it is open.
 */
@Component({
  selector: 'xkx-verdict-actions',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, DeclineFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (declining()) {
      <xkx-decline-form class="form" (declined)="decline($event)" (cancelled)="declining.set(false)" />
    } @else {
      @if (!good()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          data-testid="match-good"
          (click)="markGood.emit()"
        >
          <mat-icon>thumb_up</mat-icon> {{ 'match.good' | t }}
        </button>
      }
      <button
        mat-button
        type="button"
        [disabled]="busy()"
        data-testid="match-decline"
        (click)="declining.set(true)"
      >
        <mat-icon>thumb_down</mat-icon> {{ 'match.decline' | t }}
      </button>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .form {
      flex-basis: 100%;
    }
  `,
})
export class VerdictActionsComponent {
  /** Already marked good: only "decline" is offered. */
  readonly good = input(false);
  readonly busy = input(false);
  readonly markGood = output<void>();
  readonly declined = output<DeclineChoice>();

  protected readonly declining = signal(false);

  protected decline(choice: DeclineChoice): void {
    this.declining.set(false);
    this.declined.emit(choice);
  }
}
