import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { Permission } from '@xkx/contracts';
import { AuthSession } from './auth-session.service';
import { WebPath } from './web-paths';

function toSignIn(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/', WebPath.signIn], { queryParams: { returnUrl } });
}

/** Signed-in users only; others sign in first and come back. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(AuthSession).signedIn() || toSignIn(inject(Router), state.url);

/** Sign-in and register make no sense when signed in: go to the workspace. */
export const anonymousGuard: CanActivateFn = () =>
  !inject(AuthSession).signedIn() || inject(Router).createUrlTree(['/', WebPath.workspace]);

/** The same permission the API checks; without it the workspace explains what the account can do. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (_route, state) => {
    const session = inject(AuthSession);
    const router = inject(Router);
    if (!session.signedIn()) return toSignIn(router, state.url);
    return session.can(permission) || router.createUrlTree(['/', WebPath.workspace]);
  };
}
