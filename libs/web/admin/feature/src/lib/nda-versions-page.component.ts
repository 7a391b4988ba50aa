import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NdaApiService } from '@xkx/web/deals/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

/**
 * Administrators: the NDA's versions (newest is the one parties sign) and a form to publish a new one.
 * Published versions are never edited; signatures keep the version and text hash they signed.
 */
@Component({
  selector: 'xkx-nda-versions-page',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'nda.adminTitle' | t }}</h1>
    <p class="lead">{{ 'nda.adminLead' | t }}</p>
    @if (versions.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (versions.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    <section class="panel">
      <h2>{{ 'nda.versionsTitle' | t }}</h2>
      @if (versions.hasValue()) {
        <div class="table-wrap">
          <table class="versions" data-testid="nda-versions">
            <thead>
              <tr>
                <th>{{ 'nda.colVersion' | t }}</th>
                <th>{{ 'nda.colTitle' | t }}</th>
                <th>{{ 'nda.colCreatedBy' | t }}</th>
                <th>{{ 'nda.colCreatedAt' | t }}</th>
                <th>{{ 'nda.colHash' | t }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (v of versions.value(); track v.version; let first = $first) {
                <tr data-testid="nda-version" [attr.data-version]="v.version">
                  <td>
                    v{{ v.version }}
                    @if (first) {
                      <span class="badge">{{ 'nda.current' | t }}</span>
                    }
                  </td>
                  <td>{{ v.title }}</td>
                  <td>{{ v.createdByName ?? ('nda.systemAuthor' | t) }}</td>
                  <td>{{ v.createdAt | date: 'yyyy-MM-dd HH:mm' : '+0800' }}</td>
                  <td class="hash" [title]="v.textHash">{{ v.textHash.slice(0, 12) }}…</td>
                  <td>
                    <button mat-button type="button" (click)="toggle(v.version)">{{ 'nda.showText' | t }}</button>
                  </td>
                </tr>
                @if (shown() === v.version) {
                  <tr>
                    <td colspan="6"><div class="body" data-testid="nda-version-text">{{ v.body }}</div></td>
                  </tr>
                }
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section class="panel">
      <h2>{{ 'nda.newVersion' | t }}</h2>
      <form [formGroup]="form" (ngSubmit)="publish()" data-testid="nda-publish-form" class="form">
        <mat-form-field>
          <mat-label>{{ 'nda.fieldTitle' | t }}</mat-label>
          <input matInput formControlName="title" data-testid="nda-title" maxlength="200" />
          @if (form.controls.title.invalid) {
            <mat-error>{{ 'nda.titleTooShort' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'nda.fieldBody' | t }}</mat-label>
          <textarea matInput formControlName="body" rows="14" data-testid="nda-body"></textarea>
          @if (form.controls.body.invalid) {
            <mat-error>{{ 'nda.bodyTooShort' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'nda.fieldReason' | t }}</mat-label>
          <input matInput formControlName="reason" data-testid="nda-reason" maxlength="500" />
          <mat-hint>{{ 'nda.reasonHint' | t }}</mat-hint>
          @if (form.controls.reason.invalid) {
            <mat-error>{{ 'nda.reasonRequired' | t }}</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <p class="alert" role="alert" data-testid="nda-publish-error">{{ message }}</p>
        }
        @if (published(); as version) {
          <p class="ok" role="status" data-testid="nda-published">{{ 'nda.published' | t: { version } }}</p>
        }
        <div>
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="nda-publish">{{ 'nda.publish' | t }}</button>
        </div>
      </form>
    </section>
  `,
  styleUrl: './admin-page.scss',
  styles: `
    .versions { width: 100%; border-collapse: collapse; }
    .versions th, .versions td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    .hash { font-family: monospace; font-size: 12px; }
    .badge { margin-left: 6px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); font-size: 12px; }
    .body { white-space: pre-wrap; max-height: 320px; overflow: auto; }
    .form { display: flex; flex-direction: column; gap: 4px; max-width: 860px; }
    .ok { color: var(--mat-sys-primary); }
  `,
})
export class NdaVersionsPageComponent {
  private readonly api = inject(NdaApiService);
  private readonly i18n = inject(I18nService);

  protected readonly versions = this.api.versionsResource();
  protected readonly shown = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly published = signal<number | null>(null);
  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(4), Validators.maxLength(200)] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(20), Validators.maxLength(50000)] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(500)] }),
  });
  private prefilled = false;

  constructor() {
    // The form starts from the current text: a revision edits it rather than retyping it.
    effect(() => {
      const current = this.versions.hasValue() ? this.versions.value()[0] : undefined;
      if (!current || this.prefilled) return;
      this.prefilled = true;
      this.form.patchValue({ title: current.title, body: current.body });
    });
  }

  protected toggle(version: number): void {
    this.shown.set(this.shown() === version ? null : version);
  }

  protected publish(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.saving.set(true);
    this.error.set(null);
    this.published.set(null);
    const { title, body, reason } = this.form.getRawValue();
    this.api.publish({ title: title.trim(), body: body.trim(), reason: reason.trim() }).subscribe({
      next: (v) => {
        this.saving.set(false);
        this.published.set(v.version);
        this.form.controls.reason.reset('');
        this.versions.reload();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const apiError = toApiError(e);
        this.error.set([apiError.message ?? this.i18n.t('common.loadError'), apiError.errors.map((f) => f.message).join('；')].filter(Boolean).join('：'));
      },
    });
  }
}
