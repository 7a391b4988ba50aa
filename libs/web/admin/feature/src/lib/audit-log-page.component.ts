import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType } from '@xkx/contracts';
import { AuditApiService } from '@xkx/web/accounts/data-access';
import { AuditLogTableComponent } from '@xkx/web/accounts/ui';
import { AuditQuery } from '@xkx/web/accounts/util';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Administrators: who did what to which record, when and from where; filters apply on submit. */
@Component({
  selector: 'xkx-audit-log-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    LocalizedPipe,
    AuditLogTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'audit.title' | t }}</h1>
    <form class="filters" [formGroup]="filters" (ngSubmit)="apply()" data-testid="audit-filters">
      <mat-form-field>
        <mat-label>{{ 'audit.entityType' | t }}</mat-label>
        <mat-select formControlName="subjectType" data-testid="audit-entity-type">
          <mat-option [value]="null">{{ 'common.all' | t }}</mat-option>
          @for (type of entityTypes; track type) {
            <mat-option [value]="type">{{ entityLabels[type] | localized }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.subjectText' | t }}</mat-label>
        <input matInput formControlName="subject" data-testid="audit-subject" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.action' | t }}</mat-label>
        <mat-select formControlName="action" data-testid="audit-action">
          <mat-option [value]="null">{{ 'common.all' | t }}</mat-option>
          @for (action of actions; track action) {
            <mat-option [value]="action">{{ actionLabels[action] | localized }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'audit.actorText' | t }}</mat-label>
        <input matInput formControlName="actor" data-testid="audit-actor" />
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
      <button mat-stroked-button type="button" (click)="exportXlsx()" data-testid="audit-export"><mat-icon>download</mat-icon> {{ 'audit.export' | t }}</button>
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
  private readonly api = inject(AuditApiService);
  protected readonly actions = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly entityLabels = AUDIT_ENTITY_LABELS;
  protected readonly filters = new FormGroup({
    subjectType: new FormControl<AuditEntityType | null>(null),
    subject: new FormControl('', { nonNullable: true }),
    action: new FormControl<AuditAction | null>(null),
    actor: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });
  protected readonly query = signal<AuditQuery>({ ...FIRST_PAGE });
  protected readonly log = this.api.auditResource(this.query);

  protected apply(): void {
    this.query.set({ ...this.filters.getRawValue(), ...FIRST_PAGE });
  }

  protected clear(): void {
    this.filters.reset();
    this.apply();
  }

  protected exportXlsx(): void {
    this.api.exportAudit({ ...this.filters.getRawValue(), ...FIRST_PAGE }).subscribe();
  }

  protected onPage(event: PageEvent): void {
    this.query.update((q) => ({ ...q, ...pagingFrom(event) }));
  }
}
