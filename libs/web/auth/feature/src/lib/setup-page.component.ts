import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@xkx/contracts';
import { AuthApiService, WebPath } from '@xkx/web/auth/data-access';
import { applyFieldErrors, FieldErrorPipe, passwordsMatchValidator, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

/** The first start: /setup?token=… from the server log creates the first administrator. */
@Component({
  selector: 'xkx-setup-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="card" appearance="outlined">
      <mat-card-content>
        <h1>{{ 'setup.title' | t }}</h1>
        @if (done()) {
          <p class="notice" role="status" data-testid="setup-done">{{ 'setup.done' | t }}</p>
          <a mat-flat-button [routerLink]="['/', paths.signIn]">{{ 'auth.signIn' | t }}</a>
        } @else if (!token()) {
          <p class="alert" role="alert">{{ 'setup.noToken' | t }}</p>
        } @else {
          <p class="lead">{{ 'setup.lead' | t }}</p>
          @if (error(); as message) {
            <p class="alert" role="alert" data-testid="form-error">{{ message }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field class="full">
              <mat-label>{{ 'setup.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" data-testid="setup-email" />
              <mat-error>{{ form.controls.email | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ 'setup.name' | t }}</mat-label>
              <input matInput formControlName="name" autocomplete="name" data-testid="setup-name" />
              <mat-error>{{ form.controls.name | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ 'auth.newPassword' | t }}</mat-label>
              <input matInput type="password" formControlName="newPassword" autocomplete="new-password" data-testid="setup-password" />
              <mat-hint>{{ 'auth.passwordHint' | t: { n: minLength } }}</mat-hint>
              <mat-error>{{ form.controls.newPassword | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ 'auth.confirmPassword' | t }}</mat-label>
              <input matInput type="password" formControlName="confirmPassword" autocomplete="new-password" data-testid="setup-confirm" />
              <mat-error>{{ form.controls.confirmPassword | fieldError }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="setup-submit">{{ 'setup.submit' | t }}</button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './auth-page.scss',
})
export class SetupPageComponent {
  /** From the query string (component input binding). */
  readonly token = input<string>();

  private readonly api = inject(AuthApiService);
  private readonly i18n = inject(I18nService);
  protected readonly paths = WebPath;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup(
    {
      email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
      name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
      newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)] }),
      confirmPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [passwordsMatchValidator] },
  );

  protected submit(): void {
    this.form.markAllAsTouched();
    const token = this.token();
    const { email, name, newPassword } = this.form.getRawValue();
    if (this.form.invalid || this.busy() || !token) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.createFirstAdministrator(token, email, name, newPassword).subscribe({
      next: () => this.done.set(true),
      error: (error: unknown) => {
        const api = toApiError(error);
        // The API names the field `password`; the form calls it newPassword (the shared matcher's name).
        applyFieldErrors(this.form, api.errors, { password: 'newPassword' });
        this.error.set(api.message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }
}
