import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthSession } from './auth-session.service';

/** Restores a stored session before the first navigation, so guards see the real user. */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(AuthSession).restore())]);
}
