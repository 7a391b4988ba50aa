import { Routes } from '@angular/router';
import { WebPath } from '@xkx/web/auth/data-access';

/** Every feature is a lazy route; paths stay readable (/results/…, /needs/…). */
export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('@xkx/web/home').then((m) => m.HOME_ROUTES) },
  // /sign-in, /register, /forgot-password, /reset-password, /profile
  { path: '', loadChildren: () => import('@xkx/web/auth').then((m) => m.AUTH_ROUTES) },
  { path: WebPath.workspace, loadChildren: () => import('@xkx/web/workspace').then((m) => m.WORKSPACE_ROUTES) },
  { path: WebPath.manage, loadChildren: () => import('@xkx/web/admin').then((m) => m.ADMIN_ROUTES) },
  { path: '**', redirectTo: '' },
];
