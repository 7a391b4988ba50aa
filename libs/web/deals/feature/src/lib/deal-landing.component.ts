import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DealDetail, LandingBody, LandingKind } from '@xkx/contracts';
import { LandingApiService } from '@xkx/web/deals/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

interface Draft {
  carrierId: string;
  areaM2: number | null;
  kind: LandingKind;
  companyName: string;
  jobsPlanned: number | null;
  landedOn: string;
  note: string;
}

/**
 * 项目落地 on the deal page (issue 16): the landing once recorded; for a broker on a signed deal, a form to
 * record or correct it. The API checks everything (signed stage, carrier, dates) and answers per field.
 */
@Component({
  selector: 'xkx-deal-landing',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="landing" data-testid="deal-landing">
      <h2>{{ 'landing.title' | t }}</h2>
      @if (state.hasValue() && state.value(); as s) {
        @if (s.landing; as l) {
          <p data-testid="landing-summary">
            {{ 'landing.summary' | t: { kind: (kindKeys[l.kind] | t), company: l.companyName, carrier: l.carrierName, area: l.areaM2, jobs: l.jobsPlanned, date: l.landedOn } }}
          </p>
          @if (l.recordedBy) {
            <p class="muted">{{ 'landing.recordedBy' | t: { name: l.recordedBy } }}</p>
          }
        } @else {
          <p class="muted">{{ (s.canRecord ? 'landing.none' : 'landing.notSigned') | t }}</p>
        }
        @if (s.canRecord && !editing()) {
          <button mat-stroked-button type="button" (click)="edit()" data-testid="landing-open">{{ (s.landing ? 'landing.edit' : 'landing.record') | t }}</button>
        }
        @if (editing()) {
          <form class="form" (ngSubmit)="save()" data-testid="landing-form">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.carrier' | t }}</mat-label>
              <mat-select name="carrierId" [ngModel]="draft().carrierId" (ngModelChange)="patch({ carrierId: $event })" data-testid="landing-carrier">
                @for (c of carriers.value()?.items ?? []; track c.id) {
                  <mat-option [value]="c.id">{{ c.nameZh }}</mat-option>
                }
              </mat-select>
              @if (fieldError('carrierId'); as e) { <mat-hint class="error">{{ e }}</mat-hint> }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.kind' | t }}</mat-label>
              <mat-select name="kind" [ngModel]="draft().kind" (ngModelChange)="patch({ kind: $event })" data-testid="landing-kind">
                <mat-option value="SET_UP">{{ 'landing.kind.SET_UP' | t }}</mat-option>
                <mat-option value="EXPANDED">{{ 'landing.kind.EXPANDED' | t }}</mat-option>
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.company' | t }}</mat-label>
              <input matInput name="companyName" [ngModel]="draft().companyName" (ngModelChange)="patch({ companyName: $event })" data-testid="landing-company" />
              @if (fieldError('companyName'); as e) { <mat-hint class="error">{{ e }}</mat-hint> }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.area' | t }}</mat-label>
              <input matInput type="number" name="areaM2" min="1" [ngModel]="draft().areaM2" (ngModelChange)="patch({ areaM2: $event })" data-testid="landing-area" />
              @if (fieldError('areaM2'); as e) { <mat-hint class="error">{{ e }}</mat-hint> }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.jobs' | t }}</mat-label>
              <input matInput type="number" name="jobsPlanned" min="0" [ngModel]="draft().jobsPlanned" (ngModelChange)="patch({ jobsPlanned: $event })" data-testid="landing-jobs" />
              @if (fieldError('jobsPlanned'); as e) { <mat-hint class="error">{{ e }}</mat-hint> }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'landing.landedOn' | t }}</mat-label>
              <input matInput type="date" name="landedOn" [ngModel]="draft().landedOn" (ngModelChange)="patch({ landedOn: $event })" data-testid="landing-date" />
              @if (fieldError('landedOn'); as e) { <mat-hint class="error" data-testid="landing-date-error">{{ e }}</mat-hint> }
            </mat-form-field>
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'landing.note' | t }}</mat-label>
              <input matInput name="note" maxlength="1000" [ngModel]="draft().note" (ngModelChange)="patch({ note: $event })" />
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="landing-save">{{ 'landing.save' | t }}</button>
              <button mat-button type="button" (click)="editing.set(false)">{{ 'landing.cancel' | t }}</button>
            </div>
            @if (error(); as e) {
              <p class="alert" role="alert" data-testid="landing-error">{{ e }}</p>
            }
          </form>
        }
      }
    </section>
  `,
  styles: `
    :host { display: block; }
    .landing { margin: 16px 0; }
    .form { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 16px; }
    .wide, .actions, .alert { grid-column: 1 / -1; }
    .actions { display: flex; gap: 8px; }
    .muted { font: var(--mat-sys-body-small); }
    .error { color: var(--mat-sys-error); }
    .alert { padding: 8px 16px; border-radius: 12px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class DealLandingComponent {
  private readonly api = inject(LandingApiService);
  private readonly i18n = inject(I18nService);

  readonly deal = input.required<DealDetail>();
  readonly changed = output<void>();

  protected readonly state = this.api.landingResource(
    () => this.deal().id,
    () => this.deal().version,
  );
  protected readonly kindKeys = { SET_UP: 'landing.kind.SET_UP', EXPANDED: 'landing.kind.EXPANDED' } as const;
  protected readonly editing = signal(false);
  protected readonly carriers = this.api.carriersResource(() => this.editing());
  protected readonly draft = signal<Draft>({ carrierId: '', areaM2: null, kind: 'SET_UP', companyName: '', jobsPlanned: null, landedOn: '', note: '' });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly fieldErrors = signal<Array<{ field: string; message: string }>>([]);
  private readonly errorsByField = computed(() => new Map(this.fieldErrors().map((e) => [e.field, e.message])));

  protected fieldError(field: string): string | null {
    return this.errorsByField().get(field) ?? null;
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected edit(): void {
    const l = this.state.value()?.landing;
    this.draft.set(l
      ? { carrierId: l.carrierId, areaM2: l.areaM2, kind: l.kind, companyName: l.companyName, jobsPlanned: l.jobsPlanned, landedOn: l.landedOn, note: l.note ?? '' }
      : { carrierId: '', areaM2: null, kind: 'SET_UP', companyName: '', jobsPlanned: null, landedOn: '', note: '' });
    this.fieldErrors.set([]);
    this.error.set(null);
    this.editing.set(true);
  }

  protected save(): void {
    const d = this.draft();
    const stored = this.state.value()?.landing;
    const body = {
      carrierId: d.carrierId, areaM2: d.areaM2 === null ? undefined : Number(d.areaM2), kind: d.kind, companyName: d.companyName.trim(),
      jobsPlanned: d.jobsPlanned === null ? undefined : Number(d.jobsPlanned), landedOn: d.landedOn, ...(d.note.trim() ? { note: d.note.trim() } : {}),
      ...(stored ? { version: stored.version } : {}),
    } as LandingBody;
    this.busy.set(true);
    this.error.set(null);
    this.api.put(this.deal().id, body).subscribe({
      next: () => {
        this.busy.set(false);
        this.editing.set(false);
        this.state.reload();
        this.changed.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const err = toApiError(e);
        this.fieldErrors.set(err.errors);
        this.error.set(err.message ?? this.i18n.t('common.loadError'));
      },
    });
  }
}
