import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LISTING_STATUS_LABELS, ListingStatus } from '@xkx/contracts';
import { LocalizedPipe } from '@xkx/web/i18n';

/** A listing's status as a coloured chip. */
@Component({
  selector: 'xkx-listing-status',
  imports: [LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip s-' + status()" data-testid="listing-status" [attr.data-status]="status()">{{ labels[status()] | localized }}</span>`,
  styles: `
    .chip { display: inline-block; padding: 2px 10px; border-radius: 999px; font: var(--mat-sys-label-medium); white-space: nowrap;
      background: var(--mat-sys-surface-container-highest); color: var(--mat-sys-on-surface); }
    .s-PUBLISHED { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .s-SUBMITTED, .s-IN_REVIEW { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .s-CHANGES_REQUESTED, .s-EXPIRED { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .s-REJECTED { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class ListingStatusComponent {
  readonly status = input.required<ListingStatus>();
  protected readonly labels = LISTING_STATUS_LABELS;
}
