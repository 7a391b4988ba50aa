import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { institutionKey, institutionOf } from '@xkx/web/kpis/util';

/** The KPI pages: the district, the caller's institution (if any), his own performance, subsidies, R&D spending, and the targets for admins. */
@Component({
  selector: 'xkx-kpi-tabs',
  imports: [RouterLink, RouterLinkActive, MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" [attr.aria-label]="'kpi.views' | t">
      @if (!ownIsInstitution()) {
        <a
          mat-button
          [routerLink]="base"
          routerLinkActive="active"
          [routerLinkActiveOptions]="{ exact: true }"
          ariaCurrentWhenActive="page"
          data-testid="kpi-tab-district"
        >
          <mat-icon>insights</mat-icon> {{ 'kpi.tabDistrict' | t }}
        </a>
      }
      @if (institutionKey(); as key) {
        <a
          mat-button
          [routerLink]="[base, 'institution', key]"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          data-testid="kpi-tab-institution"
        >
          <mat-icon>school</mat-icon> {{ 'kpi.tabInstitution' | t }}
        </a>
      }
      <a
        mat-button
        [routerLink]="[base, 'me']"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        data-testid="kpi-tab-mine"
      >
        <mat-icon>person</mat-icon> {{ 'kpi.tabMine' | t }}
      </a>
      <a
        mat-button
        [routerLink]="[base, 'subsidies']"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        data-testid="kpi-tab-subsidies"
      >
        <mat-icon>savings</mat-icon> {{ 'kpi.tabSubsidies' | t }}
      </a>
      <a
        mat-button
        [routerLink]="[base, 'rnd-spending']"
        routerLinkActive="active"
        ariaCurrentWhenActive="page"
        data-testid="kpi-tab-rnd"
      >
        <mat-icon>science</mat-icon> {{ 'kpi.tabRnd' | t }}
      </a>
      @if (canManage()) {
        <a
          mat-button
          [routerLink]="[base, 'targets']"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          data-testid="kpi-tab-targets"
        >
          <mat-icon>flag</mat-icon> {{ 'kpi.tabTargets' | t }}
        </a>
      }
    </nav>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-bottom: 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding-bottom: 8px;
    }
    .active {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class KpiTabsComponent {
  private readonly session = inject(AuthSession);
  private readonly institutions = inject(KpisApiService).institutionsResource();
  protected readonly base = `/${WebPath.kpis}`;
  /** Setting the targets is kpi:manage (admins); the page's guard says the same. */
  protected readonly canManage = computed(() => this.session.can(Permission.KPI_MANAGE));
  /** The caller's institution as the address names it: its credit code (issue 17), its id if it has none. */
  protected readonly institutionKey = computed(() => {
    const items = (this.institutions.hasValue() ? this.institutions.value() : undefined)?.items ?? [];
    return institutionKey(institutionOf(this.session.user()?.organization, items), items);
  });
  /** A university's or institute's own account sees its institution, not the district. */
  protected readonly ownIsInstitution = computed(() => {
    const org = this.session.user()?.organization;
    return !!org && institutionOf(org, []) === org.id;
  });
}
