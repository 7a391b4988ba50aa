import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, PASSWORD_MIN_LENGTH, RegisterRequest, Role } from '@xkx/contracts';
import { OrganizationsApiService } from '@xkx/web/accounts/data-access';
import { OrganizationAutocompleteComponent, OrganizationChoice } from '@xkx/web/accounts/ui';
import { ROLE_ORGANIZATION_KINDS } from '@xkx/web/accounts/util';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import {
  applyFieldErrors,
  chosenValidator,
  creditCodeValidator,
  FieldErrorPipe,
  mobileValidator,
  toApiError,
} from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { catchError, debounceTime, distinctUntilChanged, of, Subject, switchMap } from 'rxjs';
import { PasswordStrengthComponent } from './password-strength.component';

type RegisterRole = RegisterRequest['role'];

/**
 * Two flows in one form: researchers choose their university or institute; enterprise staff give
 * their 统一社会信用代码 and, when no enterprise has it yet, the company name (the API tells us which).
 */
@Component({
  selector: 'xkx-register-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    TranslatePipe,
    OrganizationAutocompleteComponent,
    PasswordStrengthComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-page.component.html',
  styleUrl: './auth-page.scss',
  styles: `
    .roles { margin: 0 0 20px; width: 100%; }
    .roles mat-button-toggle { flex: 1; }
  `,
})
export class RegisterPageComponent {
  private readonly session = inject(AuthSession);
  private readonly organizations = inject(OrganizationsApiService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly queries = new Subject<string>();

  protected readonly paths = WebPath;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly role = signal<RegisterRole>(Role.RESEARCHER);
  /** Shown once the API says no enterprise has the credit code yet. */
  protected readonly needsEnterpriseName = signal(false);
  protected readonly institutions = toSignal(
    this.queries.pipe(
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((q) => this.organizations.search(q, ROLE_ORGANIZATION_KINDS.RESEARCHER).pipe(catchError(() => of([])))),
    ),
    { initialValue: [] },
  );

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
    mobile: new FormControl('', { nonNullable: true, validators: [mobileValidator] }),
    organization: new FormControl<OrganizationChoice>(null, { validators: [chosenValidator] }),
    enterprise: new FormGroup({
      creditCode: new FormControl('', { nonNullable: true, validators: [Validators.required, creditCodeValidator] }),
      nameZh: new FormControl('', { nonNullable: true }),
      address: new FormControl('', { nonNullable: true }),
    }),
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly passwordValue = computed(() => this.values().password ?? '');
  protected readonly personalInputs = computed(() => [this.values().email ?? '', this.values().name ?? '']);

  constructor() {
    this.chooseRole(Role.RESEARCHER);
  }

  protected search(q: string): void {
    this.queries.next(q.trim());
  }

  /** The other flow's fields are disabled, so they neither validate nor get sent. */
  protected chooseRole(role: RegisterRole): void {
    this.role.set(role);
    this.error.set(null);
    const { organization, enterprise } = this.form.controls;
    if (role === Role.RESEARCHER) {
      organization.enable();
      enterprise.disable();
    } else {
      organization.disable();
      enterprise.enable();
    }
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.session.register(this.request()).subscribe({
      next: () => void this.router.navigate(['/', WebPath.workspace]),
      error: (error: unknown) => {
        const api = toApiError(error);
        if (api.code === ErrorCode.INVALID_CREDENTIALS) {
          // Registered, but these credentials do not sign in: the e-mail had an account, and its owner got a mail.
          this.error.set(this.i18n.t('auth.registerReceived'));
          this.busy.set(false);
          return;
        }
        if (api.code === ErrorCode.ENTERPRISE_NAME_REQUIRED) this.needsEnterpriseName.set(true);
        applyFieldErrors(this.form, api.errors, { organizationId: 'organization' });
        this.error.set(api.message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }

  private request(): RegisterRequest {
    const value = this.form.getRawValue();
    const base = {
      email: value.email.trim(),
      password: value.password,
      name: value.name.trim(),
      ...(value.mobile.trim() ? { mobile: value.mobile.trim() } : {}),
    };
    if (this.role() === Role.RESEARCHER) {
      const organization = value.organization;
      return { ...base, role: Role.RESEARCHER, organizationId: typeof organization === 'object' && organization ? organization.id : undefined };
    }
    const { creditCode, nameZh, address } = value.enterprise;
    return {
      ...base,
      role: Role.ENTERPRISE,
      enterprise: {
        creditCode: creditCode.trim().toUpperCase(),
        ...(nameZh.trim() ? { nameZh: nameZh.trim() } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
      },
    };
  }
}
