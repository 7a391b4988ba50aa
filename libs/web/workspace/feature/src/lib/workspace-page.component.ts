import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ListingDetail, LocalizedText, ORGANIZATION_KIND_LABELS, Permission, Role, ROLE_LABELS } from '@xkx/contracts';
import { UserStatusComponent } from '@xkx/web/accounts/ui';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { ListingsApiService } from '@xkx/web/listings/data-access';
import { MyListingListComponent } from '@xkx/web/listings/ui';
import { WorkspaceRndCardComponent } from './workspace-rnd-card.component';
import { WorkspaceTodoComponent } from './workspace-todo.component';

interface Shortcut {
  path: string;
  icon: string;
  label: MessageKey;
  testId: string;
}

/** Where a signed-in user lands: who they are, what waits for them, and what their permissions open. */
@Component({
  selector: 'xkx-workspace-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, LocalizedPipe, TranslatePipe, UserStatusComponent, MyListingListComponent, WorkspaceRndCardComponent, WorkspaceTodoComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workspace-page.component.html',
  styleUrl: './workspace-page.component.scss',
})
export class WorkspacePageComponent {
  private readonly session = inject(AuthSession);
  protected readonly user = this.session.user;
  protected readonly pending = this.session.pending;
  protected readonly roleLabels = ROLE_LABELS;
  // CurrentUser.organization.kind is a plain string in the contracts, hence the looser index.
  protected readonly kindLabels: Partial<Record<string, LocalizedText>> = ORGANIZATION_KIND_LABELS;
  protected readonly paths = WebPath;
  protected readonly writesResults = computed(() => this.session.can(Permission.RESULT_WRITE));
  protected readonly writesNeeds = computed(() => this.session.can(Permission.NEED_WRITE));
  /** An enterprise reports its own R&D spending; the card shows itself only if it is key monitored. */
  protected readonly reportsRnd = computed(() => this.user()?.role === Role.ENTERPRISE && this.session.can(Permission.RND_SPENDING_WRITE));
  private readonly listingsApi = inject(ListingsApiService);
  /** The latest few of each kind; the full list with its actions is on /workspace/listings. */
  protected readonly results = this.listingsApi.mineResource(() => (this.writesResults() ? 'results' : undefined));
  protected readonly needs = this.listingsApi.mineResource(() => (this.writesNeeds() ? 'needs' : undefined));
  protected recent(listings: ListingDetail[] | undefined): ListingDetail[] {
    return [...(listings ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5);
  }

  protected readonly shortcuts = computed<Shortcut[]>(() => {
    const all: (Shortcut & { permission: Permission })[] = [
      { path: WebPath.verification, icon: 'how_to_reg', label: 'nav.verification', testId: 'shortcut-verification', permission: Permission.USER_VERIFY },
      { path: WebPath.users, icon: 'group', label: 'nav.users', testId: 'shortcut-users', permission: Permission.USER_READ },
      { path: WebPath.organizations, icon: 'account_balance', label: 'nav.organizations', testId: 'shortcut-organizations', permission: Permission.ORGANIZATION_MANAGE },
      { path: WebPath.auditLog, icon: 'policy', label: 'nav.auditLog', testId: 'shortcut-audit', permission: Permission.AUDIT_READ },
      { path: WebPath.outbox, icon: 'outbox', label: 'nav.outbox', testId: 'shortcut-outbox', permission: Permission.OUTBOX_READ },
      { path: WebPath.profile, icon: 'manage_accounts', label: 'nav.profile', testId: 'shortcut-profile', permission: Permission.PROFILE_MANAGE },
    ];
    return all.filter((s) => this.session.can(s.permission));
  });
}
