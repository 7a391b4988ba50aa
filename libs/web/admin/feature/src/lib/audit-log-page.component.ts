import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { AuditAction } from '@xkx/contracts';
import { AuditApiService } from '@xkx/web/accounts/data-access';
import { AUDIT_ACTION_KEYS, AuditLogTableComponent } from '@xkx/web/accounts/ui';
import { AuditQuery } from '@xkx/web/accounts/util';
import { TranslatePipe } from '@xkx/web/i18n';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Administrators: who did what, when and from where. Filters apply on submit. */
@Component({
  selector: 'xkx-audit-log-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    AuditLogTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'audit.title' | t }}</h1>
    <form class="filters" [formGroup]="filters" (ngSubmit)="apply()" data-testid="audit-filters">
      <mat-form-field>
        <mat-label>{{ 'audit.action' | t }}</mat-label>
        <mat-select formControlName="action" data-testid="audit-action">
          <mat-option [value]="null">{{ 'common.all' | t }}</mat-option>
          @for (action of actions; track action) {
            <mat-option [value]="action">{{ actionKeys[action] | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'user.email' | t }}</mat-label>
        <input matInput formControlName="email" data-testid="audit-email" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.from' | t }}</mat-label>
        <input matInput type="date" formControlName="from" data-testid="audit-from" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.to' | t }}</mat-label>
        <input matInput type="date" formControlName="to" data-testid="audit-to" />
      </mat-form-field>
      <button mat-flat-button type="submit" data-testid="audit-apply">{{ 'common.apply' | t }}</button>
      <button mat-button type="button" (click)="clear()">{{ 'common.clear' | t }}</button>
    </form>
    @if (log.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (log.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (log.hasValue()) {
      @let page = log.value();
      <div class="table-wrap">
        <xkx-audit-log-table [entries]="page.items" />
        <mat-paginator [length]="page.total" [pageSize]="query().limit" [pageIndex]="query().offset / query().limit" [pageSizeOptions]="[20, 50, 100]" (page)="onPage($event)" />
      </div>
    }
  `,
  styleUrl: './admin-page.scss',
})
export class AuditLogPageComponent {
  protected readonly actions = Object.values(AuditAction);
  protected readonly actionKeys = AUDIT_ACTION_KEYS;
  protected readonly filters = new FormGroup({
    action: new FormControl<AuditAction | null>(null),
    email: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  protected readonly query = signal<AuditQuery>({ ...FIRST_PAGE });
  protected readonly log = inject(AuditApiService).auditResource(this.query);

  protected apply(): void {
    this.query.set({ ...this.filters.getRawValue(), ...FIRST_PAGE });
  }

  protected clear(): void {
    this.filters.reset();
    this.apply();
  }

  protected onPage(event: PageEvent): void {
    this.query.update((q) => ({ ...q, ...pagingFrom(event) }));
  }
}
