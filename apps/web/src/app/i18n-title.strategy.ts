import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18nService, MessageKey, MESSAGES_ZH_CN } from '@xkx/web/i18n';

function isMessageKey(value: string): value is MessageKey {
  return value in MESSAGES_ZH_CN;
}

/** Route titles are message keys (literal titles pass through), re-worded when the language changes. */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly routeTitle = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const routeTitle = this.routeTitle();
      if (routeTitle === undefined) return;
      this.title.setTitle(isMessageKey(routeTitle) ? `${this.i18n.t(routeTitle)} · ${this.i18n.t('app.name')}` : routeTitle);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeTitle.set(this.buildTitle(snapshot));
  }
}
