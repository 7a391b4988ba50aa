import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH, ROLE_LABELS } from '@xkx/contracts';
import { UserStatusComponent } from '@xkx/web/accounts/ui';
import { AuthApiService, AuthSession } from '@xkx/web/auth/data-access';
import { applyFieldErrors, FieldErrorPipe, mobileValidator, passwordsMatchValidator, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { ReminderPreferencesCardComponent } from './reminder-preferences-card.component';

/** Name and mobile; password change (which ends the account's other sessions); reminder settings. */
@Component({
  selector: 'xkx-profile-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
    UserStatusComponent,
    ReminderPreferencesCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.component.html',
  styleUrl: './auth-page.scss',
  styles: `
    .stack { display: grid; gap: 24px; max-width: 560px; margin: 0 auto; }
    .stack .card { margin: 0; max-width: none; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .saved { color: var(--mat-sys-primary); }
  `,
})
export class ProfilePageComponent {
  private readonly session = inject(AuthSession);
  private readonly api = inject(AuthApiService);
  private readonly i18n = inject(I18nService);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : null;
  });
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly profileBusy = signal(false);
  protected readonly profileSaved = signal(false);
  protected readonly profileError = signal<string | null>(null);
  protected readonly profile = new FormGroup({
    name: new FormControl(this.user()?.name ?? '', { nonNullable: true, validators: [Validators.required] }),
    mobile: new FormControl(this.user()?.mobile ?? '', { nonNullable: true, validators: [mobileValidator] }),
  });

  protected readonly passwordBusy = signal(false);
  protected readonly passwordSaved = signal(false);
  protected readonly passwordError = signal<string | null>(null);
  protected readonly password = new FormGroup(
    {
      currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)] }),
      confirmPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [passwordsMatchValidator] },
  );

  protected saveProfile(): void {
    this.profile.markAllAsTouched();
    if (this.profile.invalid || this.profileBusy()) return;
    this.profileBusy.set(true);
    this.profileSaved.set(false);
    this.profileError.set(null);
    const { name, mobile } = this.profile.getRawValue();
    this.api.updateProfile({ name: name.trim(), mobile: mobile.trim() || null }).subscribe({
      next: (user) => {
        this.session.setUser(user);
        this.profile.markAsPristine();
        this.profileSaved.set(true);
        this.profileBusy.set(false);
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        applyFieldErrors(this.profile, api.errors);
        this.profileError.set(api.message ?? this.i18n.t('common.networkError'));
        this.profileBusy.set(false);
      },
    });
  }

  protected changePassword(): void {
    this.password.markAllAsTouched();
    if (this.password.invalid || this.passwordBusy()) return;
    this.passwordBusy.set(true);
    this.passwordSaved.set(false);
    this.passwordError.set(null);
    const { currentPassword, newPassword } = this.password.getRawValue();
    this.api.changePassword(currentPassword, newPassword).subscribe({
      next: (tokens) => {
        // The old refresh token is gone with the other sessions: keep the new pair.
        this.session.setTokens(tokens);
        this.password.reset();
        this.passwordSaved.set(true);
        this.passwordBusy.set(false);
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        applyFieldErrors(this.password, api.errors);
        this.passwordError.set(api.message ?? this.i18n.t('common.networkError'));
        this.passwordBusy.set(false);
      },
    });
  }
}
