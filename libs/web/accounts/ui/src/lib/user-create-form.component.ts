import { ChangeDetectionStrategy, Component, effect, input, output, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CreateUserRequest, FieldError, InviteUserRequest, OrganizationSummary, PASSWORD_MIN_LENGTH, Role, ROLE_LABELS } from '@xkx/contracts';
import { OrganizationSearch, ROLE_ORGANIZATION_KINDS } from '@xkx/web/accounts/util';
import { applyFieldErrors, chosenValidator, FieldErrorPipe, mobileValidator } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { OrganizationAutocompleteComponent, OrganizationChoice } from './organization-autocomplete.component';

/**
 * An administrator creates an account (typically a broker) with an initial password to hand over, or, with
 * `invite`, without one: the invitee gets a mail with a set-password link.
 */
@Component({
  selector: 'xkx-user-create-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
    OrganizationAutocompleteComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="grid" data-testid="user-create-form" novalidate>
      <mat-form-field>
        <mat-label>{{ 'user.role' | t }}</mat-label>
        <mat-select formControlName="role" data-testid="create-role">
          @for (role of roleList; track role) {
            <mat-option [value]="role">{{ roleLabels[role] | localized }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'user.name' | t }}</mat-label>
        <input matInput formControlName="name" autocomplete="off" data-testid="create-name" />
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'user.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" data-testid="create-email" />
        <mat-error>{{ form.controls.email | fieldError }}</mat-error>
      </mat-form-field>
      @if (!invite()) {
      <mat-form-field>
        <mat-label>{{ 'user.initialPassword' | t }}</mat-label>
        <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="create-password" />
        <mat-hint>{{ 'auth.passwordHint' | t: { n: minLength } }}</mat-hint>
        <mat-error>{{ form.controls.password | fieldError }}</mat-error>
      </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ 'user.mobile' | t }}</mat-label>
        <input matInput formControlName="mobile" autocomplete="off" data-testid="create-mobile" />
        <mat-error>{{ form.controls.mobile | fieldError }}</mat-error>
      </mat-form-field>
      <xkx-organization-autocomplete
        class="wide"
        testId="create-organization"
        [control]="form.controls.organization"
        [options]="organizations()"
        [label]="'user.organization' | t"
        (lookup)="lookup.emit({ q: $event, kinds: kindsFor(form.controls.role.value) })"
      />
      <div class="actions wide">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="create-submit">{{ (invite() ? 'invite.send' : 'users.create') | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 4px 16px; }
    .wide { grid-column: 1 / -1; }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class UserCreateFormComponent {
  readonly organizations = input.required<readonly OrganizationSummary[]>();
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  /** Invitation: no password field; `invited` is emitted instead of `save`. */
  readonly invite = input(false);
  readonly lookup = output<OrganizationSearch>();
  readonly save = output<CreateUserRequest>();
  readonly invited = output<InviteUserRequest>();
  readonly cancelled = output();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleList = Object.values(Role);
  protected readonly form = new FormGroup({
    role: new FormControl<Role>(Role.BROKER, { nonNullable: true }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)] }),
    mobile: new FormControl('', { nonNullable: true, validators: [mobileValidator] }),
    organization: new FormControl<OrganizationChoice>(null, { validators: [chosenValidator] }),
  });

  constructor() {
    // A disabled control neither shows nor counts in the form's validity.
    effect(() => {
      const invite = this.invite();
      untracked(() => (invite ? this.form.controls.password.disable() : this.form.controls.password.enable()));
    });
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => applyFieldErrors(this.form, errors, { organizationId: 'organization' }));
    });
  }

  protected kindsFor(role: Role): readonly OrganizationSummary['kind'][] {
    return ROLE_ORGANIZATION_KINDS[role];
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    const { organization, mobile, password, ...rest } = this.form.getRawValue();
    if (this.form.invalid || !organization || typeof organization === 'string') return;
    const request = { ...rest, organizationId: organization.id, ...(mobile ? { mobile } : {}) };
    if (this.invite()) this.invited.emit(request);
    else this.save.emit({ ...request, password });
  }
}
