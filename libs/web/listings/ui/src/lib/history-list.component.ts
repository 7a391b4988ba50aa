import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { auditFieldLabel, HistoryEntry, LISTING_HISTORY_ACTION_LABELS, LISTING_STATUS_LABELS, ListingStatus } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/** Who did what to a listing, newest first: status moves, changed fields and reviewers' notes. */
@Component({
  selector: 'xkx-history-list',
  imports: [DatePipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="history" data-testid="history">
      @for (h of entries(); track $index) {
        <li>
          <div class="when">{{ h.at | date: 'yyyy-MM-dd HH:mm' }} · v{{ h.version }}</div>
          <div>
            @let action = actionLabel(h.action);
            <strong>{{ action ? (action | localized) : ('history.action.other' | t) }}</strong>
            @if (h.fromStatus || h.toStatus) {
              <span class="muted"> {{ statusLabel(h.fromStatus) | localized }} → {{ statusLabel(h.toStatus) | localized }}</span>
            }
          </div>
          @if (h.changedFields.length) {
            <div class="muted">{{ 'history.changed' | t }}:
              @for (f of h.changedFields; track f; let last = $last) {
                {{ fieldLabel(f) | localized }}{{ last ? '' : '、' }}
              }</div>
          }
          @if (h.note) {
            <div class="note">{{ h.note }}</div>
          }
        </li>
      } @empty {
        <li class="muted">{{ 'common.noResults' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .history { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
    li { padding-left: 12px; border-left: 3px solid var(--mat-sys-outline-variant); }
    .when, .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .note { margin-top: 2px; font-style: italic; }
  `,
})
export class HistoryListComponent {
  readonly entries = input.required<readonly HistoryEntry[]>();

  /** Actions are stored as codes (SUBMIT); people read their labels. */
  protected actionLabel(action: string): { 'zh-CN': string; en: string } | null {
    return LISTING_HISTORY_ACTION_LABELS[action] ?? null;
  }

  protected fieldLabel(field: string): { 'zh-CN': string; en: string } {
    return auditFieldLabel(field);
  }

  protected statusLabel(status: string | null): { 'zh-CN': string; en: string } | null {
    return status && status in LISTING_STATUS_LABELS ? LISTING_STATUS_LABELS[status as ListingStatus] : null;
  }
}
