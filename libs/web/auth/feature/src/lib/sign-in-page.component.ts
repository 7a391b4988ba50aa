import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthSession, safeReturnUrl, WebPath } from '@xkx/web/auth/data-access';
import { FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

@Component({
  selector: 'xkx-sign-in-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="card" appearance="outlined">
      <mat-card-content>
        <h1>{{ 'auth.signInTitle' | t }}</h1>
        <p class="lead">{{ 'auth.signInLead' | t }}</p>
        @if (error(); as message) {
          <p class="alert" role="alert" data-testid="form-error">
            {{ message }}
            @if (reason(); as why) {
              <br /><span data-testid="form-error-reason">{{ 'auth.declinedReason' | t: { reason: why } }}</span>
            }
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field class="full">
            <mat-label>{{ 'user.email' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" data-testid="email" />
            <mat-error>{{ form.controls.email | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>{{ 'auth.password' | t }}</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" data-testid="password" />
            <mat-error>{{ form.controls.password | fieldError }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <a [routerLink]="['/', paths.forgotPassword]">{{ 'auth.forgotLink' | t }}</a>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="sign-in-submit">{{ 'auth.signIn' | t }}</button>
          </div>
        </form>
        <div class="links">
          <span>{{ 'auth.noAccount' | t }}</span>
          <a [routerLink]="['/', paths.register]">{{ 'auth.registerLink' | t }}</a>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './auth-page.scss',
})
export class SignInPageComponent {
  /** Where to go afterwards (set by the guards and the session expiry); only same-app paths are followed. */
  readonly returnUrl = input<string>();

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly paths = WebPath;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reason = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.reason.set(null);
    const { email, password } = this.form.getRawValue();
    this.session.signIn(email.trim(), password).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? `/${WebPath.workspace}`),
      error: (error: unknown) => {
        // 401, 403 suspended and 429 throttled all come worded by the API.
        const apiError = toApiError(error);
        this.error.set(apiError.message ?? this.i18n.t('common.networkError'));
        this.reason.set(apiError.reason ?? null);
        this.busy.set(false);
      },
    });
  }
}
