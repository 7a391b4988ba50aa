import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { permissionGuard } from '@xkx/web/auth/data-access';
import { I18nPaginatorIntl } from './i18n-paginator-intl';

/**
 * Mounted at /manage; each page asks for the permission its API calls need. The admin pages are the only ones
 * with Material's paginator, so its words are provided here: provided at the root, the paginator (with the
 * select, form field and tooltip it imports) was in every visitor's first download (issue 14).
 */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
    children: [
      {
        path: 'verification',
        canActivate: [permissionGuard(Permission.USER_VERIFY)],
        title: 'title.verification',
        loadComponent: () => import('./verification-page.component').then((m) => m.VerificationPageComponent),
      },
      {
        path: 'users',
        canActivate: [permissionGuard(Permission.USER_READ)],
        title: 'title.users',
        loadComponent: () => import('./users-page.component').then((m) => m.UsersPageComponent),
      },
      {
        path: 'organizations',
        canActivate: [permissionGuard(Permission.ORGANIZATION_MANAGE)],
        title: 'title.organizations',
        loadComponent: () =>
          import('./organizations-page.component').then((m) => m.OrganizationsPageComponent),
      },
      {
        path: 'audit-log',
        canActivate: [permissionGuard(Permission.AUDIT_READ)],
        title: 'title.auditLog',
        loadComponent: () => import('./audit-log-page.component').then((m) => m.AuditLogPageComponent),
      },
      {
        path: 'outbox',
        canActivate: [permissionGuard(Permission.OUTBOX_READ)],
        title: 'title.outbox',
        loadComponent: () => import('./outbox-page.component').then((m) => m.OutboxPageComponent),
      },
      {
        path: 'jobs',
        canActivate: [permissionGuard(Permission.JOB_MANAGE)],
        title: 'title.jobs',
        loadComponent: () => import('./jobs-page.component').then((m) => m.JobsPageComponent),
      },
      {
        path: 'nda',
        canActivate: [permissionGuard(Permission.TAXONOMY_MANAGE)],
        title: 'title.ndaVersions',
        loadComponent: () => import('./nda-versions-page.component').then((m) => m.NdaVersionsPageComponent),
      },
      {
        path: 'fields',
        canActivate: [permissionGuard(Permission.TAXONOMY_MANAGE)],
        title: 'title.fields',
        loadComponent: () => import('./fields-page.component').then((m) => m.FieldsPageComponent),
      },
      {
        path: 'synonyms',
        canActivate: [permissionGuard(Permission.TAXONOMY_MANAGE)],
        title: 'title.synonyms',
        loadComponent: () => import('./synonyms-page.component').then((m) => m.SynonymsPageComponent),
      },
      { path: '', pathMatch: 'full', redirectTo: 'users' },
    ],
  },
];
