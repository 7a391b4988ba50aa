import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';

/**
 * Mounted at /print: documents for paper and PDF (A4, print stylesheet). The API decides who may read
 * each one, as it does for the pages they come from; the 公示 notice is public like the portal.
 */
export const PRINT_ROUTES: Routes = [
  {
    path: 'deals/:id',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.printDeal',
    loadComponent: () => import('./deal-print.component').then((m) => m.DealPrintComponent),
  },
  {
    path: 'deals/:id/nda',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.printNda',
    loadComponent: () => import('./nda-print.component').then((m) => m.NdaPrintComponent),
  },
  {
    path: 'contracts/:id',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.printContract',
    loadComponent: () => import('./contract-print.component').then((m) => m.ContractPrintComponent),
  },
  {
    path: 'contracts/:id/registration',
    canActivate: [permissionGuard(Permission.DEAL_PARTICIPATE)],
    title: 'title.printRegistration',
    loadComponent: () => import('./registration-print.component').then((m) => m.RegistrationPrintComponent),
  },
  {
    path: 'notices/:id',
    title: 'title.printNotice',
    loadComponent: () => import('./notice-print.component').then((m) => m.NoticePrintComponent),
  },
  { path: '', pathMatch: 'full', redirectTo: '/' },
];
