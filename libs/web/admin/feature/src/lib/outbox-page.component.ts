import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuditApiService } from '@xkx/web/accounts/data-access';
import { OutboxListComponent } from '@xkx/web/accounts/ui';
import { TranslatePipe } from '@xkx/web/i18n';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Administrators: mail the platform would have sent (no SMTP configured), newest first. */
@Component({
  selector: 'xkx-outbox-page',
  imports: [MatPaginatorModule, MatProgressBarModule, TranslatePipe, OutboxListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'outbox.title' | t }}</h1>
    <p class="lead">{{ 'outbox.lead' | t }}</p>
    @if (outbox.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (outbox.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (outbox.hasValue()) {
      @let page = outbox.value();
      <xkx-outbox-list [mails]="page.items" />
      @if (page.total > paging().limit) {
        <mat-paginator [length]="page.total" [pageSize]="paging().limit" [pageIndex]="paging().offset / paging().limit" (page)="onPage($event)" />
      }
    }
  `,
  styleUrl: './admin-page.scss',
})
export class OutboxPageComponent {
  protected readonly paging = signal(FIRST_PAGE);
  protected readonly outbox = inject(AuditApiService).outboxResource(this.paging);

  protected onPage(event: PageEvent): void {
    this.paging.set(pagingFrom(event));
  }
}
