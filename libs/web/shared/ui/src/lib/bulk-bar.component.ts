import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@xkx/web/i18n';

/** An item a bulk action could not apply, named as people know it, with the API's reason. */
export interface BulkFailure {
  id: string;
  label: string;
  message: string;
}

/** A set with one id toggled: selections are immutable so signals see the change. */
export function toggledSelection(selection: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(selection);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * The bar above a selectable list: select-all (indeterminate while some are picked), the count, the
 * page's own actions (projected), and after a run what could not be done and why. The page owns the
 * selection and calls the API; this only shows and asks.
 */
@Component({
  selector: 'xkx-bulk-bar',
  imports: [MatCheckboxModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar" role="group" [attr.aria-label]="'bulk.selectAll' | t" data-testid="bulk-bar">
      <mat-checkbox
        data-testid="bulk-select-all"
        [checked]="all()"
        [indeterminate]="some()"
        [disabled]="total() === 0 || busy()"
        (change)="toggleAll.emit($event.checked)"
        >{{ 'bulk.selectAll' | t }}</mat-checkbox
      >
      <span class="count" data-testid="bulk-count" aria-live="polite">{{ 'bulk.selected' | t: { count: selected() } }}</span>
      <div class="actions"><ng-content /></div>
    </div>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'bulk.working' | t" />
    }
    @if (summary(); as text) {
      <div class="summary" role="status" data-testid="bulk-summary">
        <p>{{ text }}</p>
        @if (failures().length) {
          <p class="muted">{{ 'bulk.failuresTitle' | t }}</p>
          <ul>
            @for (f of failures(); track f.id) {
              <li data-testid="bulk-failure" [attr.data-id]="f.id">
                <strong>{{ f.label }}</strong>：{{ f.message }}
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: sticky;
      top: 0;
      z-index: 2;
      background: var(--mat-sys-surface);
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-left: auto;
    }
    .summary {
      margin: 8px 0;
      padding: 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .summary p {
      margin: 4px 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      margin: 4px 0;
      padding-left: 20px;
    }
  `,
})
export class BulkBarComponent {
  readonly selected = input.required<number>();
  readonly total = input.required<number>();
  readonly busy = input(false);
  /** After a run: "3 done, 1 not done", or null. */
  readonly summary = input<string | null>(null);
  readonly failures = input<readonly BulkFailure[]>([]);
  readonly toggleAll = output<boolean>();

  protected readonly all = computed(() => this.total() > 0 && this.selected() === this.total());
  protected readonly some = computed(() => this.selected() > 0 && this.selected() < this.total());
}
