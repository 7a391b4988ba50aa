import { Routes } from '@angular/router';
import { signedInGuard } from '@xkx/web/auth/data-access';

export const WORKSPACE_ROUTES: Routes = [
  {
    path: '',
    canActivate: [signedInGuard],
    title: 'title.workspace',
    loadComponent: () => import('./workspace-page.component').then((m) => m.WorkspacePageComponent),
  },
];
