import { Routes } from '@angular/router';

/** Mounted at /notices: the public 公示 page and one notice with the objection form; no sign-in. */
export const PUBLIC_NOTICE_ROUTES: Routes = [
  { path: '', title: 'title.notices', loadComponent: () => import('./notices-page.component').then((m) => m.NoticesPageComponent) },
  { path: ':id', title: 'title.notice', loadComponent: () => import('./notice-page.component').then((m) => m.NoticePageComponent) },
];
