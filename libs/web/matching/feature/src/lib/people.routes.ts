import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';

/** Mounted at /experts (public; /experts/me for a researcher's own profile). Issue 16. */
export const EXPERT_ROUTES: Routes = [
  { path: '', title: 'people.experts', loadComponent: () => import('./experts-pages.component').then((m) => m.ExpertsPageComponent) },
  {
    path: 'me',
    canActivate: [permissionGuard(Permission.EXPERT_WRITE)],
    title: 'people.myProfile',
    loadComponent: () => import('./expert-profile-page.component').then((m) => m.ExpertProfilePageComponent),
  },
  { path: ':id', title: 'people.experts', loadComponent: () => import('./experts-pages.component').then((m) => m.ExpertPageComponent) },
];

/** Mounted at /laboratories (public). */
export const LABORATORY_ROUTES: Routes = [
  { path: '', title: 'people.laboratories', loadComponent: () => import('./laboratories-pages.component').then((m) => m.LaboratoriesPageComponent) },
  { path: ':id', title: 'people.laboratories', loadComponent: () => import('./laboratories-pages.component').then((m) => m.LaboratoryPageComponent) },
];
