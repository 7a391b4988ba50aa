import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { FieldError, Permission, RndSpendingRow } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService, rndSaveProblem } from '@xkx/web/kpis/data-access';
import { KpiRndEntryComponent, KpiYearSelectComponent } from '@xkx/web/kpis/ui';
import { percentText, RndPut, shanghaiYear, yearChoices, yuan } from '@xkx/web/kpis/util';
import { KpiTabsComponent } from './kpi-tabs.component';

/**
 * /manage/kpis/rnd-spending (kpi:read): every key monitored enterprise's R&D spending (研发投入) of a year
 * against the year before and the growth target, with the overall growth. With rnd-spending:write (brokers,
 * admins) each row can be entered or corrected inline.
 */
@Component({
  selector: 'xkx-kpi-rnd-spending-page',
  imports: [KpiYearSelectComponent, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, TranslatePipe, KpiRndEntryComponent, KpiTabsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-kpi-tabs />
    <h1>{{ 'kpi.rndTitle' | t }}</h1>
    @if (report.hasValue()) {
      <p class="lead">{{ 'kpi.rndLead' | t: { target: report.value().targetGrowthPercent } }}</p>
    }
    <div class="bar">
      <xkx-kpi-year-select testId="rnd-year" [years]="years" [year]="year()" (yearChange)="changeYear($event)" />
      @if (savedName(); as name) {
        <span class="ok" role="status" data-testid="rnd-saved">{{ name }} · {{ 'kpi.rndSaved' | t }}</span>
      }
    </div>
    @if (report.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (report.error()) {
      <p class="alert" role="alert">
        {{ 'kpi.loadError' | t }} <button mat-button type="button" (click)="report.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (report.hasValue()) {
      @let r = report.value();
      <div class="scroll">
        <table
          data-testid="rnd-report"
          [attr.data-year]="r.year"
          [attr.data-total-fen]="r.totalFen"
          [attr.data-previous-total-fen]="r.previousTotalFen"
          [attr.data-growth-bp]="r.growthBp"
        >
          <caption>{{ 'kpi.rndCaption' | t: { year: r.year, previous: r.year - 1 } }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'kpi.rndEnterprise' | t }}</th>
              <th scope="col" class="num">{{ 'kpi.yearSeries' | t: { year: r.year - 1 } }}</th>
              <th scope="col" class="num">{{ 'kpi.yearSeries' | t: { year: r.year } }}</th>
              <th scope="col" class="num">{{ 'kpi.rndGrowth' | t }}</th>
              <th scope="col">{{ 'kpi.rndMeets' | t: { target: r.targetGrowthPercent } }}</th>
              @if (canWrite()) {
                <th scope="col"><span class="visually-hidden">{{ 'common.actions' | t }}</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (e of r.enterprises; track e.organizationId) {
              <tr
                data-testid="rnd-row"
                [attr.data-org-id]="e.organizationId"
                [attr.data-amount-fen]="e.amountFen"
                [attr.data-previous-fen]="e.previousAmountFen"
                [attr.data-growth-bp]="e.growthBp"
                [attr.data-meets]="e.meetsTarget"
              >
                <th scope="row">{{ e.name }}</th>
                <td class="num">{{ money(e.previousAmountFen) }}</td>
                <td class="num">{{ money(e.amountFen) }}</td>
                <td class="num" data-testid="rnd-growth">{{ percent(e.growthBp) }}</td>
                <td data-testid="rnd-meets">
                  <span class="verdict" [class.met]="e.meetsTarget === true" [class.missed]="e.meetsTarget === false">{{ verdict(e.meetsTarget) | t }}</span>
                </td>
                @if (canWrite()) {
                  <td>
                    <button
                      mat-button
                      type="button"
                      data-testid="rnd-edit"
                      [attr.aria-expanded]="editing() === e.organizationId"
                      [attr.aria-label]="'kpi.rndEditOf' | t: { name: e.name }"
                      (click)="edit(e)"
                    >
                      <mat-icon>edit</mat-icon> {{ 'kpi.rndEdit' | t }}
                    </button>
                  </td>
                }
              </tr>
              @if (editing() === e.organizationId) {
                <tr class="editing">
                  <td colspan="6">
                    <xkx-kpi-rnd-entry
                      [year]="r.year"
                      [amountFen]="e.amountFen"
                      [previousAmountFen]="e.previousAmountFen"
                      [busy]="busy()"
                      [serverErrors]="fieldErrors()"
                      [cancellable]="true"
                      (save)="save(e, $event)"
                      (cancelled)="editing.set(null)"
                    />
                    @if (message(); as m) {
                      <p class="alert" role="alert" data-testid="rnd-error">{{ m }}</p>
                    }
                  </td>
                </tr>
              }
            } @empty {
              <tr>
                <td colspan="6" class="muted">{{ 'kpi.rndNone' | t }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr data-testid="rnd-total">
              <th scope="row">{{ 'kpi.rndTotal' | t: { count: comparable() } }}</th>
              <td class="num">{{ money(r.previousTotalFen) }}</td>
              <td class="num">{{ money(r.totalFen) }}</td>
              <td class="num" data-testid="rnd-total-growth">{{ percent(r.growthBp) }}</td>
              <td>
                <span class="verdict" [class.met]="r.meetsTarget === true" [class.missed]="r.meetsTarget === false">{{ verdict(r.meetsTarget) | t }}</span>
              </td>
              @if (canWrite()) {
                <td></td>
              }
            </tr>
          </tfoot>
        </table>
      </div>
    }
  `,
  styles: `
    :host { display: block; max-width: 1200px; margin: 0 auto; padding: 24px 16px 48px; }
    h1 { margin: 0 0 8px; font: var(--mat-sys-headline-small); }
    .lead { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); line-height: 1.6; max-width: 90ch; }
    .bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
    .alert { color: var(--mat-sys-error); }
    .ok { color: var(--mat-sys-primary); }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font: var(--mat-sys-body-medium); }
    caption { text-align: left; font: var(--mat-sys-title-small); padding-bottom: 8px; }
    th, td { padding: 6px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    tbody th { font-weight: 500; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--mat-sys-outline); }
    .editing td { background: var(--mat-sys-surface-container-low); padding: 12px 16px; }
    .verdict { padding: 0 8px; border-radius: 8px; font: var(--mat-sys-label-medium); background: var(--mat-sys-surface-container-high); }
    .verdict.met { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .verdict.missed { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class KpiRndSpendingPageComponent {
  private readonly api = inject(KpisApiService);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);
  protected readonly years = yearChoices(shanghaiYear());
  protected readonly year = signal(shanghaiYear());
  protected readonly report = this.api.rndSpendingResource(this.year);
  protected readonly canWrite = computed(() => this.session.can(Permission.RND_SPENDING_WRITE));
  /** The enterprises the totals are over: both years entered. */
  protected readonly comparable = computed(() =>
    this.report.hasValue() ? this.report.value().enterprises.filter((e) => e.amountFen !== null && e.previousAmountFen !== null).length : 0,
  );

  protected readonly editing = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly fieldErrors = signal<readonly FieldError[]>([]);
  protected readonly message = signal<string | null>(null);
  protected readonly savedName = signal<string | null>(null);

  protected money(fen: number | null): string {
    return fen === null ? '—' : yuan(fen);
  }

  protected percent(bp: number | null): string {
    return percentText(bp);
  }

  protected verdict(meets: boolean | null): 'kpi.rndMet' | 'kpi.rndNotMet' | 'kpi.rndPending' {
    return meets === null ? 'kpi.rndPending' : meets ? 'kpi.rndMet' : 'kpi.rndNotMet';
  }

  protected changeYear(year: number): void {
    this.editing.set(null);
    this.savedName.set(null);
    this.year.set(year);
  }

  protected edit(row: RndSpendingRow): void {
    this.fieldErrors.set([]);
    this.message.set(null);
    this.savedName.set(null);
    this.editing.set(this.editing() === row.organizationId ? null : row.organizationId);
  }

  protected save(row: RndSpendingRow, puts: RndPut[]): void {
    this.busy.set(true);
    this.fieldErrors.set([]);
    this.message.set(null);
    this.api.saveRndSpending(row.organizationId, puts).subscribe({
      complete: () => {
        this.busy.set(false);
        this.editing.set(null);
        this.savedName.set(row.name);
        this.report.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = rndSaveProblem(error);
        this.fieldErrors.set(problem.fields);
        this.message.set(problem.fields.length ? null : (problem.message ?? this.i18n.t('kpi.saveFailed')));
      },
    });
  }
}
