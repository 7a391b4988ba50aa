import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { UsersApiService } from '@xkx/web/accounts/data-access';
import { RejectEvent, VerificationQueueComponent } from '@xkx/web/accounts/ui';
import { BulkResult, UserSummary, VerificationDecision } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { BulkBarComponent, BulkFailure, toggledSelection } from '@xkx/web/ui';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { Observable } from 'rxjs';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Brokers and admins: pending accounts, oldest first. */
@Component({
  selector: 'xkx-verification-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    TranslatePipe,
    VerificationQueueComponent,
    BulkBarComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'queue.title' | t }}</h1>
    <p class="lead">{{ 'queue.lead' | t }}</p>
    @if (queue.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error(); as message) {
      <p class="alert" role="alert">{{ message }}</p>
    }
    @if (queue.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (queue.hasValue()) {
      @let page = queue.value();
      <xkx-bulk-bar
        class="bulk"
        [selected]="selection().size"
        [total]="page.items.length"
        [busy]="bulkBusy()"
        [summary]="summary()"
        [failures]="failures()"
        (toggleAll)="selectAll($event)"
      >
        <mat-form-field subscriptSizing="dynamic" class="reason">
          <mat-label>{{ 'bulk.reason' | t }}</mat-label>
          <input matInput data-testid="bulk-reason" [ngModel]="reason()" (ngModelChange)="reason.set($event)" maxlength="500" />
          @if (reasonError()) {
            <mat-hint class="error" data-testid="bulk-reason-error">{{ 'bulk.noteRequired' | t }}</mat-hint>
          }
        </mat-form-field>
        <button mat-flat-button type="button" data-testid="bulk-verify" [disabled]="!selection().size || bulkBusy()" (click)="applyBulk('VERIFY')">
          <mat-icon>done_all</mat-icon> {{ 'bulk.verify' | t }}
        </button>
        <button mat-stroked-button type="button" data-testid="bulk-reject" [disabled]="!selection().size || bulkBusy()" (click)="applyBulk('REJECT')">
          {{ 'bulk.reject' | t }}
        </button>
      </xkx-bulk-bar>
      <xkx-verification-queue
        [users]="page.items"
        [busyId]="bulkBusy() ? '*' : busyId()"
        [selected]="selection()"
        (selectedChange)="selection.set(toggled(selection(), $event.id, $event.on))"
        (verify)="verify($event)"
        (reject)="reject($event)"
      />
      @if (page.total > paging().limit) {
        <mat-paginator [length]="page.total" [pageSize]="paging().limit" [pageIndex]="paging().offset / paging().limit" (page)="onPage($event)" />
      }
    }
  `,
  styleUrl: './admin-page.scss',
})
export class VerificationPageComponent {
  private readonly users = inject(UsersApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly paging = signal(FIRST_PAGE);
  protected readonly queue = this.users.queueResource(this.paging);
  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  // Bulk work on this page of the queue: the picked accounts, one reason, what the last run could not do.
  protected readonly selection = signal<ReadonlySet<string>>(new Set());
  protected readonly reason = signal('');
  protected readonly reasonError = signal(false);
  protected readonly bulkBusy = signal(false);
  protected readonly summary = signal<string | null>(null);
  protected readonly failures = signal<BulkFailure[]>([]);
  protected readonly toggled = toggledSelection;
  private readonly shown = computed<UserSummary[]>(() => (this.queue.hasValue() ? (this.queue.value()?.items ?? []) : []));

  protected onPage(event: PageEvent): void {
    this.selection.set(new Set());
    this.paging.set(pagingFrom(event));
  }

  protected selectAll(on: boolean): void {
    this.selection.set(new Set(on ? this.shown().map((u) => u.id) : []));
  }

  protected applyBulk(decision: VerificationDecision): void {
    const reason = this.reason().trim();
    this.reasonError.set(decision === VerificationDecision.REJECT && reason.length < 2);
    if (this.reasonError()) return;
    const chosen = this.shown().filter((u) => this.selection().has(u.id));
    if (chosen.length === 0) return;
    this.bulkBusy.set(true);
    this.summary.set(null);
    this.failures.set([]);
    this.users.bulkVerify(decision, chosen.map((u) => u.id), reason || undefined).subscribe({
      next: (result) => this.bulkDone(result, chosen),
      error: (error: unknown) => {
        this.bulkBusy.set(false);
        this.summary.set(toApiError(error).message ?? this.i18n.t('common.networkError'));
      },
    });
  }

  private bulkDone(result: BulkResult, chosen: UserSummary[]): void {
    const byId = new Map(chosen.map((u) => [u.id, u]));
    const failed = result.results.filter((r) => !r.ok);
    this.bulkBusy.set(false);
    this.selection.set(new Set(failed.map((r) => r.id)));
    this.failures.set(failed.map((r) => ({ id: r.id, label: `${byId.get(r.id)?.name ?? ''} ${byId.get(r.id)?.email ?? ''}`.trim(), message: r.error?.message ?? '' })));
    const text = this.i18n.t('bulk.done', { ok: result.succeeded, failed: result.failed });
    this.summary.set(text);
    if (result.failed === 0) this.reason.set('');
    this.snackBar.open(text, undefined, { duration: 4000 });
    this.queue.reload();
  }

  protected verify(user: UserSummary): void {
    this.run(user, this.users.verify(user.id), this.i18n.t('queue.verified', { name: user.name }));
  }

  protected reject({ user, reason }: RejectEvent): void {
    this.run(user, this.users.reject(user.id, reason), this.i18n.t('queue.rejected', { name: user.name }));
  }

  private run(user: UserSummary, call: Observable<UserSummary>, done: string): void {
    this.busyId.set(user.id);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.snackBar.open(done, undefined, { duration: 4000 });
        this.busyId.set(null);
        this.queue.reload();
      },
      error: (error: unknown) => {
        this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError'));
        this.busyId.set(null);
        // Someone else may have handled it (USER_NOT_PENDING): show the queue as it is now.
        this.queue.reload();
      },
    });
  }
}
