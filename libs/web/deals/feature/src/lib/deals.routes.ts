import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';

/** Mounted at /manage/deals (brokers). */
export const DEAL_BOARD_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.DEAL_MANAGE)],
    title: 'title.dealBoard',
    loadComponent: () => import('./board-page.component').then((m) => m.BoardPageComponent),
  },
];

/** Mounted at /deals: one deal, for its parties and brokers (the API decides who may read it). */
export const DEAL_ROUTES: Routes = [
  {
    path: ':id',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.deal',
    loadComponent: () => import('./deal-page.component').then((m) => m.DealPageComponent),
  },
  { path: '', pathMatch: 'full', redirectTo: '/workspace/deals' },
];

/** Mounted at /workspace/deals: introductions to answer and the caller's deals. */
export const MY_DEALS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.myDeals',
    loadComponent: () => import('./my-deals-page.component').then((m) => m.MyDealsPageComponent),
  },
];
