import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ConfidentialView, ListingKind } from '@xkx/contracts';
import { TranslatePipe } from '@xkx/web/i18n';

/** One row of the log: a view, and the listing whose confidential layer was seen. */
export interface ConfidentialViewRow {
  view: ConfidentialView;
  kind: ListingKind;
  title: string;
}

/** The confidential-view log: who (name, organization), which layer, on what basis, when (Beijing time). */
@Component({
  selector: 'xkx-confidential-views',
  imports: [DatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted" data-testid="confidential-views-empty">{{ 'nda.viewsEmpty' | t }}</p>
    } @else {
      <div class="wrap">
        <table data-testid="confidential-views">
          <thead>
            <tr>
              <th>{{ 'nda.colViewer' | t }}</th>
              <th>{{ 'nda.colOrganization' | t }}</th>
              <th>{{ 'nda.colLayer' | t }}</th>
              <th>{{ 'nda.colBasis' | t }}</th>
              <th>{{ 'nda.colAt' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index) {
              <tr data-testid="confidential-view" [attr.data-viewer]="row.view.viewerId">
                <td>{{ row.view.viewerName }}</td>
                <td>{{ row.view.organizationName ?? '—' }}</td>
                <td>{{ (row.kind === 'RESULT' ? 'nda.layerResult' : 'nda.layerNeed') | t: { title: row.title } }}</td>
                <td>{{ (row.view.basis === 'BROKER' ? 'nda.basisBroker' : 'nda.basisNda') | t }}</td>
                <td>{{ row.view.at | date: 'yyyy-MM-dd HH:mm:ss' : '+0800' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .wrap { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; font: var(--mat-sys-body-medium); }
    th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ConfidentialViewsComponent {
  readonly rows = input.required<readonly ConfidentialViewRow[]>();
}
