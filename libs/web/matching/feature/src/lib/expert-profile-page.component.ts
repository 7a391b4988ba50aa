import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
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
} from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { PeopleApiService } from '@xkx/web/matching/data-access';

/** /experts/me: a researcher's own expert profile (created on first save; a broker verifies each change). */
@Component({
  selector: 'xkx-expert-profile-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'people.myProfile' | t }}</h1>
    <p class="lead">{{ 'people.profileLead' | t }}</p>
    @if (saved()) {
      <p role="status" class="ok">{{ 'people.saved' | t }} · <a [routerLink]="['/experts', saved()]">{{ form.nameZh }}</a></p>
    }
    <form (ngSubmit)="save()" class="form" data-testid="expert-profile-form">
      <mat-form-field>
        <mat-label>{{ 'people.nameZh' | t }}</mat-label>
        <input matInput name="nameZh" [(ngModel)]="form.nameZh" required />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.title' | t }}</mat-label>
        <mat-select name="title" [(ngModel)]="form.title">
          @for (t of titles; track t) {
            <mat-option [value]="t">{{ i18n.pick(titleLabels[t]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.fieldCodes' | t }}</mat-label>
        <input matInput name="fieldCodes" [(ngModel)]="fieldCodes" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.directions' | t }}</mat-label>
        <textarea matInput name="directions" rows="3" [(ngModel)]="form.directions"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.bio' | t }}</mat-label>
        <textarea matInput name="bio" rows="4" [(ngModel)]="form.bio"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.modes' | t }}</mat-label>
        <mat-select name="modes" multiple [(ngModel)]="form.cooperationModes">
          @for (m of modes; track m) {
            <mat-option [value]="m">{{ i18n.pick(modeLabels[m]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.availability' | t }}</mat-label>
        <mat-select name="availability" [(ngModel)]="form.availability">
          @for (a of availabilities; track a) {
            <mat-option [value]="a">{{ i18n.pick(availabilityLabels[a]) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'people.email' | t }}</mat-label>
        <input matInput name="email" [(ngModel)]="form.contactEmail" />
      </mat-form-field>
      @for (e of errors(); track e) {
        <p class="alert" role="alert">{{ e }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="busy()">{{ 'people.save' | t }}</button>
    </form>
  `,
  styles: `
    :host { display: block; max-width: 720px; margin: 0 auto; padding: 16px; }
    .form { display: grid; gap: 4px; }
    .lead { color: var(--mat-sys-on-surface-variant); }
    .alert { margin: 4px 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class ExpertProfilePageComponent implements OnInit {
  private readonly api = inject(PeopleApiService);
  protected readonly i18n = inject(I18nService);
  protected readonly titles = Object.keys(EXPERT_TITLE_LABELS) as ExpertTitle[];
  protected readonly modes = Object.keys(EXPERT_COOPERATION_MODE_LABELS) as ExpertCooperationMode[];
  protected readonly availabilities = Object.keys(EXPERT_AVAILABILITY_LABELS) as ExpertAvailability[];
  protected readonly titleLabels = EXPERT_TITLE_LABELS;
  protected readonly modeLabels = EXPERT_COOPERATION_MODE_LABELS;
  protected readonly availabilityLabels = EXPERT_AVAILABILITY_LABELS;
  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly saved = signal<string | null>(null);
  private current: ExpertDetail | null = null;
  protected fieldCodes = '';
  protected form: ExpertInput = { nameZh: '', title: 'PROFESSOR', fieldCodes: [], directions: '', bio: '', cooperationModes: ['DEVELOPMENT'], availability: 'OPEN', contactEmail: null };

  ngOnInit(): void {
    this.api.myProfile().subscribe({
      next: (e) => this.load(e),
      error: () => undefined, // 404: no profile yet; the first save creates it
    });
  }

  private load(e: ExpertDetail): void {
    this.current = e;
    this.fieldCodes = e.fieldCodes.join(', ');
    this.form = { nameZh: e.nameZh, title: e.title, fieldCodes: e.fieldCodes, directions: e.directions, bio: e.bio, cooperationModes: e.cooperationModes, availability: e.availability, contactEmail: e.contact?.email ?? null };
  }

  protected save(): void {
    this.busy.set(true);
    this.errors.set([]);
    const input: ExpertInput = { ...this.form, fieldCodes: this.fieldCodes.split(/[,，\s]+/).filter(Boolean), contactEmail: this.form.contactEmail || null };
    const request = this.current ? this.api.updateProfile(this.current.id, { ...input, version: this.current.version }) : this.api.createProfile(input);
    request.subscribe({
      next: (e) => {
        this.busy.set(false);
        this.load(e);
        this.saved.set(e.id);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        this.errors.set(api.errors.length ? api.errors.map((f) => `${f.field}：${f.message}`) : [api.message ?? this.i18n.t('common.loadError')]);
      },
    });
  }
}
