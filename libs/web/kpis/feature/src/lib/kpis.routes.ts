import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { AuthSession, permissionGuard, WebPath } from '@xkx/web/auth/data-access';
import { provideKpiCharts } from '@xkx/web/kpis/ui';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { institutionOf } from '@xkx/web/kpis/util';
import { map } from 'rxjs';

/** A university's or institute's own account gets its institution's dashboard (by its credit code), not the district's. */
const ownInstitution: CanActivateFn = () => {
  const org = inject(AuthSession).user()?.organization;
  const id = institutionOf(org, []);
  if (!id) return true;
  const router = inject(Router);
  return inject(KpisApiService)
    .institutionKey(id)
    .pipe(map((key) => router.createUrlTree([`/${WebPath.kpis}`, 'institution', key])));
};

const dashboard = () => import('./kpi-dashboard-page.component').then((m) => m.KpiDashboardPageComponent);

/** Mounted at /manage/kpis (kpi:read: brokers and admins; the targets page kpi:manage). ECharts is provided here, so it stays in the lazy chunks. */
export const KPI_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.KPI_READ)],
    providers: [provideKpiCharts()],
    children: [
      { path: '', pathMatch: 'full', canActivate: [ownInstitution], title: 'title.kpis', data: { scope: 'district' }, loadComponent: dashboard },
      // :id is the credit code; an old /institution/<uuid> still opens and shows the code instead.
      { path: 'institution/:id', title: 'title.kpiInstitution', data: { scope: 'institution' }, loadComponent: dashboard },
      { path: 'me', title: 'title.kpiMine', data: { scope: 'broker' }, loadComponent: dashboard },
      {
        path: 'subsidies',
        title: 'title.kpiSubsidies',
        loadComponent: () => import('./kpi-subsidies-page.component').then((m) => m.KpiSubsidiesPageComponent),
      },
      {
        path: 'rnd-spending',
        title: 'title.kpiRnd',
        loadComponent: () => import('./kpi-rnd-spending-page.component').then((m) => m.KpiRndSpendingPageComponent),
      },
      {
        path: 'targets',
        canActivate: [permissionGuard(Permission.KPI_MANAGE)],
        title: 'title.kpiTargets',
        loadComponent: () => import('./kpi-targets-page.component').then((m) => m.KpiTargetsPageComponent),
      },
    ],
  },
];
