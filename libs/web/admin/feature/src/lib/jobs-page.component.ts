import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { BackgroundJob, JOB_STATES, JobState } from '@xkx/contracts';
import { AuditApiService } from '@xkx/web/accounts/data-access';
import { codeMessageKey, I18nService, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { FIRST_PAGE, pagingFrom } from './paging';

/**
 * Administrators: the background jobs (imports, mail, scheduled passes) with their state, attempts and the
 * reason a failed one failed, newest first, and a retry button for a failed one (issue 13).
 */
@Component({
  selector: 'xkx-jobs-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatPaginatorModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'jobs.title' | t }}</h1>
    <p class="lead">{{ 'jobs.lead' | t }}</p>
    <div class="table-scroll">
      <mat-button-toggle-group
        [value]="state()"
        (change)="onState($event.value)"
        [attr.aria-label]="'jobs.filter.state' | t"
        data-testid="jobs-filter"
      >
        <mat-button-toggle [value]="null">{{ 'jobs.filter.all' | t }}</mat-button-toggle>
        @for (s of states; track s) {
          <mat-button-toggle [value]="s">{{ stateKey(s) | t }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </div>
    @if (jobs.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (jobs.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (jobs.hasValue()) {
      @let page = jobs.value();
      <p class="muted" data-testid="jobs-runner">{{ runnerKey(page.runner) | t }}</p>
      @if (page.items.length === 0) {
        <p>{{ 'jobs.empty' | t }}</p>
      } @else {
        <div class="table-scroll">
          <table class="jobs" data-testid="jobs">
            <thead>
              <tr>
                <th>{{ 'jobs.col.name' | t }}</th>
                <th>{{ 'jobs.col.state' | t }}</th>
                <th>{{ 'jobs.col.attempts' | t }}</th>
                <th>{{ 'jobs.col.time' | t }}</th>
                <th>{{ 'jobs.col.failure' | t }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (job of page.items; track job.id) {
                <tr [attr.data-testid]="'job-' + job.id" [attr.data-state]="job.state">
                  <td>
                    {{ nameKey(job.name) | t }}
                    @if (job.scheduled) {
                      <span class="muted">（{{ 'jobs.scheduled' | t }}）</span>
                    }
                  </td>
                  <td>{{ stateKey(job.state) | t }}</td>
                  <td>{{ job.attempts }} / {{ job.maxAttempts }}</td>
                  <td>
                    {{ job.finishedAt ?? job.startedAt ?? job.createdAt | date: 'yyyy-MM-dd HH:mm:ss' }}
                  </td>
                  <td class="failure">{{ job.failure ?? '' }}</td>
                  <td>
                    @if (job.state === 'FAILED') {
                      <button
                        mat-stroked-button
                        type="button"
                        [disabled]="retrying() === job.id"
                        (click)="retry(job)"
                        data-testid="job-retry"
                      >
                        {{ 'jobs.retry' | t }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @if (page.total > paging().limit) {
        <mat-paginator
          [length]="page.total"
          [pageSize]="paging().limit"
          [pageIndex]="paging().offset / paging().limit"
          (page)="onPage($event)"
        />
      }
    }
  `,
  styleUrl: './admin-page.scss',
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    table.jobs {
      width: 100%;
      border-collapse: collapse;
      margin-top: 12px;
    }
    table.jobs th,
    table.jobs td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid rgba(0, 0, 0, 0.12);
      vertical-align: top;
    }
    td.failure {
      max-width: 28rem;
      overflow-wrap: anywhere;
      color: #b3261e;
    }
    .muted {
      color: rgba(0, 0, 0, 0.6);
    }
  `,
})
export class JobsPageComponent {
  private readonly api = inject(AuditApiService);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly states = JOB_STATES;
  protected readonly paging = signal(FIRST_PAGE);
  protected readonly state = signal<JobState | null>(null);
  protected readonly retrying = signal<string | null>(null);
  protected readonly jobs = this.api.jobsResource(() => ({ state: this.state(), ...this.paging() }));

  protected stateKey(state: JobState): MessageKey {
    return `jobs.state.${state}` as MessageKey;
  }

  protected runnerKey(runner: string): MessageKey {
    return `jobs.runner.${runner === 'bullmq' ? 'bullmq' : 'in-process'}` as MessageKey;
  }

  protected nameKey(name: string): MessageKey {
    return codeMessageKey('jobs.name', name);
  }

  protected onState(state: JobState | null): void {
    this.state.set(state);
    this.paging.set(FIRST_PAGE);
  }

  protected onPage(event: PageEvent): void {
    this.paging.set(pagingFrom(event));
  }

  protected retry(job: BackgroundJob): void {
    this.retrying.set(job.id);
    this.api.retryJob(job.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.snackBar.open(this.i18n.t('jobs.retried'), undefined, { duration: 3000 });
        this.jobs.reload();
      },
      error: () => {
        this.retrying.set(null);
        this.snackBar.open(this.i18n.t('jobs.retryFailed'), undefined, { duration: 5000 });
        this.jobs.reload();
      },
    });
  }
}
