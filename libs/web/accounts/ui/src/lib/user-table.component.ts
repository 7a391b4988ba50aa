import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { Role, ROLE_LABELS, UserStatus, UserSummary } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { UserStatusComponent } from './user-status.component';

export interface StatusChange {
  user: UserSummary;
  status: Exclude<UserStatus, 'PENDING'>;
}

export interface RoleChange {
  user: UserSummary;
  role: Role;
}

/** Accounts with the actions the viewer's permissions allow; one's own account has none. */
@Component({
  selector: 'xkx-user-table',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatMenuModule, MatTableModule, LocalizedPipe, TranslatePipe, UserStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table class="xkx-cards" [dataSource]="users()" data-testid="user-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'user.name' | t }}</th>
        <td mat-cell [attr.data-label]="'user.name' | t" *matCellDef="let user">
          <div>{{ user.name }}</div>
          <div class="muted">{{ user.email }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="role">
        <th mat-header-cell *matHeaderCellDef>{{ 'user.role' | t }}</th>
        <td mat-cell [attr.data-label]="'user.role' | t" *matCellDef="let user">{{ roleLabels[row(user).role] | localized }}</td>
      </ng-container>
      <ng-container matColumnDef="organization">
        <th mat-header-cell *matHeaderCellDef>{{ 'user.organization' | t }}</th>
        <td mat-cell [attr.data-label]="'user.organization' | t" *matCellDef="let user">{{ row(user).organization?.nameZh ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'user.status' | t }}</th>
        <td mat-cell [attr.data-label]="'user.status' | t" *matCellDef="let user"><xkx-user-status [status]="row(user).status" /></td>
      </ng-container>
      <ng-container matColumnDef="createdAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'user.registeredAt' | t }}</th>
        <td mat-cell [attr.data-label]="'user.registeredAt' | t" *matCellDef="let user">{{ row(user).createdAt | date: 'yyyy-MM-dd' }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
        <td mat-cell class="card-actions" *matCellDef="let user">
          @let u = row(user);
          @if (u.id !== currentUserId() && (canManage() || (canVerify() && u.status === 'PENDING'))) {
            <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="'common.actions' | t" data-testid="user-actions">
              <mat-icon>more_vert</mat-icon>
            </button>
            <mat-menu #menu="matMenu">
              @if (canVerify() && u.status === 'PENDING') {
                <button mat-menu-item type="button" data-testid="action-verify" (click)="verify.emit(u)">
                  <mat-icon>verified</mat-icon> {{ 'queue.verify' | t }}
                </button>
              }
              @if (canManage()) {
                @if (u.status === 'SUSPENDED') {
                  <button mat-menu-item type="button" data-testid="action-reactivate" (click)="statusChange.emit({ user: u, status: 'ACTIVE' })">
                    <mat-icon>lock_open</mat-icon> {{ 'users.reactivate' | t }}
                  </button>
                } @else {
                  <button mat-menu-item type="button" data-testid="action-suspend" (click)="statusChange.emit({ user: u, status: 'SUSPENDED' })">
                    <mat-icon>block</mat-icon> {{ 'users.suspend' | t }}
                  </button>
                }
                <button mat-menu-item type="button" [matMenuTriggerFor]="roles" data-testid="action-role">
                  <mat-icon>badge</mat-icon> {{ 'users.changeRole' | t }}
                </button>
                <mat-menu #roles="matMenu">
                  @for (role of roleList; track role) {
                    <button mat-menu-item type="button" [disabled]="role === u.role" [attr.data-testid]="'role-' + role" (click)="roleChange.emit({ user: u, role })">
                      {{ roleLabels[role] | localized }}
                    </button>
                  }
                </mat-menu>
              }
            </mat-menu>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let user; columns: columns" [attr.data-email]="row(user).email"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell empty" [attr.colspan]="columns.length">{{ 'common.noResults' | t }}</td>
      </tr>
    </table>
  `,
  styles: `
    /* A container: below 600 px of its own width the table becomes cards (styles.scss, table.xkx-cards). */
    :host { display: block; container-type: inline-size; }
    table { width: 100%; }
    .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .empty { padding: 16px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class UserTableComponent {
  readonly users = input.required<readonly UserSummary[]>();
  readonly canVerify = input(false);
  readonly canManage = input(false);
  readonly currentUserId = input<string | null>(null);
  readonly verify = output<UserSummary>();
  readonly statusChange = output<StatusChange>();
  readonly roleChange = output<RoleChange>();

  protected readonly columns = ['name', 'role', 'organization', 'status', 'createdAt', 'actions'];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleList = Object.values(Role);
  /** Material's row context is untyped; this restores the type for the template checker. */
  protected readonly row = (user: UserSummary): UserSummary => user;
}
