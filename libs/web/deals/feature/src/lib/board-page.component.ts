import { CdkDrag, CdkDragDrop, CdkDragStart, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DEAL_STAGE_LABELS, DealCard, DealStage, PRIORITY_CHAINS, Role, UserStatus } from '@xkx/contracts';
import { OrganizationsApiService, UsersApiService } from '@xkx/web/accounts/data-access';
import { AuthSession } from '@xkx/web/auth/data-access';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { DealCardComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { map } from 'rxjs';
import { DealListViewComponent } from './deal-list-view.component';

interface PendingMove {
  deal: DealCard;
  to: DealStage;
}

/**
 * /manage/deals (brokers): deals as cards in stage columns. A card dropped on another column asks the API
 * to move it (with the version read); the API enforces the state machine and its guards, and a refused
 * move stays where it was with the API's reason. Columns the card may go to are outlined while dragging.
 * On a phone the board is one column: the stage is picked from a select, and a card moves through its
 * menu (the stages it may go to) instead of a drag, which would fight with scrolling.
 */
@Component({
  selector: 'xkx-board-page',
  imports: [
    CdkDrag,
    CdkDropList,
    CdkDropListGroup,
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    DealCardComponent,
    DealListViewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'deal.boardTitle' | t }}</h1>
    <p class="lead">{{ 'deal.boardLead' | t }}</p>
    <mat-button-toggle-group
      class="view"
      [value]="view()"
      (change)="view.set($event.value)"
      [attr.aria-label]="'deal.viewToggle' | t"
      hideSingleSelectionIndicator
    >
      <mat-button-toggle value="board" data-testid="deal-view-board"><mat-icon>view_kanban</mat-icon> {{ 'deal.viewBoard' | t }}</mat-button-toggle>
      <mat-button-toggle value="list" data-testid="deal-view-list"><mat-icon>table_rows</mat-icon> {{ 'deal.viewList' | t }}</mat-button-toggle>
    </mat-button-toggle-group>
    <div class="filters" data-testid="board-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'deal.filterBroker' | t }}</mat-label>
        <mat-select data-testid="board-broker" [value]="brokerId()" (valueChange)="brokerId.set($event)">
          <mat-option [value]="null">{{ 'deal.filterAll' | t }}</mat-option>
          @if (me(); as id) {
            <mat-option [value]="id" data-testid="board-broker-me">{{ 'deal.filterMine' | t }}</mat-option>
          }
          @if (brokers.hasValue()) {
            @for (b of brokers.value().items; track b.id) {
              @if (b.id !== me()) {
                <mat-option [value]="b.id">{{ b.name }}</mat-option>
              }
            }
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'deal.filterField' | t }}</mat-label>
        <mat-select data-testid="board-field" [value]="fieldCode()" (valueChange)="fieldCode.set($event)">
          <mat-option [value]="null">{{ 'deal.filterAll' | t }}</mat-option>
          @for (f of fields; track f.code) {
            <mat-option [value]="f.code" [attr.data-code]="f.code">{{ f | localized }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="org">
        <mat-label>{{ 'deal.filterOrganization' | t }}</mat-label>
        <mat-select data-testid="board-organization" [value]="organizationId()" (valueChange)="organizationId.set($event)">
          <mat-option [value]="null">{{ 'deal.filterAll' | t }}</mat-option>
          @if (organizations.hasValue()) {
            @for (o of organizations.value().items; track o.id) {
              <mat-option [value]="o.id">{{ o.nameZh }}</mat-option>
            }
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (view() === 'list') {
      <xkx-deal-list-view
        [brokerId]="brokerId()"
        [fieldCode]="fieldCode()"
        [organizationId]="organizationId()"
        [brokers]="brokers.hasValue() ? brokers.value().items : []"
      />
    } @else {
    @if (board.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (board.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="board.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (refused(); as r) {
      <p class="alert" role="alert" data-testid="move-refused">{{ r }}</p>
    }
    @if (lostMove(); as m) {
      <form class="lost" data-testid="lost-form" (ngSubmit)="confirmLost()">
        <span>{{ 'deal.lostTitle' | t: { title: m.deal.title } }}</span>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'deal.lostReason' | t }}</mat-label>
          <input
            matInput
            name="reason"
            [ngModel]="lostReason()"
            (ngModelChange)="lostReason.set($event)"
            required
            data-testid="lost-reason"
          />
        </mat-form-field>
        <button mat-button type="button" (click)="lostMove.set(null)">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="!lostReason().trim()">
          {{ 'deal.lostConfirm' | t }}
        </button>
      </form>
    }
    @if (board.hasValue()) {
      @if (compact()) {
        <mat-form-field subscriptSizing="dynamic" class="stage-pick">
          <mat-label>{{ 'phone.stage' | t }}</mat-label>
          <mat-select data-testid="board-stage" [value]="shownStage()" (valueChange)="stage.set($event)">
            @for (column of board.value().columns; track column.stage) {
              <mat-option [value]="column.stage" [attr.data-stage]="column.stage"
                >{{ labels[column.stage] | localized }} ({{ column.deals.length }})</mat-option
              >
            }
          </mat-select>
        </mat-form-field>
      }
      <div class="board" [class.one]="compact()" cdkDropListGroup data-testid="deal-board">
        @for (column of board.value().columns; track column.stage) {
          @if (!compact() || column.stage === shownStage()) {
            <section
              class="column"
              [class.allowed]="allowedTargets().includes(column.stage)"
              [attr.data-stage]="column.stage"
              data-testid="deal-column"
            >
              <h2>
                {{ labels[column.stage] | localized }} <span class="count">{{ column.deals.length }}</span>
              </h2>
              <div
                class="cards"
                cdkDropList
                [id]="column.stage"
                [cdkDropListData]="column.stage"
                (cdkDropListDropped)="drop($event)"
              >
                @for (deal of column.deals; track deal.id) {
                  <div
                    class="card"
                    cdkDrag
                    [cdkDragDisabled]="compact()"
                    [cdkDragData]="deal"
                    (cdkDragStarted)="started($event)"
                    (cdkDragEnded)="allowedTargets.set([])"
                    data-testid="deal-card"
                    [attr.data-code]="deal.code"
                    [class.busy]="moving() === deal.id"
                  >
                    <xkx-deal-card [deal]="deal" />
                    @if (compact() && deal.allowedStages.length) {
                      <button
                        mat-stroked-button
                        type="button"
                        class="move"
                        data-testid="deal-move"
                        [matMenuTriggerFor]="moveMenu"
                      >
                        <mat-icon>move_down</mat-icon> {{ 'phone.moveTo' | t }}
                      </button>
                      <mat-menu #moveMenu="matMenu">
                        @for (to of deal.allowedStages; track to) {
                          <button mat-menu-item type="button" [attr.data-stage]="to" (click)="moveTo(deal, to)">
                            {{ labels[to] | localized }}
                          </button>
                        }
                      </mat-menu>
                    }
                  </div>
                }
              </div>
            </section>
          }
        }
      </div>
    }
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 24px 16px 48px;
    }
    .view {
      margin-bottom: 12px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
    .filters .org {
      min-width: min(280px, 100%);
    }
    .filters mat-form-field {
      max-width: 100%;
    }
    .stage-pick {
      width: 100%;
      margin-bottom: 12px;
    }
    .board.one {
      grid-auto-flow: row;
      grid-template-columns: minmax(0, 1fr);
      overflow-x: visible;
    }
    .one .card {
      cursor: default;
    }
    .move {
      margin-top: 8px;
    }
    h1 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
    }
    .lead {
      color: var(--mat-sys-on-surface-variant);
    }
    .board {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: 240px;
      gap: 12px;
      overflow-x: auto;
      padding-bottom: 12px;
    }
    .column {
      display: flex;
      flex-direction: column;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
      border: 2px solid transparent;
      min-height: 240px;
    }
    .column.allowed {
      border-color: var(--mat-sys-primary);
    }
    h2 {
      margin: 0;
      padding: 12px 12px 4px;
      font: var(--mat-sys-title-small);
      display: flex;
      justify-content: space-between;
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    .cards {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px;
      min-height: 80px;
    }
    .card {
      padding: 10px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      cursor: grab;
    }
    .card.busy {
      opacity: 0.6;
    }
    .cdk-drag-preview {
      box-shadow: 0 6px 16px rgb(0 0 0 / 20%);
    }
    .cdk-drag-placeholder {
      opacity: 0.3;
    }
    .lost {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .alert {
      margin: 8px 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class BoardPageComponent {
  private readonly api = inject(DealsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly labels = DEAL_STAGE_LABELS;
  private readonly session = inject(AuthSession);
  // Filters: one broker (or "mine"), a priority field, one organization (either side).
  protected readonly brokerId = signal<string | null>(null);
  protected readonly fieldCode = signal<string | null>(null);
  protected readonly organizationId = signal<string | null>(null);
  protected readonly fields = PRIORITY_CHAINS;
  protected readonly me = computed(() => this.session.user()?.id ?? null);
  protected readonly brokers = inject(UsersApiService).listResource(() => ({ role: Role.BROKER, status: UserStatus.ACTIVE, limit: 100, offset: 0 }));
  protected readonly organizations = inject(OrganizationsApiService).listResource(() => ({ limit: 100, offset: 0 }));
  /** Kanban (moves by drag) or list (search, sort, bulk reassign, export); the filters serve both. */
  protected readonly view = signal<'board' | 'list'>('board');
  protected readonly board = rxResource({
    // Idle while the list is shown: it asks for its own rows.
    params: () => (this.view() === 'board' ? { brokerId: this.brokerId(), fieldCode: this.fieldCode(), organizationId: this.organizationId() } : undefined),
    stream: ({ params }) => this.api.board(params),
  });
  protected readonly allowedTargets = signal<DealStage[]>([]);
  protected readonly refused = signal<string | null>(null);
  protected readonly moving = signal<string | null>(null);
  protected readonly lostMove = signal<PendingMove | null>(null);
  protected readonly lostReason = signal('');

  /** A phone: one column, picked from a select. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly stage = signal<DealStage | null>(null);
  /** The picked stage, or else the first one with deals in it. */
  protected readonly shownStage = computed(() => {
    const columns = this.board.hasValue() ? this.board.value().columns : [];
    return this.stage() ?? columns.find((c) => c.deals.length)?.stage ?? columns[0]?.stage ?? null;
  });

  protected started(event: CdkDragStart<DealCard>): void {
    this.allowedTargets.set(event.source.data.allowedStages);
  }

  protected drop(event: CdkDragDrop<DealStage, DealStage, DealCard>): void {
    const deal = event.item.data;
    const to = event.container.data;
    if (to === deal.stage) return;
    if (to === DealStage.LOST) {
      // Losing a deal needs its reason on the timeline.
      this.lostReason.set('');
      this.lostMove.set({ deal, to });
      return;
    }
    this.move({ deal, to });
  }

  /** The phone's way to move a card: its menu of allowed stages, the same path as a drop. */
  protected moveTo(deal: DealCard, to: DealStage): void {
    if (to === DealStage.LOST) {
      this.lostReason.set('');
      this.lostMove.set({ deal, to });
      return;
    }
    this.move({ deal, to });
  }

  protected confirmLost(): void {
    const pending = this.lostMove();
    if (!pending) return;
    this.lostMove.set(null);
    this.move(pending, this.lostReason().trim());
  }

  private move({ deal, to }: PendingMove, note?: string): void {
    this.refused.set(null);
    this.moving.set(deal.id);
    this.api.transition(deal.id, { to, version: deal.version, ...(note ? { note } : {}) }).subscribe({
      next: () => {
        this.moving.set(null);
        this.snackBar.open(
          this.i18n.t('deal.moved', { title: deal.title, stage: this.i18n.pick(DEAL_STAGE_LABELS[to]) }),
          undefined,
          { duration: 3000 },
        );
        this.board.reload();
      },
      error: (error: unknown) => {
        this.moving.set(null);
        // The card stays in its column; the API says why (state machine, guard, or a stale version).
        this.refused.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
        this.board.reload();
      },
    });
  }
}
