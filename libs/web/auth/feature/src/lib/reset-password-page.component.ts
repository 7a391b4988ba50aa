import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { PasswordStrengthComponent } from './password-strength.component';

/** The page the reset mail links to: /reset-password?token=… */
@Component({
  selector: 'xkx-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, TranslatePipe, PasswordStrengthComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="card" appearance="outlined">
      <mat-card-content>
        <h1>{{ 'auth.resetTitle' | t }}</h1>
        @if (done()) {
          <p class="notice" role="status" data-testid="reset-done">{{ 'auth.resetDone' | t }}</p>
          <a mat-flat-button [routerLink]="['/', paths.signIn]">{{ 'auth.signIn' | t }}</a>
        } @else if (!token()) {
          <p class="alert" role="alert">{{ 'auth.resetNoToken' | t }}</p>
          <a [routerLink]="['/', paths.forgotPassword]">{{ 'auth.forgotLink' | t }}</a>
        } @else {
          <p class="lead">{{ 'auth.resetLead' | t }}</p>
          @if (error(); as message) {
            <p class="alert" role="alert" data-testid="form-error">{{ message }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field class="full">
              <mat-label>{{ 'auth.newPassword' | t }}</mat-label>
              <input matInput type="password" formControlName="newPassword" autocomplete="new-password" data-testid="new-password" />
              <mat-hint>{{ 'auth.passwordHint' | t: { n: minLength } }}</mat-hint>
              <mat-error>{{ form.controls.newPassword | fieldError }}</mat-error>
            </mat-form-field>
            <xkx-password-strength [password]="newPassword()" />
            <mat-form-field class="full">
              <mat-label>{{ 'auth.confirmPassword' | t }}</mat-label>
              <input matInput type="password" formControlName="confirmPassword" autocomplete="new-password" data-testid="confirm-password" />
              <mat-error>{{ form.controls.confirmPassword | fieldError }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <a [routerLink]="['/', paths.forgotPassword]">{{ 'auth.resetAgain' | t }}</a>
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="reset-submit">{{ 'auth.resetSubmit' | t }}</button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './auth-page.scss',
})
export class ResetPasswordPageComponent {
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
      newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)] }),
      confirmPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [passwordsMatchValidator] },
  );
  protected readonly newPassword = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });

  protected submit(): void {
    this.form.markAllAsTouched();
    const token = this.token();
    if (this.form.invalid || this.busy() || !token) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.resetPassword(token, this.form.controls.newPassword.value).subscribe({
      next: () => this.done.set(true),
      error: (error: unknown) => {
        const api = toApiError(error);
        applyFieldErrors(this.form, api.errors);
        this.error.set(api.message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }
}
