import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';

/** Mounted at /carriers: the public directory of innovation carriers (科创载体, issue 16) and one carrier; brokers add and edit them. */
export const CARRIER_ROUTES: Routes = [
  { path: '', title: 'title.carriers', loadComponent: () => import('./carriers-page.component').then((m) => m.CarriersPageComponent) },
  { path: 'new', title: 'title.carrierNew', canActivate: [permissionGuard(Permission.CARRIER_MANAGE)], loadComponent: () => import('./carrier-form-page.component').then((m) => m.CarrierFormPageComponent) },
  { path: ':id', title: 'title.carrier', loadComponent: () => import('./carrier-page.component').then((m) => m.CarrierPageComponent) },
  { path: ':id/edit', title: 'title.carrierEdit', canActivate: [permissionGuard(Permission.CARRIER_MANAGE)], loadComponent: () => import('./carrier-form-page.component').then((m) => m.CarrierFormPageComponent) },
];

/** Mounted at /instruments: the shared instruments (大型科研仪器共享); signed-in enterprises ask to use one. */
export const INSTRUMENT_ROUTES: Routes = [
  { path: '', title: 'title.instruments', loadComponent: () => import('./instruments-page.component').then((m) => m.InstrumentsPageComponent) },
];
