import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard, signedInGuard } from '@xkx/web/auth/data-access';
import { ListingSegment } from '@xkx/web/listings/util';

const portal = (segment: ListingSegment): Routes => [
  {
    path: '',
    title: segment === 'results' ? 'title.results' : 'title.needs',
    data: { segment },
    loadComponent: () => import('./search-page.component').then((m) => m.SearchPageComponent),
  },
  {
    // The page sets the listing's own title once it has loaded.
    path: ':id',
    data: { segment },
    loadComponent: () => import('./detail-page.component').then((m) => m.DetailPageComponent),
  },
];

/** Public portal, mounted at /results and /needs: no sign-in. */
export const RESULTS_ROUTES: Routes = portal('results');
export const NEEDS_ROUTES: Routes = portal('needs');

/** Mounted at /workspace/listings. */
export const MY_LISTINGS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    title: 'title.myListings',
    loadComponent: () => import('./my-listings-page.component').then((m) => m.MyListingsPageComponent),
  },
];

const form = (segment: ListingSegment, permission: Permission): Routes => [
  {
    path: 'new',
    canActivate: [permissionGuard(permission)],
    title: segment === 'results' ? 'title.newResult' : 'title.newNeed',
    data: { segment },
    loadComponent: () => import('./listing-form-page.component').then((m) => m.ListingFormPageComponent),
  },
  {
    path: ':id/edit',
    canActivate: [permissionGuard(permission)],
    title: segment === 'results' ? 'title.editResult' : 'title.editNeed',
    data: { segment },
    loadComponent: () => import('./listing-form-page.component').then((m) => m.ListingFormPageComponent),
  },
];

/** Mounted at /workspace/results and /workspace/needs. */
export const RESULT_FORM_ROUTES: Routes = form('results', Permission.RESULT_WRITE);
export const NEED_FORM_ROUTES: Routes = form('needs', Permission.NEED_WRITE);

/** Mounted at /manage/review (brokers). */
export const REVIEW_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.LISTING_REVIEW)],
    title: 'title.reviewQueue',
    loadComponent: () => import('./review-queue-page.component').then((m) => m.ReviewQueuePageComponent),
  },
  ...(['results', 'needs'] as const).map((segment) => ({
    path: `${segment}/:id`,
    canActivate: [permissionGuard(Permission.LISTING_REVIEW)],
    title: 'title.review',
    data: { segment },
    loadComponent: () => import('./review-page.component').then((m) => m.ReviewPageComponent),
  })),
];

/** Mounted at /manage/import (brokers). */
export const IMPORT_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.LISTING_IMPORT)],
    title: 'title.import',
    loadComponent: () => import('./import-page.component').then((m) => m.ImportPageComponent),
  },
];
