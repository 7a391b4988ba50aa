import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Permission, RelatedPartyBody, SUBSIDY_CLAIMANT_LABELS, SubsidyClaim, SubsidyLine } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { KpiYearSelectComponent } from '@xkx/web/kpis/ui';
import { percentText, shanghaiYear, yearChoices, yuan } from '@xkx/web/kpis/util';
import { KpiTabsComponent } from './kpi-tabs.component';

/**
 * /manage/kpis/subsidies: Nanjing's transfer subsidies (奖补) of a year, per claimant, with the lines behind
 * each, and the workbook. An admin (kpi:manage) marks a line's contract as a related-party deal, with a
 * reason, and removes a mark from the excluded list; the report is read again either way.
 */
@Component({
  selector: 'xkx-kpi-subsidies-page',
  imports: [
    KpiYearSelectComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
    KpiTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-kpi-tabs />
    <h1>{{ 'kpi.subsidyTitle' | t }}</h1>
    <p class="rules">{{ 'kpi.subsidyRules' | t }}</p>
    <div class="bar">
      <xkx-kpi-year-select testId="subsidy-year" [years]="years" [year]="year()" (yearChange)="changeYear($event)" />
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
    @if (markError(); as e) {
      <p class="alert" role="alert" data-testid="subsidy-mark-error">{{ e }}</p>
    }
    @if (report.hasValue()) {
      @let r = report.value();
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
              <tr
                data-testid="subsidy-claim"
                [attr.data-kind]="c.kind"
                [attr.data-claimant]="c.claimantKey"
                [attr.data-amount-fen]="c.amountFen"
                [attr.data-base-fen]="c.baseFen"
                [attr.data-rate-bp]="c.rateBp"
                [attr.data-cap-fen]="c.capFen"
              >
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
                  <button mat-button type="button" data-testid="subsidy-toggle" [attr.aria-expanded]="isOpen(c)" (click)="toggle(c)">
                    {{ 'kpi.subsidyLines' | t: { count: c.lines.length } }}
                  </button>
                </td>
              </tr>
              @if (isOpen(c)) {
                @for (l of c.lines; track l.contractId) {
                  <tr class="line" data-testid="subsidy-line" [attr.data-contract-id]="l.contractId" [attr.data-code]="l.code" [attr.data-received-fen]="l.receivedFen">
                    <td></td>
                    <td>{{ l.code }} · {{ l.projectName }}</td>
                    <td class="num">{{ money(l.receivedFen) }}</td>
                    <td colspan="4"></td>
                    <td>
                      @if (canManage() && marking() !== markKey(c, l)) {
                        <button mat-button type="button" data-testid="subsidy-mark" (click)="startMark(c, l)">
                          <mat-icon>link_off</mat-icon> {{ 'kpi.subsidyMark' | t }}
                        </button>
                      }
                    </td>
                  </tr>
                  @if (marking() === markKey(c, l)) {
                    <tr class="line marking">
                      <td></td>
                      <td colspan="7">
                        <form class="mark" [formGroup]="markForm" (ngSubmit)="mark(l)" data-testid="subsidy-mark-form" novalidate>
                          <p class="hint">{{ 'kpi.subsidyMarkHint' | t }}</p>
                          <mat-form-field subscriptSizing="dynamic">
                            <mat-label>{{ 'kpi.subsidyMarkReason' | t }}</mat-label>
                            <input matInput formControlName="reason" maxlength="500" data-testid="subsidy-mark-reason" />
                            <mat-hint>{{ 'kpi.subsidyMarkReasonHint' | t }}</mat-hint>
                            <mat-error>{{ markForm.controls.reason | fieldError }}</mat-error>
                          </mat-form-field>
                          <button mat-button type="button" (click)="marking.set(null)">{{ 'common.cancel' | t }}</button>
                          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="subsidy-mark-confirm">{{ 'kpi.subsidyMarkConfirm' | t }}</button>
                        </form>
                      </td>
                    </tr>
                  }
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
            <li data-testid="subsidy-excluded-item" [attr.data-contract-id]="e.contractId" [attr.data-marked]="e.marked" [attr.data-received-fen]="e.receivedFen">
              <span>{{ e.code }} · {{ money(e.receivedFen) }} · {{ e.marked ? ('kpi.subsidyMarkedBy' | t: { reason: e.reason }) : ('kpi.subsidySameCreditCode' | t) }}</span>
              @if (canManage() && e.marked) {
                <button mat-button type="button" data-testid="subsidy-unmark" [disabled]="busy()" (click)="unmark(e.contractId)">
                  <mat-icon>undo</mat-icon> {{ 'kpi.subsidyUnmark' | t }}
                </button>
              }
            </li>
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
    /* Positioned, so the visually hidden labels inside scroll with the table instead of widening the page. */
    .scroll { overflow-x: auto; position: relative; }
    table { border-collapse: collapse; width: 100%; font: var(--mat-sys-body-medium); }
    caption { text-align: left; font: var(--mat-sys-title-small); padding-bottom: 8px; }
    th, td { padding: 6px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    tbody th { font-weight: 500; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .line td { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--mat-sys-outline); }
    .tag { margin-left: 6px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-tertiary-container); font: var(--mat-sys-label-small); }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .marking td { background: var(--mat-sys-surface-container-low); }
    .mark { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 8px 0; }
    .mark mat-form-field { flex: 1 1 320px; }
    .mark .hint { flex-basis: 100%; margin: 0; }
    .excluded li { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class KpiSubsidiesPageComponent {
  private readonly api = inject(KpisApiService);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);
  protected readonly canManage = computed(() => this.session.can(Permission.KPI_MANAGE));
  protected readonly years = yearChoices(shanghaiYear());
  protected readonly year = signal(shanghaiYear());
  protected readonly report = this.api.subsidiesResource(this.year);
  protected readonly kindLabels = SUBSIDY_CLAIMANT_LABELS;
  protected readonly downloadFailed = signal(false);
  private readonly open = signal<ReadonlySet<string>>(new Set());
  /** The line whose mark form is open: claimant and contract (a contract is a line of each of its claimants). */
  protected readonly marking = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly markError = signal<string | null>(null);
  protected readonly markForm = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(500)] }),
  });

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

  protected changeYear(year: number): void {
    this.marking.set(null);
    this.markError.set(null);
    this.year.set(year);
  }

  protected markKey(c: SubsidyClaim, l: SubsidyLine): string {
    return `${c.kind}:${c.claimantKey}:${l.contractId}`;
  }

  protected startMark(c: SubsidyClaim, l: SubsidyLine): void {
    this.markError.set(null);
    this.markForm.reset();
    this.marking.set(this.markKey(c, l));
  }

  /** The contract leaves every claim (it is a line of each of its claimants) for the excluded list. */
  protected mark(l: SubsidyLine): void {
    this.markForm.markAllAsTouched();
    if (this.markForm.invalid) return;
    this.put(l.contractId, { related: true, reason: this.markForm.controls.reason.value.trim() });
  }

  protected unmark(contractId: string): void {
    this.put(contractId, { related: false });
  }

  private put(contractId: string, body: RelatedPartyBody): void {
    this.busy.set(true);
    this.markError.set(null);
    this.api.markRelatedParty(contractId, body).subscribe({
      next: () => {
        this.busy.set(false);
        this.marking.set(null);
        this.report.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiError(error);
        // A reason the API refused is worded next to the field; anything else above the report.
        const unmatched = body.related ? applyFieldErrors(this.markForm, problem.errors) : problem.errors;
        if (unmatched.length || !problem.errors.length) this.markError.set(problem.message ?? this.i18n.t('kpi.saveFailed'));
      },
    });
  }

  protected export(): void {
    this.downloadFailed.set(false);
    this.api.exportSubsidies(this.year()).subscribe({ error: () => this.downloadFailed.set(true) });
  }
}
