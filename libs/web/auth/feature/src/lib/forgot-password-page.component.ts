import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthApiService, WebPath } from '@xkx/web/auth/data-access';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

/** The API answers 202 whether or not the address is registered, and so do we. */
@Component({
  selector: 'xkx-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="card" appearance="outlined">
      <mat-card-content>
        <h1>{{ 'auth.forgotTitle' | t }}</h1>
        @if (sent()) {
          <p class="notice" role="status" data-testid="forgot-sent">{{ 'auth.forgotSent' | t }}</p>
        } @else {
          <p class="lead">{{ 'auth.forgotLead' | t }}</p>
          @if (error(); as message) {
            <p class="alert" role="alert" data-testid="form-error">{{ message }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field class="full">
              <mat-label>{{ 'user.email' | t }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" data-testid="email" />
              <mat-error>{{ form.controls.email | fieldError }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <a [routerLink]="['/', paths.signIn]">{{ 'auth.backToSignIn' | t }}</a>
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="forgot-submit">{{ 'auth.sendLink' | t }}</button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './auth-page.scss',
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(AuthApiService);
  private readonly i18n = inject(I18nService);
  protected readonly paths = WebPath;
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.api.forgotPassword(this.form.controls.email.value.trim()).subscribe({
      next: () => this.sent.set(true),
      error: (error: unknown) => {
        const api = toApiError(error);
        applyFieldErrors(this.form, api.errors);
        this.error.set(api.message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }
}
