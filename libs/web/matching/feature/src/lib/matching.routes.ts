import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';

/** Mounted at /manage/matching (brokers). */
export const MATCHING_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.MATCH_BROKER)],
    title: 'title.matching',
    loadComponent: () => import('./workbench-page.component').then((m) => m.WorkbenchPageComponent),
  },
];
