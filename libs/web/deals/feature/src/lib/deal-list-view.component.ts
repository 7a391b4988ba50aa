import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { BulkResult, DEAL_STAGE_LABELS, DealCard } from '@xkx/contracts';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { DealListFilter } from '@xkx/web/deals/util';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { BulkBarComponent, BulkFailure, toggledSelection } from '@xkx/web/ui';
import { debounceTime, distinctUntilChanged, Subject } from 'rxjs';

/** The rows the API gives the list at once; the export has them all. */
const LIST_LIMIT = 200;

type Sort = DealListFilter['sort'];

/**
 * The deal board as a table (brokers): the board's filters plus a search, ordered by next-action date
 * either way, with checkboxes to hand the picked deals to another broker and an Excel export of exactly
 * what is listed. Reassignment is per deal on the API; what it refused stays picked, with the reason.
 */
@Component({
  selector: 'xkx-deal-list-view',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    BulkBarComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tools">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>{{ 'deal.search' | t }}</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input matInput data-testid="deal-list-search" [ngModel]="qInput()" (ngModelChange)="typed($event)" maxlength="100" />
      </mat-form-field>
      <button mat-stroked-button type="button" data-testid="deal-list-export" [disabled]="exporting()" (click)="export()">
        <mat-icon>download</mat-icon> {{ 'deal.export' | t }}
      </button>
    </div>
    <xkx-bulk-bar
      [selected]="selection().size"
      [total]="rows().length"
      [busy]="busy()"
      [summary]="summary()"
      [failures]="failures()"
      (toggleAll)="selectAll($event)"
    >
      <mat-form-field subscriptSizing="dynamic" class="target">
        <mat-label>{{ 'deal.reassignTo' | t }}</mat-label>
        <mat-select data-testid="deal-reassign-to" [value]="target()" (valueChange)="target.set($event)">
          @for (b of brokers(); track b.id) {
            <mat-option [value]="b.id" [attr.data-id]="b.id">{{ b.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="button" data-testid="deal-reassign" [disabled]="!selection().size || !target() || busy()" (click)="reassign()">
        <mat-icon>swap_horiz</mat-icon> {{ 'deal.reassign' | t }}
      </button>
    </xkx-bulk-bar>
    @if (list.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (list.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="list.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (list.hasValue()) {
      <p class="muted" data-testid="deal-list-total">
        {{ 'deal.listTotal' | t: { total: list.value().total } }}
        @if (list.value().total > rows().length) {
          {{ 'deal.listTruncated' | t: { shown: rows().length } }}
        }
      </p>
      <div class="table-wrap">
        <table data-testid="deal-list">
          <thead>
            <tr>
              <th class="pick"></th>
              <th>{{ 'deal.colCode' | t }}</th>
              <th>{{ 'deal.colTitle' | t }}</th>
              <th>{{ 'deal.colStage' | t }}</th>
              <th>{{ 'deal.colParties' | t }}</th>
              <th>{{ 'deal.colBrokers' | t }}</th>
              <th>{{ 'deal.colNextAction' | t }}</th>
              <th [attr.aria-sort]="ariaSort()">
                <button mat-button type="button" class="sort" data-testid="deal-list-sort" [attr.aria-label]="'deal.sortDue' | t" (click)="nextSort()">
                  {{ 'deal.colDue' | t }}
                  <mat-icon>{{ sort() === '-nextActionDue' ? 'arrow_downward' : sort() === 'nextActionDue' ? 'arrow_upward' : 'unfold_more' }}</mat-icon>
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (d of rows(); track d.id) {
              <tr data-testid="deal-row" [attr.data-code]="d.code" [class.overdue]="d.overdue">
                <td class="pick">
                  <mat-checkbox
                    data-testid="deal-select"
                    [checked]="selection().has(d.id)"
                    [disabled]="busy()"
                    (change)="selection.set(toggled(selection(), d.id, $event.checked))"
                    [aria-label]="'bulk.selectItem' | t: { title: d.title }"
                  />
                </td>
                <td class="code">{{ d.code }}</td>
                <td><a [routerLink]="['/deals', d.code]">{{ d.title }}</a></td>
                <td>{{ stageLabels[d.stage] | localized }}</td>
                <td>{{ d.institution.nameZh }} / {{ d.enterprise.nameZh }}</td>
                <td data-testid="deal-row-brokers">{{ brokerNames(d) }}</td>
                <td>{{ d.nextAction ?? '' }}</td>
                <td class="due" data-testid="deal-row-due">
                  {{ d.nextActionDue ?? '—' }}
                  @if (d.overdue) {
                    <span class="late">{{ 'deal.listOverdue' | t }}</span>
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8" class="empty">{{ 'deal.listEmpty' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .search {
      flex: 1 1 280px;
      max-width: 480px;
    }
    .target {
      min-width: 200px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-wrap {
      overflow-x: auto;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 10px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    th {
      font: var(--mat-sys-title-small);
      white-space: nowrap;
    }
    .pick {
      width: 40px;
    }
    .code,
    .due {
      white-space: nowrap;
    }
    .sort {
      padding: 0 4px;
    }
    .late {
      margin-left: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-small);
    }
    tr.overdue .due {
      color: var(--mat-sys-error);
    }
    a {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    .empty {
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .alert {
      margin: 8px 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    xkx-bulk-bar {
      margin-bottom: 12px;
    }
  `,
})
export class DealListViewComponent {
  private readonly api = inject(DealsApiService);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);

  /** The board's filters, shared by both views. */
  readonly brokerId = input<string | null>(null);
  readonly fieldCode = input<string | null>(null);
  readonly organizationId = input<string | null>(null);
  /** Active brokers: the people deals may be handed to. */
  readonly brokers = input<ReadonlyArray<{ id: string; name: string }>>([]);

  protected readonly stageLabels = DEAL_STAGE_LABELS;
  protected readonly qInput = signal('');
  private readonly q = signal('');
  protected readonly sort = signal<Sort>(null);
  private readonly filter = computed<DealListFilter>(() => ({
    brokerId: this.brokerId(),
    fieldCode: this.fieldCode(),
    organizationId: this.organizationId(),
    q: this.q().trim() || null,
    sort: this.sort(),
  }));
  protected readonly list = rxResource({ params: () => this.filter(), stream: ({ params }) => this.api.list(params) });
  protected readonly rows = computed<DealCard[]>(() => (this.list.hasValue() ? this.list.value().items.slice(0, LIST_LIMIT) : []));

  protected readonly selection = signal<ReadonlySet<string>>(new Set());
  protected readonly target = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly exporting = signal(false);
  protected readonly summary = signal<string | null>(null);
  protected readonly failures = signal<BulkFailure[]>([]);
  protected readonly toggled = toggledSelection;
  protected readonly ariaSort = computed(() => (this.sort() === 'nextActionDue' ? 'ascending' : this.sort() === '-nextActionDue' ? 'descending' : null));

  private readonly typing = new Subject<string>();

  constructor() {
    // A search waits for a pause in typing instead of asking the API on every key.
    this.typing.pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed()).subscribe((q) => this.q.set(q));
    // Another filter is another list: what was picked in the old one is not silently acted on.
    effect(() => {
      this.filter();
      this.selection.set(new Set());
    });
  }

  protected typed(value: string): void {
    this.qInput.set(value);
    this.typing.next(value);
  }

  /** Soonest first, then latest first, then the default (overdue first). */
  protected nextSort(): void {
    this.sort.update((s) => (s === null ? 'nextActionDue' : s === 'nextActionDue' ? '-nextActionDue' : null));
  }

  protected brokerNames(d: DealCard): string {
    return d.brokers.map((b) => b.name).join('、');
  }

  protected selectAll(on: boolean): void {
    this.selection.set(new Set(on ? this.rows().map((d) => d.id) : []));
  }

  protected reassign(): void {
    const brokerId = this.target();
    const chosen = this.rows().filter((d) => this.selection().has(d.id));
    if (!brokerId || chosen.length === 0) return;
    this.busy.set(true);
    this.summary.set(null);
    this.failures.set([]);
    this.api.bulkReassign(brokerId, chosen.map((d) => ({ id: d.id, version: d.version }))).subscribe({
      next: (result) => this.done(result, chosen),
      error: (error: unknown) => {
        this.busy.set(false);
        this.summary.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }

  protected export(): void {
    this.exporting.set(true);
    this.api.exportList(this.filter()).subscribe({
      next: () => this.exporting.set(false),
      error: (error: unknown) => {
        this.exporting.set(false);
        this.snackBar.open(toApiError(error).message ?? this.i18n.t('common.loadError'), undefined, { duration: 5000 });
      },
    });
  }

  private done(result: BulkResult, chosen: DealCard[]): void {
    const byId = new Map(chosen.map((d) => [d.id, d]));
    const failed = result.results.filter((r) => !r.ok);
    this.busy.set(false);
    this.list.reload();
    this.selection.set(new Set(failed.map((r) => r.id)));
    this.failures.set(failed.map((r) => ({ id: r.id, label: `${byId.get(r.id)?.code ?? ''} ${byId.get(r.id)?.title ?? ''}`.trim(), message: r.error?.message ?? '' })));
    const text = this.i18n.t('bulk.done', { ok: result.succeeded, failed: result.failed });
    this.summary.set(text);
    this.snackBar.open(text, undefined, { duration: 4000 });
  }
}
