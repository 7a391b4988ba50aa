import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { I18nService, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { NotificationsBellComponent } from '@xkx/web/notifications';

interface NavLink {
  path: string;
  label: MessageKey;
  icon: string;
  permission: Permission;
  testId: string;
}

/** Back-office pages, each behind the permission its API calls need: the same words as the API's guards. */
const MANAGE_LINKS: readonly NavLink[] = [
  {
    path: WebPath.review,
    label: 'nav.review',
    icon: 'fact_check',
    permission: Permission.LISTING_REVIEW,
    testId: 'nav-review',
  },
  {
    path: WebPath.matching,
    label: 'nav.matching',
    icon: 'join_inner',
    permission: Permission.MATCH_BROKER,
    testId: 'nav-matching',
  },
  {
    path: WebPath.dealBoard,
    label: 'nav.dealBoard',
    icon: 'view_kanban',
    permission: Permission.DEAL_MANAGE,
    testId: 'nav-deal-board',
  },
  {
    path: WebPath.kpis,
    label: 'nav.kpis',
    icon: 'insights',
    permission: Permission.KPI_READ,
    testId: 'nav-kpis',
  },
  {
    path: WebPath.import,
    label: 'nav.import',
    icon: 'upload_file',
    permission: Permission.LISTING_IMPORT,
    testId: 'nav-import',
  },
  {
    path: WebPath.verification,
    label: 'nav.verification',
    icon: 'how_to_reg',
    permission: Permission.USER_VERIFY,
    testId: 'nav-verification',
  },
  {
    path: WebPath.users,
    label: 'nav.users',
    icon: 'group',
    permission: Permission.USER_READ,
    testId: 'nav-users',
  },
  {
    path: WebPath.organizations,
    label: 'nav.organizations',
    icon: 'account_balance',
    permission: Permission.ORGANIZATION_MANAGE,
    testId: 'nav-organizations',
  },
  {
    path: WebPath.auditLog,
    label: 'nav.auditLog',
    icon: 'policy',
    permission: Permission.AUDIT_READ,
    testId: 'nav-audit-log',
  },
  {
    path: WebPath.outbox,
    label: 'nav.outbox',
    icon: 'outbox',
    permission: Permission.OUTBOX_READ,
    testId: 'nav-outbox',
  },
  {
    path: WebPath.ndaVersions,
    label: 'nav.ndaVersions',
    icon: 'gavel',
    permission: Permission.TAXONOMY_MANAGE,
    testId: 'nav-nda-versions',
  },
];

/** The frame around every page: brand, navigation, language switch, account, footer. */
@Component({
  selector: 'xkx-shell',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
    NotificationsBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar" role="banner">
      <a class="brand" routerLink="/">
        <span class="logo" aria-hidden="true">霞</span>
        <span class="name">{{ 'app.name' | t }}</span>
        <span class="tagline">{{ 'app.tagline' | t }}</span>
      </a>
      <nav class="nav" aria-label="main">
        <a mat-button routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">{{
          'nav.home' | t
        }}</a>
        <a
          mat-button
          [routerLink]="['/', paths.results]"
          routerLinkActive="active"
          data-testid="nav-results"
          >{{ 'nav.results' | t }}</a
        >
        <a mat-button [routerLink]="['/', paths.needs]" routerLinkActive="active" data-testid="nav-needs">{{
          'nav.needs' | t
        }}</a>
        <a mat-button [routerLink]="['/', paths.notices]" routerLinkActive="active" data-testid="nav-notices">{{
          'nav.notices' | t
        }}</a>
        @if (session.signedIn()) {
          <a
            mat-button
            [routerLink]="['/', paths.workspace]"
            routerLinkActive="active"
            data-testid="nav-workspace"
            >{{ 'nav.workspace' | t }}</a
          >
        }
        @if (manageLinks().length) {
          <button mat-button type="button" [matMenuTriggerFor]="manage" data-testid="nav-manage">
            {{ 'nav.manage' | t }} <mat-icon iconPositionEnd>expand_more</mat-icon>
          </button>
          <mat-menu #manage="matMenu">
            @for (link of manageLinks(); track link.path) {
              <a mat-menu-item [routerLink]="'/' + link.path" [attr.data-testid]="link.testId">
                <mat-icon>{{ link.icon }}</mat-icon> {{ link.label | t }}
              </a>
            }
          </mat-menu>
        }
      </nav>
      <span class="spacer"></span>
      <button
        mat-stroked-button
        type="button"
        data-testid="language-switch"
        [attr.aria-label]="'nav.languageLabel' | t"
        (click)="i18n.toggle()"
      >
        <mat-icon>translate</mat-icon> {{ 'nav.language' | t }}
      </button>
      @if (session.user(); as user) {
        <xkx-notifications-bell />
        <button
          mat-button
          type="button"
          class="account"
          [matMenuTriggerFor]="account"
          data-testid="user-menu"
        >
          <mat-icon>account_circle</mat-icon> <span class="account-name">{{ user.name }}</span>
        </button>
        <mat-menu #account="matMenu">
          <a mat-menu-item [routerLink]="['/', paths.workspace]"
            ><mat-icon>dashboard</mat-icon> {{ 'nav.workspace' | t }}</a
          >
          @if (writesListings()) {
            <a mat-menu-item [routerLink]="'/' + paths.myListings" data-testid="nav-my-listings"
              ><mat-icon>inventory_2</mat-icon> {{ 'nav.myListings' | t }}</a
            >
          }
          @if (participates()) {
            <a mat-menu-item [routerLink]="'/' + paths.myDeals" data-testid="nav-my-deals"
              ><mat-icon>handshake</mat-icon> {{ 'nav.myDeals' | t }}</a
            >
          }
          <a mat-menu-item [routerLink]="['/', paths.profile]" data-testid="nav-profile"
            ><mat-icon>manage_accounts</mat-icon> {{ 'nav.profile' | t }}</a
          >
          <button mat-menu-item type="button" data-testid="sign-out" (click)="signOut()">
            <mat-icon>logout</mat-icon> {{ 'nav.signOut' | t }}
          </button>
        </mat-menu>
      } @else {
        <a mat-button [routerLink]="['/', paths.signIn]" data-testid="nav-sign-in">{{ 'nav.signIn' | t }}</a>
        <a mat-flat-button [routerLink]="['/', paths.register]" data-testid="nav-register">{{
          'nav.register' | t
        }}</a>
      }
    </mat-toolbar>
    <main><router-outlet /></main>
    <footer>
      {{ 'footer.text' | t }} ·
      <a [routerLink]="['/', paths.notices]" data-testid="footer-notices">{{ 'nav.notices' | t }}</a>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .bar {
      gap: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      text-decoration: none;
      color: inherit;
    }
    .logo {
      display: inline-grid;
      place-items: center;
      width: 36px;
      height: 36px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
    }
    .name {
      font-weight: 700;
    }
    .tagline {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .spacer {
      flex: 1;
    }
    .active {
      background: var(--mat-sys-secondary-container);
    }
    .account-name {
      max-width: 10em;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    main {
      flex: 1;
    }
    footer {
      padding: 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    @media (max-width: 960px) {
      .tagline {
        display: none;
      }
    }
    @media (max-width: 600px) {
      .account-name {
        display: none;
      }
    }
  `,
})
export class ShellComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(AuthSession);
  protected readonly paths = WebPath;
  protected readonly manageLinks = computed(() =>
    MANAGE_LINKS.filter((link) => this.session.can(link.permission)),
  );
  protected readonly writesListings = computed(
    () => this.session.can(Permission.RESULT_WRITE) || this.session.can(Permission.NEED_WRITE),
  );

  protected readonly participates = computed(() => this.session.can(Permission.DEAL_PARTICIPATE));

  protected signOut(): void {
    this.session.signOut().subscribe();
  }
}
