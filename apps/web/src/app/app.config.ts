import { DATE_PIPE_DEFAULT_OPTIONS } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideServiceWorker, SwUpdate } from '@angular/service-worker';
import { authInterceptor, provideAuth } from '@xkx/web/auth/data-access';
import { acceptLanguageInterceptor, provideI18n } from '@xkx/web/i18n';
import { APP_ROUTES } from './app.routes';
import { I18nTitleStrategy } from './i18n-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(APP_ROUTES, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    // The auth interceptor runs last, so the retry after a refresh still carries Accept-Language.
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, authInterceptor])),
    provideAuth(),
    provideI18n(),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // Times read in Beijing time wherever the browser is (China has no daylight saving, so a fixed offset).
    // Every `date` pipe formats a timestamp; calendar dates (YYYY-MM-DD) are shown as the API sends them.
    { provide: DATE_PIPE_DEFAULT_OPTIONS, useValue: { timezone: '+0800' } },
    // Production builds only (ngsw-config.json): the shell and public reads keep working on a poor connection.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:30000' }),
    // After a release, a tab on the old version may need a chunk the server no longer has: load the new one.
    provideAppInitializer(() => {
      inject(SwUpdate).unrecoverable.subscribe(() => document.location.reload());
    }),
  ],
};
