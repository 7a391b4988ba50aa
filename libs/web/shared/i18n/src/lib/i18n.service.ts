import { DOCUMENT } from '@angular/common';
import { effect, EnvironmentProviders, inject, Injectable, provideAppInitializer, signal } from '@angular/core';
import { DEFAULT_LOCALE, Locale, LocalizedText } from '@xkx/contracts';
import { loadMessages, MessageCatalogue, MessageKey, MESSAGES_ZH_CN } from './messages';

const STORAGE_KEY = 'xkx.locale';

/** `{name}` placeholders in a message, filled from params. */
export type MessageParams = Record<string, string | number>;

/**
 * The UI language: a signal, persisted in localStorage, mirrored to <html lang>. Chinese is always loaded;
 * English is fetched the first time it is picked (or at start, by provideI18n, when it was the last choice),
 * and the language switches once its words are there, so a page never shows keys or half of each language.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly catalogues = signal<Partial<Record<Locale, MessageCatalogue>>>({ 'zh-CN': MESSAGES_ZH_CN });
  private readonly stored = this.storedLocale();
  /** The language shown; it follows `use()` once that language's words are loaded. */
  readonly locale = signal<Locale>(DEFAULT_LOCALE);

  constructor() {
    effect(() => {
      const locale = this.locale();
      this.document.documentElement.lang = locale;
      try {
        this.document.defaultView?.localStorage.setItem(STORAGE_KEY, locale);
      } catch {
        // Storage can be disabled (private mode); the choice then lasts for this page only.
      }
    });
  }

  t(key: MessageKey, params?: MessageParams): string {
    const text: string = (this.catalogues()[this.locale()] ?? MESSAGES_ZH_CN)[key];
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  }

  /** Picks the current language from a label the contracts define in both (ROLE_LABELS, …). */
  pick(text: LocalizedText): string {
    return text[this.locale()];
  }

  toggle(): Promise<void> {
    return this.use(this.locale() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  /** Loads the language's words if need be, then shows it. */
  async use(locale: Locale): Promise<void> {
    if (!this.catalogues()[locale]) {
      const catalogue = await loadMessages(locale);
      this.catalogues.update((loaded) => ({ ...loaded, [locale]: catalogue }));
    }
    this.locale.set(locale);
  }

  /** The language of the last visit (start-up restores it before the first render: provideI18n). */
  restore(): Promise<void> {
    return this.use(this.stored);
  }

  private storedLocale(): Locale {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      if (stored === 'zh-CN' || stored === 'en') return stored;
    } catch {
      // fall through to the default
    }
    return DEFAULT_LOCALE;
  }
}

/** Restores the last visit's language before the app renders (an English visitor never sees Chinese first). */
export function provideI18n(): EnvironmentProviders {
  return provideAppInitializer(() => inject(I18nService).restore());
}
