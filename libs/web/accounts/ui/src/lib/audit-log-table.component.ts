import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { AuditLogEntry } from '@xkx/web/accounts/util';
import { TranslatePipe } from '@xkx/web/i18n';
import { AUDIT_ACTION_KEYS } from './audit-action-keys';

@Component({
  selector: 'xkx-audit-log-table',
  imports: [DatePipe, JsonPipe, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table [dataSource]="entries()" data-testid="audit-table">
      <ng-container matColumnDef="createdAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.time' | t }}</th>
        <td mat-cell *matCellDef="let e" class="nowrap">{{ row(e).createdAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="action">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.action' | t }}</th>
        <td mat-cell *matCellDef="let e">
          <div>{{ actionKeys[row(e).action] | t }}</div>
          <code class="muted">{{ row(e).action }}</code>
        </td>
      </ng-container>
      <ng-container matColumnDef="actor">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.actor' | t }}</th>
        <td mat-cell *matCellDef="let e">{{ row(e).actorEmail ?? row(e).actorId ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="subject">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.subject' | t }}</th>
        <td mat-cell *matCellDef="let e">
          @if (row(e).subjectType) {
            <div>{{ row(e).subjectType }}</div>
            <code class="muted">{{ row(e).subjectId }}</code>
          } @else {
            —
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="ip">
        <th mat-header-cell *matHeaderCellDef>IP</th>
        <td mat-cell *matCellDef="let e">{{ row(e).ip ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="details">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.details' | t }}</th>
        <td mat-cell *matCellDef="let e"><code class="details">{{ row(e).details | json }}</code></td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let e; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell empty" [attr.colspan]="columns.length">{{ 'common.noResults' | t }}</td>
      </tr>
    </table>
  `,
  styles: `
    table { width: 100%; }
    .nowrap { white-space: nowrap; }
    .muted { color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .details { font-size: 12px; white-space: pre-wrap; word-break: break-all; }
    .empty { padding: 16px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AuditLogTableComponent {
  readonly entries = input.required<readonly AuditLogEntry[]>();
  protected readonly columns = ['createdAt', 'action', 'actor', 'subject', 'ip', 'details'];
  protected readonly actionKeys = AUDIT_ACTION_KEYS;
  protected readonly row = (entry: AuditLogEntry): AuditLogEntry => entry;
}
