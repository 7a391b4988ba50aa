import { Routes } from '@angular/router';

/** Mounted at /carriers: the public directory of innovation carriers (科创载体, issue 16) and one carrier; no sign-in. */
export const CARRIER_ROUTES: Routes = [
  { path: '', title: 'title.carriers', loadComponent: () => import('./carriers-page.component').then((m) => m.CarriersPageComponent) },
  { path: ':id', title: 'title.carrier', loadComponent: () => import('./carrier-page.component').then((m) => m.CarrierPageComponent) },
];
