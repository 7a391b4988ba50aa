import { ChangeDetectionStrategy, Component, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DECLINE_REASON_LABELS, DeclineReason } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { DeclineChoice } from '@xkx/web/matching/util';

/** A reason category (IN-PART's, which the engine learns from) and an optional note. */
@Component({
  selector: 'xkx-decline-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="decline" data-testid="decline-form" (ngSubmit)="submit()">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'match.declineReason' | t }}</mat-label>
        <mat-select
          [ngModel]="reason()"
          (ngModelChange)="reason.set($event)"
          name="reason"
          required
          data-testid="decline-reason"
        >
          @for (r of reasons; track r) {
            <mat-option [value]="r" [attr.data-reason]="r">{{ labels[r] | localized }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="note">
        <mat-label>{{ 'match.declineNote' | t }}</mat-label>
        <input
          matInput
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
          name="note"
          maxlength="1000"
          data-testid="decline-note"
        />
      </mat-form-field>
      <div class="buttons">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="!reason()" data-testid="decline-confirm">
          {{ 'match.declineConfirm' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .decline {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      padding: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    mat-form-field {
      min-width: 220px;
    }
    .note {
      flex: 1;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-left: auto;
    }
  `,
})
export class DeclineFormComponent {
  readonly declined = output<DeclineChoice>();
  readonly cancelled = output<void>();

  protected readonly reasons = Object.values(DeclineReason);
  protected readonly labels = DECLINE_REASON_LABELS;
  protected readonly reason = signal<DeclineReason | null>(null);
  protected readonly note = signal('');

  protected submit(): void {
    const reason = this.reason();
    if (reason) this.declined.emit({ reason, note: this.note().trim() });
  }
}
