import { inject, Pipe, PipeTransform } from '@angular/core';
import { LocalizedText } from '@xkx/contracts';
import { I18nService, MessageParams } from './i18n.service';
import { MessageKey } from './messages';

/** `{{ 'nav.home' | t }}`, `{{ 'workspace.greeting' | t: { name } }}`. Impure so a language switch re-renders the text. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ ROLE_LABELS[user.role] | localized }}`: a contracts label in the UI language. */
@Pipe({ name: 'localized', pure: false })
export class LocalizedPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(text: LocalizedText | null | undefined): string {
    return text ? this.i18n.pick(text) : '';
  }
}
