export * from './lib/accept-language.interceptor';
export * from './lib/i18n.service';
export * from './lib/messages';
export * from './lib/translate.pipe';
