import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  EXPERT_AVAILABILITY_LABELS,
  EXPERT_COOPERATION_MODE_LABELS,
  EXPERT_TITLE_LABELS,
  ExpertAvailability,
  ExpertCooperationMode,
  ExpertDetail,
  ExpertInput,
  ExpertTitle,
  RESEARCH_OUTPUT_KIND_LABELS,
  ResearchOutput,
  ResearchOutputKind,
} from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService } from '@xkx/web/listings/data-access';
import { PeopleApiService } from '@xkx/web/matching/data-access';
import { of } from 'rxjs';

type OutputGroup = FormGroup<{
  kind: FormControl<ResearchOutputKind>;
  title: FormControl<string>;
  ref: FormControl<string>;
  year: FormControl<number | null>;
}>;

/** The API's field names, in the words of this form, for messages no control takes. */
const FIELD_KEYS: Record<string, MessageKey> = {
  nameZh: 'people.nameZh',
  nameEn: 'people.nameEn',
  title: 'people.title',
  laboratoryId: 'people.laboratory',
  fieldCodes: 'people.fieldCodes',
  directions: 'people.directions',
  bio: 'people.bio',
  outputs: 'people.outputs',
  cooperationModes: 'people.modes',
  availability: 'people.availability',
  contactEmail: 'people.email',
  contactPhone: 'people.phone',
};

/**
 * /experts/me: a researcher's own expert profile (created on first save; a broker verifies each change):
 * research fields from the technology-field tree (the picker listings use), the laboratory among their
 * organization's, selected outputs (papers, patents by application number, projects). The API checks every
 * field; its words (zh/en) land on the field they are about.
 */
@Component({
  selector: 'xkx-expert-profile-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, FieldErrorPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'people.myProfile' | t }}</h1>
    <p class="lead">{{ 'people.profileLead' | t }}</p>
    @if (current(); as e) {
      <p class="state" data-testid="expert-profile-state" [attr.data-verified]="e.verified">
        {{ (e.verified ? 'people.verified' : 'people.unverified') | t }} · <a [routerLink]="['/experts', e.id]">{{ 'people.viewProfile' | t }}</a>
      </p>
    }
    @if (saved()) {
      <p role="status" class="ok" data-testid="expert-profile-saved">{{ 'people.saved' | t }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" class="form" novalidate data-testid="expert-profile-form">
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'people.nameZh' | t }}</mat-label>
          <input matInput formControlName="nameZh" data-testid="p-name" />
          <mat-error>{{ form.controls.nameZh | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'people.nameEn' | t }}</mat-label>
          <input matInput formControlName="nameEn" />
          <mat-error>{{ form.controls.nameEn | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'people.title' | t }}</mat-label>
          <mat-select formControlName="title" data-testid="p-title">
            @for (t of titles; track t) {
              <mat-option [value]="t">{{ titleLabels[t] | localized }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'people.laboratory' | t }}</mat-label>
        <mat-select formControlName="laboratoryId" data-testid="p-laboratory">
          <mat-option [value]="null">{{ 'people.noLaboratory' | t }}</mat-option>
          @for (l of labs(); track l.id) {
            <mat-option [value]="l.id" [attr.data-id]="l.id">{{ l.nameZh }}</mat-option>
          }
        </mat-select>
        <mat-error data-testid="p-laboratory-error">{{ form.controls.laboratoryId | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.fieldCodes' | t }}</mat-label>
        <mat-select formControlName="fieldCodes" multiple data-testid="p-fields">
          @for (f of fieldOptions(); track f.code) {
            <mat-option [value]="f.code" [style.padding-left.px]="16 + f.depth * 20" [attr.data-code]="f.code">{{ i18n.locale() === 'en' ? f.nameEn : f.nameZh }}</mat-option>
          }
        </mat-select>
        <mat-error data-testid="p-fields-error">{{ form.controls.fieldCodes | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.directions' | t }}</mat-label>
        <textarea matInput formControlName="directions" rows="3" data-testid="p-directions"></textarea>
        <mat-error>{{ form.controls.directions | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.bio' | t }}</mat-label>
        <textarea matInput formControlName="bio" rows="4"></textarea>
        <mat-error>{{ form.controls.bio | fieldError }}</mat-error>
      </mat-form-field>

      <fieldset formArrayName="outputs" data-testid="p-outputs">
        <legend>{{ 'people.outputs' | t }}</legend>
        @for (o of outputs.controls; track o; let i = $index) {
          <div class="row output" [formGroupName]="i" data-testid="p-output">
            <mat-form-field class="kind">
              <mat-label>{{ 'people.outputKind' | t }}</mat-label>
              <mat-select formControlName="kind" data-testid="p-output-kind">
                @for (k of outputKinds; track k) {
                  <mat-option [value]="k" [attr.data-kind]="k">{{ outputLabels[k] | localized }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'people.outputTitle' | t }}</mat-label>
              <input matInput formControlName="title" data-testid="p-output-title" />
              <mat-error>{{ o.controls.title | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'people.outputRef' | t }}</mat-label>
              <input matInput formControlName="ref" data-testid="p-output-ref" />
              @if (o.controls.kind.value === 'PATENT') {
                <mat-hint>{{ 'people.outputRefHint' | t }}</mat-hint>
              }
              <mat-error data-testid="p-output-ref-error">{{ o.controls.ref | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="year">
              <mat-label>{{ 'people.outputYear' | t }}</mat-label>
              <input matInput type="number" formControlName="year" />
              <mat-error>{{ o.controls.year | fieldError }}</mat-error>
            </mat-form-field>
            <button mat-icon-button type="button" (click)="outputs.removeAt(i)" [attr.aria-label]="'people.removeOutput' | t" data-testid="p-output-remove">
              <mat-icon>delete</mat-icon>
            </button>
          </div>
        }
        <button mat-stroked-button type="button" (click)="addOutput()" data-testid="p-output-add">
          <mat-icon>add</mat-icon> {{ 'people.addOutput' | t }}
        </button>
      </fieldset>

      <div class="row">
        <mat-form-field class="wide">
          <mat-label>{{ 'people.modes' | t }}</mat-label>
          <mat-select formControlName="cooperationModes" multiple>
            @for (m of modes; track m) {
              <mat-option [value]="m">{{ modeLabels[m] | localized }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.cooperationModes | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'people.availability' | t }}</mat-label>
          <mat-select formControlName="availability">
            @for (a of availabilities; track a) {
              <mat-option [value]="a">{{ availabilityLabels[a] | localized }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'people.email' | t }}</mat-label>
          <input matInput formControlName="contactEmail" />
          <mat-error>{{ form.controls.contactEmail | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'people.phone' | t }}</mat-label>
          <input matInput formControlName="contactPhone" />
          <mat-error>{{ form.controls.contactPhone | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      @for (e of errors(); track $index) {
        <p class="alert" role="alert">{{ e }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="p-save">{{ 'people.save' | t }}</button>
    </form>
  `,
  styles: `
    :host { display: block; max-width: 880px; margin: 0 auto; padding: 16px; }
    .form { display: grid; gap: 4px; }
    .row { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; }
    .row > mat-form-field { flex: 1 1 180px; }
    .row > .wide { flex: 2 1 280px; }
    .row > .kind, .row > .year { flex: 0 1 120px; }
    fieldset { margin: 0 0 12px; padding: 8px 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    legend { padding: 0 4px; font: var(--mat-sys-title-small); }
    .lead, .state { color: var(--mat-sys-on-surface-variant); }
    .alert { margin: 4px 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class ExpertProfilePageComponent implements OnInit {
  private readonly api = inject(PeopleApiService);
  private readonly session = inject(AuthSession);
  protected readonly i18n = inject(I18nService);
  protected readonly fieldOptions = inject(FieldsApiService).options;
  protected readonly titles = Object.keys(EXPERT_TITLE_LABELS) as ExpertTitle[];
  protected readonly modes = Object.keys(EXPERT_COOPERATION_MODE_LABELS) as ExpertCooperationMode[];
  protected readonly availabilities = Object.keys(EXPERT_AVAILABILITY_LABELS) as ExpertAvailability[];
  protected readonly outputKinds = Object.keys(RESEARCH_OUTPUT_KIND_LABELS) as ResearchOutputKind[];
  protected readonly titleLabels = EXPERT_TITLE_LABELS;
  protected readonly modeLabels = EXPERT_COOPERATION_MODE_LABELS;
  protected readonly availabilityLabels = EXPERT_AVAILABILITY_LABELS;
  protected readonly outputLabels = RESEARCH_OUTPUT_KIND_LABELS;
  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly saved = signal(false);
  protected readonly current = signal<ExpertDetail | null>(null);

  /** The laboratories of the researcher's own organization: the only ones the API accepts. */
  private readonly labList = rxResource({
    params: () => this.session.user()?.organization?.id,
    stream: ({ params }) => (params ? this.api.laboratories({ organizationId: params, limit: 100 }) : of({ items: [], total: 0 })),
  });
  protected readonly labs = computed(() => (this.labList.hasValue() ? this.labList.value().items : []));

  protected readonly outputs = new FormArray<OutputGroup>([]);
  protected readonly form = new FormGroup({
    nameZh: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    nameEn: new FormControl('', { nonNullable: true }),
    title: new FormControl<ExpertTitle>('PROFESSOR', { nonNullable: true }),
    laboratoryId: new FormControl<string | null>(null),
    fieldCodes: new FormControl<string[]>([], { nonNullable: true }),
    directions: new FormControl('', { nonNullable: true }),
    bio: new FormControl('', { nonNullable: true }),
    outputs: this.outputs,
    cooperationModes: new FormControl<ExpertCooperationMode[]>(['DEVELOPMENT'], { nonNullable: true }),
    availability: new FormControl<ExpertAvailability>('OPEN', { nonNullable: true }),
    contactEmail: new FormControl('', { nonNullable: true }),
    contactPhone: new FormControl('', { nonNullable: true }),
  });

  ngOnInit(): void {
    this.api.myProfile().subscribe({
      next: (e) => this.load(e),
      error: () => undefined, // 404: no profile yet; the first save creates it
    });
  }

  protected addOutput(output?: ResearchOutput): void {
    this.outputs.push(
      new FormGroup({
        kind: new FormControl<ResearchOutputKind>(output?.kind ?? 'PAPER', { nonNullable: true }),
        title: new FormControl(output?.title ?? '', { nonNullable: true }),
        ref: new FormControl(output?.ref ?? '', { nonNullable: true }),
        year: new FormControl<number | null>(output?.year ?? null),
      }),
    );
  }

  private load(e: ExpertDetail): void {
    this.current.set(e);
    this.outputs.clear();
    for (const o of e.outputs) this.addOutput(o);
    this.form.patchValue({
      nameZh: e.nameZh, nameEn: e.nameEn ?? '', title: e.title, laboratoryId: e.laboratory?.id ?? null, fieldCodes: e.fieldCodes, directions: e.directions, bio: e.bio,
      cooperationModes: e.cooperationModes, availability: e.availability, contactEmail: e.contact?.email ?? '', contactPhone: e.contact?.phone ?? '',
    });
    this.form.markAsPristine();
  }

  private input(): ExpertInput {
    const v = this.form.getRawValue();
    return {
      nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim() || null, title: v.title, laboratoryId: v.laboratoryId, fieldCodes: v.fieldCodes, directions: v.directions.trim(), bio: v.bio.trim(),
      outputs: v.outputs.map((o) => ({ kind: o.kind, title: o.title.trim(), ...(o.ref.trim() ? { ref: o.ref.trim() } : {}), ...(o.year ? { year: Number(o.year) } : {}) })),
      cooperationModes: v.cooperationModes, availability: v.availability, contactEmail: v.contactEmail.trim() || null, contactPhone: v.contactPhone.trim() || null,
    };
  }

  protected save(): void {
    this.errors.set([]);
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const current = this.current();
    const request = current ? this.api.updateProfile(current.id, { ...this.input(), version: current.version }) : this.api.createProfile(this.input());
    request.subscribe({
      next: (e) => {
        this.busy.set(false);
        this.load(e);
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        const unmatched = applyFieldErrors(this.form, api.errors);
        const named = unmatched.map((f) => {
          const key = FIELD_KEYS[f.field.split('.')[0] ?? ''];
          return `${key ? this.i18n.t(key) : f.field}：${f.message}`;
        });
        this.errors.set(named.length || api.errors.length ? named : [api.message ?? this.i18n.t('common.loadError')]);
      },
    });
  }
}
