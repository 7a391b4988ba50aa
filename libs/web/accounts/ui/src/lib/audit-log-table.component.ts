import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { AuditEntryView } from '@xkx/contracts';

/**
 * Audit entries in people's words: the action's label, the actor's name, the entity as people know it
 * (linked to its page) and each change as before → after. Used by the audit page and the history tabs.
 */
@Component({
  selector: 'xkx-audit-log-table',
  imports: [DatePipe, MatTableModule, RouterLink, TranslatePipe, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table class="xkx-cards" [dataSource]="entries()" data-testid="audit-table">
      <ng-container matColumnDef="createdAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.time' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.time' | t" *matCellDef="let e" class="nowrap">{{ row(e).createdAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="action">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.action' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.action' | t" *matCellDef="let e" data-testid="audit-action-label">{{ row(e).actionLabel | localized }}</td>
      </ng-container>
      <ng-container matColumnDef="actor">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.actor' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.actor' | t" *matCellDef="let e">
          @if (row(e).actor; as actor) {
            <div>{{ actor.name ?? actor.email }}</div>
            @if (actor.name && actor.email) {
              <div class="muted">{{ actor.email }}</div>
            }
          } @else {
            {{ 'audit.system' | t }}
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="subject">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.subject' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.subject' | t" *matCellDef="let e">
          @if (row(e).subject; as s) {
            <div class="muted">{{ s.typeLabel | localized }}</div>
            @if (s.path && linkSubjects()) {
              <a [routerLink]="s.path" data-testid="audit-subject-link">{{ s.label ?? (s.typeLabel | localized) }}</a>
            } @else {
              <span>{{ s.label ?? '' }}</span>
            }
          } @else {
            —
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="ip">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.address' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.address' | t" *matCellDef="let e">{{ row(e).ip ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="details">
        <th mat-header-cell *matHeaderCellDef>{{ 'audit.details' | t }}</th>
        <td mat-cell [attr.data-label]="'audit.details' | t" *matCellDef="let e" data-testid="audit-details">
          @for (c of row(e).changes; track c.field) {
            <div class="change" data-testid="audit-change">
              <span class="label">{{ c.label | localized }}</span>：<span class="from">{{ c.from | localized }}</span> → <span class="to">{{ c.to | localized }}</span>
            </div>
          }
          @for (f of row(e).facts; track f.field) {
            <div class="fact"><span class="label">{{ f.label | localized }}</span>：{{ f.value | localized }}</div>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns()"></tr>
      <tr mat-row *matRowDef="let e; columns: columns()"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell empty" [attr.colspan]="columns().length">{{ 'common.noResults' | t }}</td>
      </tr>
    </table>
  `,
  styles: `
    /* A container: below 600 px of its own width the table becomes cards (styles.scss, table.xkx-cards). */
    :host { display: block; container-type: inline-size; }
    table { width: 100%; }
    .nowrap { white-space: nowrap; }
    .muted { color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .label { color: var(--mat-sys-on-surface-variant); }
    .from { text-decoration: line-through; }
    .change, .fact { font-size: 13px; }
    .empty { padding: 16px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AuditLogTableComponent {
  readonly entries = input.required<readonly AuditEntryView[]>();
  /** History tabs leave out the entity column: it is the page's own. */
  readonly showSubject = input(true);
  readonly linkSubjects = input(true);
  protected readonly columns = computed(() => (this.showSubject() ? ['createdAt', 'action', 'actor', 'subject', 'details', 'ip'] : ['createdAt', 'action', 'actor', 'details', 'ip']));
  protected readonly row = (entry: AuditEntryView): AuditEntryView => entry;
}
