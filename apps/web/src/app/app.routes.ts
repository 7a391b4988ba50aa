import { Routes } from '@angular/router';
import { WebPath } from '@xkx/web/auth/data-access';

/** Every feature is a lazy route; paths stay readable (/results/…, /needs/…). */
export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadChildren: () => import('@xkx/web/home').then((m) => m.HOME_ROUTES) },
  // /sign-in, /register, /forgot-password, /reset-password, /profile
  { path: '', loadChildren: () => import('@xkx/web/auth').then((m) => m.AUTH_ROUTES) },
  // Public portal: search and detail pages, no sign-in.
  { path: WebPath.results, loadChildren: () => import('@xkx/web/listings').then((m) => m.RESULTS_ROUTES) },
  { path: WebPath.needs, loadChildren: () => import('@xkx/web/listings').then((m) => m.NEEDS_ROUTES) },
  // Experts and laboratories (issue 16): public directories and detail pages, /experts/me for one's own profile.
  { path: WebPath.experts, loadChildren: () => import('@xkx/web/matching').then((m) => m.EXPERT_ROUTES) },
  { path: WebPath.instruments, loadChildren: () => import('@xkx/web/deals').then((m) => m.INSTRUMENT_ROUTES) },
  { path: WebPath.carriers, loadChildren: () => import('@xkx/web/deals').then((m) => m.CARRIER_ROUTES) },
  { path: WebPath.laboratories, loadChildren: () => import('@xkx/web/matching').then((m) => m.LABORATORY_ROUTES) },
  // 公示公告: notices of results priced by agreement, and objections from anyone.
  { path: WebPath.notices, loadChildren: () => import('@xkx/web/deals').then((m) => m.PUBLIC_NOTICE_ROUTES) },
  // Owners' listings and forms, before /workspace so the longer paths win.
  { path: WebPath.myListings, loadChildren: () => import('@xkx/web/listings').then((m) => m.MY_LISTINGS_ROUTES) },
  { path: WebPath.myDeals, loadChildren: () => import('@xkx/web/deals').then((m) => m.MY_DEALS_ROUTES) },
  { path: 'workspace/results', loadChildren: () => import('@xkx/web/listings').then((m) => m.RESULT_FORM_ROUTES) },
  { path: 'workspace/needs', loadChildren: () => import('@xkx/web/listings').then((m) => m.NEED_FORM_ROUTES) },
  { path: WebPath.workspace, loadChildren: () => import('@xkx/web/workspace').then((m) => m.WORKSPACE_ROUTES) },
  { path: WebPath.review, loadChildren: () => import('@xkx/web/listings').then((m) => m.REVIEW_ROUTES) },
  { path: WebPath.import, loadChildren: () => import('@xkx/web/listings').then((m) => m.IMPORT_ROUTES) },
  { path: WebPath.matching, loadChildren: () => import('@xkx/web/matching').then((m) => m.MATCHING_ROUTES) },
  { path: WebPath.dealBoard, loadChildren: () => import('@xkx/web/deals').then((m) => m.DEAL_BOARD_ROUTES) },
  // The KPI ledger: dashboards, drill-downs and the subsidy report (ECharts only in these lazy chunks).
  { path: WebPath.kpis, loadChildren: () => import('@xkx/web/kpis').then((m) => m.KPI_ROUTES) },
  { path: WebPath.deals, loadChildren: () => import('@xkx/web/deals').then((m) => m.DEAL_ROUTES) },
  // Documents for paper and PDF (print stylesheet, A4).
  { path: 'print', loadChildren: () => import('@xkx/web/deals').then((m) => m.PRINT_ROUTES) },
  { path: WebPath.manage, loadChildren: () => import('@xkx/web/admin').then((m) => m.ADMIN_ROUTES) },
  { path: '**', redirectTo: '' },
];
