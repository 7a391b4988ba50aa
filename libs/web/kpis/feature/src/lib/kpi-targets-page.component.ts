import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { KpiTargets, OrganizationSummary } from '@xkx/contracts';
import { WebPath } from '@xkx/web/auth/data-access';
import { AmountEchoComponent, amountValidator, applyFieldErrors, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { KpiFieldErrorPipe, KpiYearSelectComponent } from '@xkx/web/kpis/ui';
import {
  compactYuan,
  fenToYuanInput,
  shanghaiYear,
  targetRowPairValidator,
  targetsRequest,
  yearChoices,
  yuan,
} from '@xkx/web/kpis/util';
import { KpiTabsComponent } from './kpi-tabs.component';

const projectsValidators = [Validators.min(0), Validators.max(1_000_000), Validators.pattern(/^\d+$/)];

type InstitutionRow = FormGroup<{
  organizationId: FormControl<string>;
  name: FormControl<string>;
  projects: FormControl<number | null>;
  contractAmount: FormControl<string>;
}>;

/**
 * /manage/kpis/targets (kpi:manage): the district's yearly targets (projects and 合同成交额, typed in 元)
 * and optional targets per university or institute. Saving replaces the year's per-institution list; the
 * dashboard's progress is measured against what is saved here.
 */
@Component({
  selector: 'xkx-kpi-targets-page',
  imports: [
    AmountEchoComponent,
    KpiYearSelectComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    KpiFieldErrorPipe,
    KpiTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-kpi-tabs />
    <h1>{{ 'kpi.targetsTitle' | t }}</h1>
    <p class="lead">{{ 'kpi.targetsLead' | t }}</p>
    <div class="bar">
      <xkx-kpi-year-select testId="targets-year" [years]="years" [year]="year()" (yearChange)="changeYear($event)" />
      @if (targets.hasValue()) {
        @let t = targets.value();
        <p
          class="current"
          data-testid="targets-current"
          [attr.data-year]="t.year"
          [attr.data-projects]="t.projects"
          [attr.data-contract-fen]="t.contractAmountFen"
          [attr.data-default]="t.isDefault"
        >
          {{
            'kpi.targetsCurrent'
              | t: { year: t.year, projects: t.projects, amount: amountText(t.contractAmountFen) }
          }}
          <span class="tag">{{ (t.isDefault ? 'kpi.targetsIsDefault' : 'kpi.targetsIsSet') | t }}</span>
        </p>
      }
    </div>
    @if (targets.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (targets.error()) {
      <p class="alert" role="alert">
        {{ 'kpi.loadError' | t }}
        <button mat-button type="button" (click)="targets.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (loaded()) {
      <form [formGroup]="form" (ngSubmit)="submit()" data-testid="targets-form" novalidate>
        <fieldset>
          <legend>{{ 'kpi.targetsDistrict' | t }}</legend>
          <div class="district">
            <mat-form-field>
              <mat-label>{{ 'kpi.targetProjects' | t }}</mat-label>
              <input
                matInput
                type="number"
                min="0"
                step="1"
                formControlName="projects"
                data-testid="targets-projects"
              />
              <mat-error>{{ form.controls.projects | kpiFieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'kpi.targetAmount' | t }}</mat-label>
              <input
                matInput
                formControlName="contractAmount"
                inputmode="decimal"
                autocomplete="off"
                data-testid="targets-amount"
              />
              <mat-hint><xkx-amount-echo [value]="form.controls.contractAmount.value" /></mat-hint>
              <mat-error>{{ form.controls.contractAmount | kpiFieldError }}</mat-error>
            </mat-form-field>
          </div>
          <p class="hint">{{ 'kpi.yuanHint' | t }}</p>
        </fieldset>

        <fieldset>
          <legend>{{ 'kpi.targetsInstitutions' | t }}</legend>
          @if (form.controls.institutions.length) {
            <div class="scroll">
              <table formArrayName="institutions" data-testid="targets-institutions">
                <thead>
                  <tr>
                    <th scope="col">{{ 'kpi.targetsInstitution' | t }}</th>
                    <th scope="col">{{ 'kpi.targetProjects' | t }}</th>
                    <th scope="col">{{ 'kpi.targetAmount' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (
                    row of form.controls.institutions.controls;
                    track row.controls.organizationId.value;
                    let i = $index
                  ) {
                    <tr
                      [formGroupName]="i"
                      data-testid="targets-institution-row"
                      [attr.data-org-id]="row.controls.organizationId.value"
                    >
                      <th scope="row" [id]="'target-org-' + i">{{ row.controls.name.value }}</th>
                      <td>
                        <mat-form-field subscriptSizing="dynamic">
                          <input
                            matInput
                            type="number"
                            min="0"
                            step="1"
                            formControlName="projects"
                            data-testid="target-row-projects"
                            [attr.aria-label]="row.controls.name.value + ' · ' + ('kpi.targetProjects' | t)"
                          />
                          <mat-error>{{ row.controls.projects | kpiFieldError }}</mat-error>
                        </mat-form-field>
                      </td>
                      <td>
                        <mat-form-field subscriptSizing="dynamic">
                          <input
                            matInput
                            formControlName="contractAmount"
                            inputmode="decimal"
                            autocomplete="off"
                            data-testid="target-row-amount"
                            [attr.aria-label]="row.controls.name.value + ' · ' + ('kpi.targetAmount' | t)"
                          />
                          <mat-hint><xkx-amount-echo [value]="row.controls.contractAmount.value" /></mat-hint>
                          <mat-error>{{ row.controls.contractAmount | kpiFieldError }}</mat-error>
                        </mat-form-field>
                        @if (row.hasError('pair') && (row.touched || row.dirty)) {
                          <p class="alert row-error" data-testid="target-row-pair">
                            {{ row | kpiFieldError }}
                          </p>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p class="muted">{{ 'kpi.targetsNoInstitutions' | t }}</p>
          }
        </fieldset>

        <div class="actions">
          @if (formError(); as e) {
            <span class="alert" role="alert" data-testid="targets-error">{{ e }}</span>
          }
          @if (saved(); as y) {
            <span class="ok" role="status" data-testid="targets-saved">
              {{ 'kpi.targetsSaved' | t: { year: y } }}
              <a mat-button [routerLink]="dashboard">{{ 'kpi.targetsOpenDashboard' | t }}</a>
            </span>
          }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="targets-save">
            <mat-icon>save</mat-icon> {{ 'common.save' | t }}
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 1000px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      line-height: 1.6;
      max-width: 90ch;
    }
    .bar {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .current {
      margin: 0;
    }
    .tag {
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      font: var(--mat-sys-label-small);
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .district {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 4px 16px;
    }
    .hint {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      padding: 4px 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    tbody th {
      font-weight: 500;
      padding-top: 18px;
    }
    .row-error {
      margin: 2px 0 0;
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .alert {
      color: var(--mat-sys-error);
    }
    .ok {
      color: var(--mat-sys-primary);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class KpiTargetsPageComponent {
  private readonly api = inject(KpisApiService);
  private readonly i18n = inject(I18nService);
  /** Next year first: targets are set before the year starts. */
  protected readonly years = yearChoices(shanghaiYear() + 1, 7);
  protected readonly year = signal(shanghaiYear());
  protected readonly targets = this.api.targetsResource(this.year);
  private readonly institutions = this.api.institutionsResource();
  protected readonly dashboard = `/${WebPath.kpis}`;

  protected readonly busy = signal(false);
  protected readonly saved = signal<number | null>(null);
  protected readonly formError = signal<string | null>(null);
  /** The form is built once the year's targets and the institution list are both in. */
  protected readonly loaded = computed(
    () => this.targets.hasValue() && (this.institutions.hasValue() || !!this.institutions.error()),
  );

  protected readonly form = new FormGroup({
    projects: new FormControl<number | null>(null, [Validators.required, ...projectsValidators]),
    contractAmount: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, amountValidator()],
    }),
    institutions: new FormArray<InstitutionRow>([]),
  });

  constructor() {
    effect(() => {
      const targets = this.targets.hasValue() ? this.targets.value() : undefined;
      // Without the institution list (it failed to load), the targets already set are still shown and kept.
      const institutions = this.institutions.error()
        ? []
        : (this.institutions.hasValue() ? this.institutions.value() : undefined)?.items;
      if (targets && institutions) untracked(() => this.fill(targets, institutions));
    });
  }

  protected changeYear(year: number): void {
    this.saved.set(null);
    this.formError.set(null);
    this.year.set(year);
  }

  protected amountText(fen: number): string {
    return `${compactYuan(fen, this.i18n.locale())}（${yuan(fen)}）`;
  }

  protected submit(): void {
    this.saved.set(null);
    this.formError.set(null);
    this.form.markAllAsTouched();
    const year = this.year();
    const request = this.form.valid ? targetsRequest(year, this.form.getRawValue()) : null;
    if (!request) {
      this.formError.set(this.i18n.t('form.fixErrors'));
      return;
    }
    this.busy.set(true);
    this.api.putTargets(request.body).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.targets.value.set(saved);
        this.saved.set(saved.year);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiError(error);
        const unmatched = applyFieldErrors(this.form, problem.errors, request.aliases);
        this.formError.set(
          unmatched.length || !problem.errors.length
            ? (problem.message ?? this.i18n.t('kpi.saveFailed'))
            : this.i18n.t('form.fixErrors'),
        );
      },
    });
  }

  /** Every university and institute gets a row (empty: no target), plus any target of one not listed. */
  private fill(targets: KpiTargets, institutions: readonly OrganizationSummary[]): void {
    const byId = new Map(targets.institutions.map((t) => [t.organizationId, t]));
    const rows = [
      ...institutions.map((o) => ({ organizationId: o.id, name: o.nameZh })),
      ...targets.institutions
        .filter((t) => !institutions.some((o) => o.id === t.organizationId))
        .map((t) => ({ organizationId: t.organizationId, name: t.name })),
    ];
    const array = this.form.controls.institutions;
    array.clear({ emitEvent: false });
    for (const row of rows) {
      const target = byId.get(row.organizationId);
      array.push(
        new FormGroup(
          {
            organizationId: new FormControl(row.organizationId, { nonNullable: true }),
            name: new FormControl(row.name, { nonNullable: true }),
            projects: new FormControl<number | null>(target?.projects ?? null, projectsValidators),
            contractAmount: new FormControl(fenToYuanInput(target?.contractAmountFen), {
              nonNullable: true,
              validators: [amountValidator()],
            }),
          },
          { validators: targetRowPairValidator },
        ),
        { emitEvent: false },
      );
    }
    this.form.controls.projects.setValue(targets.projects);
    this.form.controls.contractAmount.setValue(fenToYuanInput(targets.contractAmountFen));
    this.form.markAsPristine();
    this.form.markAsUntouched();
    this.form.updateValueAndValidity();
  }
}
