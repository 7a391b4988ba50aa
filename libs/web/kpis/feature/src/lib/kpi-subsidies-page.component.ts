import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { SUBSIDY_CLAIMANT_LABELS, SubsidyClaim } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { percentText, shanghaiYear, yearChoices, yuan } from '@xkx/web/kpis/util';
import { KpiTabsComponent } from './kpi-tabs.component';

/** /manage/kpis/subsidies: Nanjing's transfer subsidies (奖补) of a year, per claimant, with the lines behind each, and the workbook. */
@Component({
  selector: 'xkx-kpi-subsidies-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, LocalizedPipe, TranslatePipe, KpiTabsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-kpi-tabs />
    <h1>{{ 'kpi.subsidyTitle' | t }}</h1>
    <p class="rules">{{ 'kpi.subsidyRules' | t }}</p>
    <div class="bar">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'kpi.year' | t }}</mat-label>
        <mat-select data-testid="subsidy-year" [value]="year()" (valueChange)="year.set($event)">
          @for (y of years; track y) {
            <mat-option [value]="y">{{ y }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="button" data-testid="subsidy-export" (click)="export()"><mat-icon>table_view</mat-icon> {{ 'kpi.exportXlsx' | t }}</button>
      @if (downloadFailed()) {
        <span class="alert" role="alert">{{ 'kpi.downloadFailed' | t }}</span>
      }
    </div>
    @if (report.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (report.error()) {
      <p class="alert" role="alert">{{ 'kpi.loadError' | t }}</p>
    }
    @if (report.value(); as r) {
      <p class="priority">{{ (r.agencyBrokerPriority === 'AGENCY' ? 'kpi.subsidyAgencyFirst' : 'kpi.subsidyBrokerFirst') | t }}</p>
      <div class="scroll">
        <table data-testid="subsidy-claims" [attr.data-total-fen]="r.totalFen">
          <caption>{{ 'kpi.subsidyCaption' | t: { year: r.year } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'kpi.subsidyKind' | t }}</th>
              <th scope="col">{{ 'kpi.subsidyClaimant' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.subsidyBase' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.subsidyRate' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.subsidyRaw' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.subsidyCap' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.subsidyAmount' | t }}</th>
              <th scope="col"><span class="visually-hidden">{{ 'kpi.records' | t }}</span></th>
            </tr>
          </thead>
          @for (c of r.claims; track c.kind + c.claimantKey) {
            <tbody>
              <tr data-testid="subsidy-claim" [attr.data-kind]="c.kind" [attr.data-amount-fen]="c.amountFen" [attr.data-base-fen]="c.baseFen">
                <td>{{ kindLabels[c.kind] | localized }}</td>
                <th scope="row">{{ c.name }}</th>
                <td class="num">{{ money(c.baseFen) }}</td>
                <td class="num">{{ percent(c.rateBp) }}</td>
                <td class="num">{{ money(c.rawFen) }}</td>
                <td class="num">{{ money(c.capFen) }}</td>
                <td class="num">
                  <strong>{{ money(c.amountFen) }}</strong>
                  @if (c.capped) {
                    <span class="tag">{{ 'kpi.subsidyCapped' | t }}</span>
                  }
                </td>
                <td>
                  <button mat-button type="button" [attr.aria-expanded]="isOpen(c)" (click)="toggle(c)">
                    {{ 'kpi.subsidyLines' | t: { count: c.lines.length } }}
                  </button>
                </td>
              </tr>
              @if (isOpen(c)) {
                @for (l of c.lines; track l.contractId) {
                  <tr class="line" data-testid="subsidy-line">
                    <td></td>
                    <td>{{ l.code }} · {{ l.projectName }}</td>
                    <td class="num">{{ money(l.receivedFen) }}</td>
                    <td colspan="5"></td>
                  </tr>
                }
              }
            </tbody>
          } @empty {
            <tbody>
              <tr><td colspan="8" class="muted">{{ 'kpi.subsidyNone' | t }}</td></tr>
            </tbody>
          }
          <tfoot>
            <tr data-testid="subsidy-total">
              <th scope="row" colspan="6">{{ 'kpi.subsidyTotal' | t }}</th>
              <td class="num">{{ money(r.totalFen) }}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      @if (r.excluded.length) {
        <h2>{{ 'kpi.subsidyExcluded' | t }}</h2>
        <ul class="excluded" data-testid="subsidy-excluded">
          @for (e of r.excluded; track e.contractId) {
            <li>{{ e.code }} · {{ money(e.receivedFen) }} · {{ e.reason }}</li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host { display: block; max-width: 1200px; margin: 0 auto; padding: 24px 16px 48px; }
    h1 { margin: 0 0 8px; font: var(--mat-sys-headline-small); }
    h2 { margin: 24px 0 8px; font: var(--mat-sys-title-medium); }
    .rules, .priority { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); line-height: 1.6; max-width: 90ch; }
    .bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
    .alert { color: var(--mat-sys-error); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font: var(--mat-sys-body-medium); }
    caption { text-align: left; font: var(--mat-sys-title-small); padding-bottom: 8px; }
    th, td { padding: 6px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    tbody th { font-weight: 500; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .line td { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--mat-sys-outline); }
    .tag { margin-left: 6px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-tertiary-container); font: var(--mat-sys-label-small); }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class KpiSubsidiesPageComponent {
  private readonly api = inject(KpisApiService);
  protected readonly years = yearChoices(shanghaiYear());
  protected readonly year = signal(shanghaiYear());
  protected readonly report = this.api.subsidiesResource(this.year);
  protected readonly kindLabels = SUBSIDY_CLAIMANT_LABELS;
  protected readonly downloadFailed = signal(false);
  private readonly open = signal<ReadonlySet<string>>(new Set());

  protected money(fen: number): string {
    return yuan(fen);
  }

  protected percent(bp: number): string {
    return percentText(bp);
  }

  protected isOpen(c: SubsidyClaim): boolean {
    return this.open().has(`${c.kind}:${c.claimantKey}`);
  }

  protected toggle(c: SubsidyClaim): void {
    const id = `${c.kind}:${c.claimantKey}`;
    this.open.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected export(): void {
    this.downloadFailed.set(false);
    this.api.exportSubsidies(this.year()).subscribe({ error: () => this.downloadFailed.set(true) });
  }
}
