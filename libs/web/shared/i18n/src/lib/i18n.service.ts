import { DOCUMENT } from '@angular/common';
import { effect, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LOCALE, Locale, LocalizedText } from '@xkx/contracts';
import { MESSAGES, MessageKey } from './messages';

const STORAGE_KEY = 'xkx.locale';

/** `{name}` placeholders in a message, filled from params. */
export type MessageParams = Record<string, string | number>;

/** The UI language: a signal, persisted in localStorage, mirrored to <html lang>. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  readonly locale = signal<Locale>(this.initialLocale());

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
    const text: string = MESSAGES[this.locale()][key];
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  }

  /** Picks the current language from a label the contracts define in both (ROLE_LABELS, …). */
  pick(text: LocalizedText): string {
    return text[this.locale()];
  }

  toggle(): void {
    this.locale.update((current) => (current === 'zh-CN' ? 'en' : 'zh-CN'));
  }

  private initialLocale(): Locale {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      if (stored === 'zh-CN' || stored === 'en') return stored;
    } catch {
      // fall through to the default
    }
    return DEFAULT_LOCALE;
  }
}
