import { Routes } from '@angular/router';

/** Every feature is a lazy route; paths stay readable (/results/…, /needs/…). */
export const APP_ROUTES: Routes = [
  { path: '', loadChildren: () => import('@xkx/web/home').then((m) => m.HOME_ROUTES) },
  { path: '**', redirectTo: '' },
];
