import { Routes } from '@angular/router';
import { anonymousGuard, signedInGuard, WebPath } from '@xkx/web/auth/data-access';

/** Mounted at the root: /sign-in, /register, /forgot-password, /reset-password?token=…, /profile. */
export const AUTH_ROUTES: Routes = [
  {
    path: WebPath.signIn,
    canActivate: [anonymousGuard],
    title: 'title.signIn',
    loadComponent: () => import('./sign-in-page.component').then((m) => m.SignInPageComponent),
  },
  {
    path: WebPath.register,
    canActivate: [anonymousGuard],
    title: 'title.register',
    loadComponent: () => import('./register-page.component').then((m) => m.RegisterPageComponent),
  },
  {
    path: WebPath.forgotPassword,
    title: 'title.forgotPassword',
    loadComponent: () => import('./forgot-password-page.component').then((m) => m.ForgotPasswordPageComponent),
  },
  {
    path: WebPath.resetPassword,
    title: 'title.resetPassword',
    loadComponent: () => import('./reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
  },
  {
    path: WebPath.setup,
    title: 'title.setup',
    loadComponent: () => import('./setup-page.component').then((m) => m.SetupPageComponent),
  },
  {
    path: WebPath.profile,
    canActivate: [signedInGuard],
    title: 'title.profile',
    loadComponent: () => import('./profile-page.component').then((m) => m.ProfilePageComponent),
  },
];
