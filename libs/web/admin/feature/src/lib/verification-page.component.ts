import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { UsersApiService } from '@xkx/web/accounts/data-access';
import { RejectEvent, VerificationQueueComponent } from '@xkx/web/accounts/ui';
import { UserSummary } from '@xkx/web/accounts/util';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { Observable } from 'rxjs';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Brokers and admins: pending accounts, oldest first. */
@Component({
  selector: 'xkx-verification-page',
  imports: [MatPaginatorModule, MatProgressBarModule, TranslatePipe, VerificationQueueComponent],
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
      <xkx-verification-queue [users]="page.items" [busyId]="busyId()" (verify)="verify($event)" (reject)="reject($event)" />
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

  protected onPage(event: PageEvent): void {
    this.paging.set(pagingFrom(event));
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
