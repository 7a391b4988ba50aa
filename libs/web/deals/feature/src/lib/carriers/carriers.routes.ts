import { Routes } from '@angular/router';

/** Mounted at /carriers: the public directory of innovation carriers (科创载体, issue 16) and one carrier; no sign-in. */
export const CARRIER_ROUTES: Routes = [
  { path: '', title: 'title.carriers', loadComponent: () => import('./carriers-page.component').then((m) => m.CarriersPageComponent) },
  { path: ':id', title: 'title.carrier', loadComponent: () => import('./carrier-page.component').then((m) => m.CarrierPageComponent) },
];

/** Mounted at /instruments: the shared instruments (大型科研仪器共享); signed-in enterprises ask to use one. */
export const INSTRUMENT_ROUTES: Routes = [
  { path: '', title: 'title.instruments', loadComponent: () => import('./instruments-page.component').then((m) => m.InstrumentsPageComponent) },
];
