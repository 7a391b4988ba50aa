import { ChangeDetectionStrategy, Component, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ListingKind } from '@xkx/contracts';
import { TranslatePipe } from '@xkx/web/i18n';

export interface IntroductionDraft {
  message: string;
  targetKind: ListingKind;
}

/**
 * An introduction's message: a broker opening one from a good match also chooses whose side is asked
 * first; an enterprise or researcher asking from a listing page only writes the message.
 */
@Component({
  selector: 'xkx-introduction-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="intro" data-testid="introduction-form" (ngSubmit)="submit()">
      @if (chooseTarget()) {
        <div class="target">
          <span class="label">{{ 'deal.introAsk' | t }}</span>
          <mat-button-toggle-group
            [value]="targetKind()"
            (change)="targetKind.set($event.value)"
            [attr.aria-label]="'deal.introAsk' | t"
          >
            <mat-button-toggle value="RESULT" data-testid="intro-target-result">{{
              'deal.introAskResult' | t
            }}</mat-button-toggle>
            <mat-button-toggle value="NEED" data-testid="intro-target-need">{{
              'deal.introAskNeed' | t
            }}</mat-button-toggle>
          </mat-button-toggle-group>
        </div>
      }
      <mat-form-field class="full" subscriptSizing="dynamic">
        <mat-label>{{ 'deal.introMessage' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          name="message"
          [ngModel]="message()"
          (ngModelChange)="message.set($event)"
          minlength="10"
          maxlength="2000"
          required
          data-testid="intro-message"
        ></textarea>
        <mat-hint>{{ 'deal.introMessageHint' | t }}</mat-hint>
      </mat-form-field>
      <div class="buttons">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="busy() || message().trim().length < 10"
          data-testid="intro-send"
        >
          {{ 'deal.introSend' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .intro {
      display: grid;
      gap: 12px;
      padding: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .target {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .full {
      width: 100%;
    }
    .buttons {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
  `,
})
export class IntroductionFormComponent implements OnInit {
  /** A first draft of the message (the pair's titles). */
  readonly draft = input('');
  readonly busy = input(false);
  /** Brokers choose whose side is asked; a party asking from a listing page asks that listing's side. */
  readonly chooseTarget = input(true);
  readonly sent = output<IntroductionDraft>();
  readonly cancelled = output<void>();

  protected readonly targetKind = signal<ListingKind>(ListingKind.RESULT);
  protected readonly message = signal('');

  ngOnInit(): void {
    this.message.set(this.draft());
  }

  protected submit(): void {
    const message = this.message().trim();
    if (message.length >= 10) this.sent.emit({ message, targetKind: this.targetKind() });
  }
}
