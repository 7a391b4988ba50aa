import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { ORGANIZATION_KIND_LABELS, OrganizationSummary } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

@Component({
  selector: 'xkx-organization-table',
  imports: [MatButtonModule, MatIconModule, MatTableModule, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table class="xkx-cards" [dataSource]="organizations()" data-testid="organization-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'org.nameZh' | t }}</th>
        <td mat-cell [attr.data-label]="'org.nameZh' | t" *matCellDef="let org">
          <div>{{ row(org).nameZh }}</div>
          @if (row(org).nameEn) {
            <div class="muted">{{ row(org).nameEn }}</div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="kind">
        <th mat-header-cell *matHeaderCellDef>{{ 'org.kind' | t }}</th>
        <td mat-cell [attr.data-label]="'org.kind' | t" *matCellDef="let org">{{ kindLabels[row(org).kind] | localized }}</td>
      </ng-container>
      <ng-container matColumnDef="areaCode">
        <th mat-header-cell *matHeaderCellDef>{{ 'org.areaCode' | t }}</th>
        <td mat-cell [attr.data-label]="'org.areaCode' | t" *matCellDef="let org">{{ row(org).areaCode }}</td>
      </ng-container>
      <ng-container matColumnDef="verified">
        <th mat-header-cell *matHeaderCellDef>{{ 'org.verified' | t }}</th>
        <td mat-cell [attr.data-label]="'org.verified' | t" *matCellDef="let org">
          @if (row(org).verified) {
            <mat-icon class="ok" [attr.aria-label]="'common.yes' | t">verified</mat-icon>
          } @else {
            <span class="muted">{{ 'common.no' | t }}</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
        <td mat-cell class="card-actions" *matCellDef="let org">
          <button mat-button type="button" data-testid="org-edit" (click)="edit.emit(row(org))"><mat-icon>edit</mat-icon> {{ 'common.edit' | t }}</button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let org; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell empty" [attr.colspan]="columns.length">{{ 'common.noResults' | t }}</td>
      </tr>
    </table>
  `,
  styles: `
    /* A container: below 600 px of its own width the table becomes cards (styles.scss, table.xkx-cards). */
    :host { display: block; container-type: inline-size; }
    table { width: 100%; }
    .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .ok { color: var(--mat-sys-primary); }
    .empty { padding: 16px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class OrganizationTableComponent {
  readonly organizations = input.required<readonly OrganizationSummary[]>();
  readonly edit = output<OrganizationSummary>();

  protected readonly columns = ['name', 'kind', 'areaCode', 'verified', 'actions'];
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly row = (org: OrganizationSummary): OrganizationSummary => org;
}
