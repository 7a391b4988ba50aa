import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { USER_STATUS_LABELS, UserStatus } from '@xkx/contracts';
import { LocalizedPipe } from '@xkx/web/i18n';

/** An account status as a small coloured badge. */
@Component({
  selector: 'xkx-user-status',
  imports: [LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="status()" data-testid="user-status">{{ labels[status()] | localized }}</span>`,
  styles: `
    .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font: var(--mat-sys-label-medium); }
    .PENDING { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .ACTIVE { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .SUSPENDED { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class UserStatusComponent {
  readonly status = input.required<UserStatus>();
  protected readonly labels = USER_STATUS_LABELS;
}
