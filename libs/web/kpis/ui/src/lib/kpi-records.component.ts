import { afterRenderEffect, ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { KpiRecords, REGISTRATION_STATUS_LABELS } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { yuan } from '@xkx/web/kpis/util';

/**
 * The contracts behind a figure or a bar, with a total row. The totals come from the API over every
 * matching contract and equal the figure clicked; the rows add up to them (when all are listed).
 */
@Component({
  selector: 'xkx-kpi-records',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" role="region" [attr.aria-labelledby]="'kpi-records-title'" data-testid="kpi-records" [attr.data-figure]="figure()" [attr.data-complete]="complete()">
      <header>
        <h2 id="kpi-records-title" #heading tabindex="-1">{{ title() }}</h2>
        <span class="spacer"></span>
        <button mat-stroked-button type="button" data-testid="records-csv" (click)="csv.emit()"><mat-icon>download</mat-icon> CSV</button>
        <button mat-icon-button type="button" data-testid="records-close" [attr.aria-label]="'kpi.close' | t" (click)="closed.emit()"><mat-icon>close</mat-icon></button>
      </header>
      @if (figureText(); as text) {
        <p class="figure">{{ 'kpi.recordsFigure' | t }} <strong data-testid="records-figure">{{ text }}</strong></p>
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
      }
      @if (error()) {
        <p class="alert" role="alert">{{ 'kpi.loadError' | t }}</p>
      }
      @if (records(); as r) {
        @if (!complete()) {
          <p class="note">{{ 'kpi.recordsPartial' | t: { shown: r.items.length, total: r.total } }}</p>
        }
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ 'kpi.colCode' | t }}</th>
                <th scope="col">{{ 'kpi.colProject' | t }}</th>
                <th scope="col">{{ 'kpi.colSignedOn' | t }}</th>
                <th scope="col">{{ 'kpi.colInstitution' | t }}</th>
                <th scope="col">{{ 'kpi.colEnterprise' | t }}</th>
                <th scope="col">{{ 'kpi.colBroker' | t }}</th>
                <th scope="col">{{ 'kpi.colRegistration' | t }}</th>
                <th scope="col" class="num">{{ 'kpi.colContractAmount' | t }}</th>
                <th scope="col" class="num">{{ 'kpi.colTechnicalAmount' | t }}</th>
                <th scope="col" class="num">{{ r.basis === 'paid' ? ('kpi.colReceivedInYear' | t) : ('kpi.colReceived' | t) }}</th>
              </tr>
            </thead>
            <tbody>
              @for (c of r.items; track c.id) {
                <tr data-testid="kpi-record" [attr.data-code]="c.code" [attr.data-contract-fen]="c.contractAmountFen" [attr.data-technical-fen]="c.technicalAmountFen" [attr.data-received-fen]="c.receivedFen">
                  <td>{{ c.code }}</td>
                  <td>{{ c.projectName }}@if (c.relatedParty) { <span class="tag">{{ 'kpi.relatedParty' | t }}</span> }</td>
                  <td>{{ c.signedOn }}</td>
                  <td>{{ c.institution }}</td>
                  <td>{{ c.enterprise }}</td>
                  <td>{{ c.broker ?? '—' }}</td>
                  <td>{{ statusLabels[c.registrationStatus] | localized }}</td>
                  <td class="num">{{ money(c.contractAmountFen) }}</td>
                  <td class="num">{{ money(c.technicalAmountFen) }}</td>
                  <td class="num">{{ money(c.receivedFen) }}</td>
                </tr>
              } @empty {
                <tr><td colspan="10" class="muted">{{ 'kpi.noRecords' | t }}</td></tr>
              }
            </tbody>
            <tfoot>
              <tr data-testid="kpi-records-total" [attr.data-projects]="r.totals.projects" [attr.data-contract-fen]="r.totals.contractAmountFen" [attr.data-technical-fen]="r.totals.technicalAmountFen" [attr.data-received-fen]="r.totals.receivedFen">
                <th scope="row" colspan="7">{{ 'kpi.recordsTotal' | t: { count: r.totals.projects } }}</th>
                <td class="num">{{ money(r.totals.contractAmountFen) }}</td>
                <td class="num">{{ money(r.totals.technicalAmountFen) }}</td>
                <td class="num">{{ money(r.totals.receivedFen) }}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .panel { padding: 16px; border-radius: 16px; border: 2px solid var(--mat-sys-primary); background: var(--mat-sys-surface); }
    header { display: flex; align-items: center; gap: 8px; }
    h2 { margin: 0; font: var(--mat-sys-title-medium); outline: none; }
    .spacer { flex: 1; }
    .figure, .note { margin: 8px 0; font: var(--mat-sys-body-medium); }
    .note { color: var(--mat-sys-on-surface-variant); }
    .alert { color: var(--mat-sys-error); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font: var(--mat-sys-body-small); }
    th, td { padding: 4px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); white-space: nowrap; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--mat-sys-outline); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .tag { margin-left: 6px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-tertiary-container); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class KpiRecordsComponent {
  readonly title = input.required<string>();
  readonly records = input<KpiRecords | undefined>();
  readonly loading = input(false);
  readonly error = input(false);
  /** The figure or bar these records are behind, as the chart showed it (fen or a count). */
  readonly figure = input<number | null>(null);
  /** How the figure reads (exact yuan or a count). */
  readonly figureText = input<string | null>(null);
  readonly closed = output<void>();
  readonly csv = output<void>();

  protected readonly statusLabels = REGISTRATION_STATUS_LABELS;
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  constructor() {
    // A new selection moves focus (and the view) to the list, so keyboard and screen-reader users follow.
    afterRenderEffect(() => {
      this.title();
      const heading = this.heading()?.nativeElement;
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'nearest' });
    });
  }

  protected complete(): boolean {
    const r = this.records();
    return !!r && r.items.length === r.total;
  }

  protected money(fen: number): string {
    return yuan(fen);
  }
}
