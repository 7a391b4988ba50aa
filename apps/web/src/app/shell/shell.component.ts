import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { Permission, TodoSectionKey } from '@xkx/contracts';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { I18nService, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { NotificationsBellComponent } from '@xkx/web/notifications';
import { TodoStore } from '@xkx/web/notifications/data-access';

interface NavLink {
  path: string;
  label: MessageKey;
  icon: string;
  permission: Permission;
  testId: string;
  /** To-do sections whose count the link shows (issue 17). */
  todo?: readonly TodoSectionKey[];
}

/** Back-office pages, each behind the permission its API calls need: the same words as the API's guards. */
const MANAGE_LINKS: readonly NavLink[] = [
  {
    path: WebPath.review,
    label: 'nav.review',
    icon: 'fact_check',
    permission: Permission.LISTING_REVIEW,
    testId: 'nav-review',
    todo: ['LISTINGS_TO_REVIEW'],
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
    todo: ['OVERDUE_ACTIONS', 'TODAY_ACTIONS'],
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
    todo: ['ACCOUNTS_TO_VERIFY'],
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
    path: WebPath.jobs,
    label: 'nav.jobs',
    icon: 'pending_actions',
    permission: Permission.JOB_MANAGE,
    testId: 'nav-jobs',
  },
  {
    path: WebPath.ndaVersions,
    label: 'nav.ndaVersions',
    icon: 'gavel',
    permission: Permission.TAXONOMY_MANAGE,
    testId: 'nav-nda-versions',
  },
  {
    path: WebPath.fields,
    label: 'nav.fields',
    icon: 'account_tree',
    permission: Permission.TAXONOMY_MANAGE,
    testId: 'nav-fields',
  },
  {
    path: WebPath.synonyms,
    label: 'nav.synonyms',
    icon: 'join_full',
    permission: Permission.TAXONOMY_MANAGE,
    testId: 'nav-synonyms',
  },
];

/** Below this width the navigation moves into a drawer behind a menu button (phones, small tablets). */
export const COMPACT_SHELL_QUERY = '(max-width: 959.98px)';

/**
 * The frame around every page: brand, navigation, language switch, account, footer.
 * On a narrow screen the toolbar keeps the menu button, the brand, the bell and the account menu (or
 * sign-in and register); everything else is in a drawer. The drawer container does not clip, so the
 * document scrolls as before and a page wider than the screen shows up as a document that is too wide.
 */
@Component({
  selector: 'xkx-shell',
  imports: [
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
    NotificationsBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-sidenav-container class="frame" [class.compact]="compact()">
      <mat-sidenav
        #drawer
        mode="over"
        [fixedInViewport]="true"
        class="drawer"
        data-testid="nav-drawer"
        [attr.aria-label]="'phone.menu' | t"
      >
        @if (compact()) {
          <div class="drawer-head">
            <span class="logo" aria-hidden="true">霞</span>
            <span class="name">{{ 'app.name' | t }}</span>
            <span class="spacer"></span>
            <button
              mat-icon-button
              type="button"
              data-testid="nav-menu-close"
              [attr.aria-label]="'phone.closeMenu' | t"
              (click)="drawer.close()"
            >
              <mat-icon>close</mat-icon>
            </button>
          </div>
          <mat-nav-list aria-label="main">
            <a
              mat-list-item
              routerLink="/"
              routerLinkActive="active"
              [routerLinkActiveOptions]="{ exact: true }"
              ><mat-icon matListItemIcon>home</mat-icon><span matListItemTitle>{{ 'nav.home' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.results]" routerLinkActive="active" data-testid="nav-results"
              ><mat-icon matListItemIcon>science</mat-icon
              ><span matListItemTitle>{{ 'nav.results' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.needs]" routerLinkActive="active" data-testid="nav-needs"
              ><mat-icon matListItemIcon>lightbulb</mat-icon><span matListItemTitle>{{ 'nav.needs' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.experts]" routerLinkActive="active" data-testid="nav-experts"
              ><mat-icon matListItemIcon>school</mat-icon><span matListItemTitle>{{ 'people.experts' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.carriers]" routerLinkActive="active" data-testid="nav-carriers"
              ><mat-icon matListItemIcon>apartment</mat-icon><span matListItemTitle>{{ 'carrier.title' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.instruments]" routerLinkActive="active" data-testid="nav-instruments"
              ><mat-icon matListItemIcon>biotech</mat-icon><span matListItemTitle>{{ 'title.instruments' | t }}</span></a
            >
            <a mat-list-item [routerLink]="['/', paths.notices]" routerLinkActive="active" data-testid="nav-notices"
              ><mat-icon matListItemIcon>campaign</mat-icon><span matListItemTitle>{{ 'nav.notices' | t }}</span></a
            >
            @if (session.signedIn()) {
              <a
                mat-list-item
                [routerLink]="['/', paths.workspace]"
                routerLinkActive="active"
                [routerLinkActiveOptions]="{ exact: true }"
                data-testid="nav-workspace"
                ><mat-icon matListItemIcon>dashboard</mat-icon
                ><span matListItemTitle
                  >{{ 'nav.workspace' | t }}
                  @if (todo.total()) {
                    <span class="count" data-testid="nav-workspace-count">{{ todo.total() }}</span>
                  }</span
                ></a
              >
            } @else {
              <a mat-list-item [routerLink]="['/', paths.register]" data-testid="nav-drawer-register"
                ><mat-icon matListItemIcon>person_add</mat-icon
                ><span matListItemTitle>{{ 'nav.register' | t }}</span></a
              >
            }
            @if (manageLinks().length) {
              <h3 matSubheader data-testid="nav-manage">{{ 'nav.manage' | t }}</h3>
              @for (link of manageLinks(); track link.path) {
                <a mat-list-item [routerLink]="'/' + link.path" routerLinkActive="active" [attr.data-testid]="link.testId"
                  ><mat-icon matListItemIcon>{{ link.icon }}</mat-icon
                  ><span matListItemTitle
                    >{{ link.label | t }}
                    @if (countOf(link); as n) {
                      <span class="count" [attr.data-testid]="link.testId + '-count'">{{ n }}</span>
                    }</span
                  ></a
                >
              }
            }
            <mat-divider />
            <button
              mat-list-item
              type="button"
              data-testid="language-switch"
              [attr.aria-label]="'nav.languageLabel' | t"
              (click)="i18n.toggle()"
            >
              <mat-icon matListItemIcon>translate</mat-icon><span matListItemTitle>{{ 'nav.language' | t }}</span>
            </button>
          </mat-nav-list>
        }
      </mat-sidenav>
      <mat-sidenav-content class="page">
        <mat-toolbar class="bar" role="banner">
          @if (compact()) {
            <button
              mat-icon-button
              type="button"
              class="menu-button"
              data-testid="nav-menu"
              [attr.aria-label]="'phone.openMenu' | t"
              [attr.aria-expanded]="drawer.opened"
              (click)="drawer.open()"
            >
              <mat-icon>menu</mat-icon>
            </button>
          }
          <a class="brand" routerLink="/">
            <span class="logo" aria-hidden="true">霞</span>
            <span class="name">{{ 'app.name' | t }}</span>
            <span class="tagline">{{ 'app.tagline' | t }}</span>
          </a>
          @if (!compact()) {
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
              <a mat-button [routerLink]="['/', paths.experts]" routerLinkActive="active" data-testid="nav-experts">{{
                'people.experts' | t
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
                  [attr.aria-label]="todo.total() ? ('nav.workspace' | t) + ' · ' + ('todo.navCount' | t: { n: todo.total() }) : null"
                  >{{ 'nav.workspace' | t }}
                  @if (todo.total()) {
                    <span class="count" data-testid="nav-workspace-count">{{ todo.total() }}</span>
                  }</a
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
                      @if (countOf(link); as n) {
                        <span class="count" [attr.data-testid]="link.testId + '-count'">{{ n }}</span>
                      }
                    </a>
                  }
                </mat-menu>
              }
            </nav>
          }
          <span class="spacer"></span>
          @if (!compact()) {
            <button
              mat-stroked-button
              type="button"
              data-testid="language-switch"
              [attr.aria-label]="'nav.languageLabel' | t"
              (click)="i18n.toggle()"
            >
              <mat-icon>translate</mat-icon> {{ 'nav.language' | t }}
            </button>
          }
          @if (session.user(); as user) {
            <xkx-notifications-bell />
            <button
              mat-button
              type="button"
              class="account"
              [matMenuTriggerFor]="account"
              data-testid="user-menu"
              [attr.aria-label]="compact() ? ('phone.account' | t) + ' ' + user.name : null"
            >
              <mat-icon>account_circle</mat-icon> <span class="account-name">{{ user.name }}</span>
            </button>
            <mat-menu #account="matMenu" xPosition="before">
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
            <a mat-flat-button [routerLink]="['/', paths.register]" class="register" data-testid="nav-register">{{
              'nav.register' | t
            }}</a>
          }
        </mat-toolbar>
        <main><router-outlet /></main>
        <footer>
          {{ 'footer.text' | t }} ·
          <a [routerLink]="['/', paths.notices]" data-testid="footer-notices">{{ 'nav.notices' | t }}</a>
        </footer>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host {
      display: block;
    }
    /* The document scrolls, not the drawer container: nothing is clipped, and sticky toolbars still work. */
    .frame,
    .page {
      overflow: visible;
    }
    .page {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      min-width: 0;
    }
    .bar {
      gap: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .compact .bar {
      gap: 4px;
      padding: 0 8px 0 4px;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      text-decoration: none;
      color: inherit;
      min-width: 0;
    }
    .logo {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 36px;
      height: 36px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
    }
    .name {
      font-weight: 700;
      white-space: nowrap;
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
    .count {
      display: inline-grid;
      place-items: center;
      min-width: 20px;
      height: 20px;
      padding: 0 6px;
      margin-left: 4px;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      vertical-align: middle;
    }
    .account-name {
      max-width: 10em;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .compact .account {
      min-width: 0;
      padding: 0 8px;
    }
    .compact .account .mat-icon {
      margin: 0;
    }
    .compact .account-name,
    .compact .tagline {
      display: none;
    }
    .drawer {
      width: min(300px, 85vw);
    }
    .drawer-head {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 12px 8px 4px 16px;
    }
    main {
      flex: 1;
      min-width: 0;
    }
    footer {
      padding: 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    @media (max-width: 1200px) {
      .tagline {
        display: none;
      }
    }
    @media (max-width: 400px) {
      .compact .bar .name {
        display: none;
      }
    }
  `,
})
export class ShellComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(AuthSession);
  protected readonly paths = WebPath;
  private readonly drawer = viewChild.required<MatSidenav>('drawer');

  /** True below the breakpoint: the navigation lives in the drawer. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_SHELL_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly manageLinks = computed(() =>
    MANAGE_LINKS.filter((link) => this.session.can(link.permission)),
  );
  protected readonly writesListings = computed(
    () => this.session.can(Permission.RESULT_WRITE) || this.session.can(Permission.NEED_WRITE),
  );

  protected readonly participates = computed(() => this.session.can(Permission.DEAL_PARTICIPATE));
  /** The to-do list's counts on the menu; refreshed on every navigation. */
  protected readonly todo = inject(TodoStore);

  constructor() {
    // A link followed from the drawer closes it; so does growing past the breakpoint.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        void this.drawer().close();
        this.todo.reload();
      });
    effect(() => {
      if (!this.compact()) void this.drawer().close();
    });
  }

  protected countOf(link: NavLink): number {
    return link.todo ? this.todo.count(link.todo) : 0;
  }

  protected signOut(): void {
    this.session.signOut().subscribe();
  }
}
