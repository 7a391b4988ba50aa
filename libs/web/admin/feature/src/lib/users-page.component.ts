import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { CreateUserRequest, FieldError, InviteUserRequest, Permission, Role, ROLE_LABELS, USER_STATUS_LABELS, UserStatus, UserSummary } from '@xkx/contracts';
import { OrganizationsApiService, UsersApiService } from '@xkx/web/accounts/data-access';
import { RoleChange, StatusChange, UserCreateFormComponent, UserTableComponent } from '@xkx/web/accounts/ui';
import { OrganizationSearch } from '@xkx/web/accounts/util';
import { AuthSession } from '@xkx/web/auth/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { catchError, debounceTime, Observable, of, Subject, switchMap } from 'rxjs';
import { FIRST_PAGE, pagingFrom } from './paging';

/** Brokers read; administrators also suspend, reactivate, change roles and create accounts. */
@Component({
  selector: 'xkx-users-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    LocalizedPipe,
    TranslatePipe,
    UserCreateFormComponent,
    UserTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.component.html',
  styleUrl: './admin-page.scss',
})
export class UsersPageComponent {
  private readonly usersApi = inject(UsersApiService);
  private readonly organizationsApi = inject(OrganizationsApiService);
  private readonly session = inject(AuthSession);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly organizationQueries = new Subject<OrganizationSearch>();

  protected readonly roles = Object.values(Role);
  protected readonly statuses = Object.values(UserStatus);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = USER_STATUS_LABELS;
  protected readonly canManage = computed(() => this.session.can(Permission.USER_MANAGE));
  protected readonly canVerify = computed(() => this.session.can(Permission.USER_VERIFY));
  protected readonly currentUserId = computed(() => this.session.user()?.id ?? null);

  protected readonly text = signal('');
  private readonly q = toSignal(toObservable(this.text).pipe(debounceTime(300)), { initialValue: '' });
  protected readonly role = signal<Role | null>(null);
  protected readonly status = signal<UserStatus | null>(null);
  protected readonly paging = signal(FIRST_PAGE);
  protected readonly users = this.usersApi.listResource(() => ({
    q: this.q(),
    role: this.role(),
    status: this.status(),
    ...this.paging(),
  }));
  protected readonly error = signal<string | null>(null);

  /** Which panel is open: a new account with a password, or an invitation by mail. */
  protected readonly creating = signal(false);
  protected readonly inviting = signal(false);
  protected readonly createBusy = signal(false);
  protected readonly createErrors = signal<FieldError[]>([]);
  protected readonly createMessage = signal<string | null>(null);
  protected readonly organizationOptions = toSignal(
    this.organizationQueries.pipe(
      debounceTime(200),
      switchMap(({ q, kinds }) => this.organizationsApi.search(q, kinds).pipe(catchError(() => of([])))),
    ),
    { initialValue: [] },
  );

  protected filter(change: () => void): void {
    change();
    this.paging.set(FIRST_PAGE);
  }

  protected onText(event: Event): void {
    this.filter(() => this.text.set((event.target as HTMLInputElement).value));
  }

  protected onPage(event: PageEvent): void {
    this.paging.set(pagingFrom(event));
  }

  protected searchOrganizations(search: OrganizationSearch): void {
    this.organizationQueries.next(search);
  }

  protected verify(user: UserSummary): void {
    this.act(this.usersApi.verify(user.id), this.i18n.t('queue.verified', { name: user.name }));
  }

  protected changeStatus({ user, status }: StatusChange): void {
    const done = status === UserStatus.SUSPENDED ? 'users.suspended' : 'users.reactivated';
    this.act(this.usersApi.changeStatus(user.id, status), this.i18n.t(done, { name: user.name }));
  }

  protected changeRole({ user, role }: RoleChange): void {
    this.act(this.usersApi.changeRole(user.id, role), this.i18n.t('users.roleChanged', { name: user.name, role: this.i18n.pick(ROLE_LABELS[role]) }));
  }

  protected create(request: CreateUserRequest): void {
    this.createBusy.set(true);
    this.createMessage.set(null);
    this.usersApi.create(request).subscribe({
      next: (user) => {
        this.snackBar.open(this.i18n.t('users.created', { name: user.name }), undefined, { duration: 4000 });
        this.createBusy.set(false);
        this.creating.set(false);
        this.users.reload();
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        this.createErrors.set(api.errors);
        this.createMessage.set(api.message ?? this.i18n.t('common.networkError'));
        this.createBusy.set(false);
      },
    });
  }

  protected openPanel(mode: 'create' | 'invite'): void {
    this.creating.set(mode === 'create');
    this.inviting.set(mode === 'invite');
    this.createErrors.set([]);
    this.createMessage.set(null);
  }

  protected invite(request: InviteUserRequest): void {
    this.createBusy.set(true);
    this.createMessage.set(null);
    this.usersApi.invite(request).subscribe({
      next: (user) => {
        this.snackBar.open(this.i18n.t('invite.sent', { email: user.email }), undefined, { duration: 6000 });
        this.createBusy.set(false);
        this.inviting.set(false);
        this.users.reload();
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        this.createErrors.set(api.errors);
        this.createMessage.set(api.message ?? this.i18n.t('common.networkError'));
        this.createBusy.set(false);
      },
    });
  }

  private act(call: Observable<UserSummary>, done: string): void {
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.snackBar.open(done, undefined, { duration: 4000 });
        this.users.reload();
      },
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError')),
    });
  }
}
