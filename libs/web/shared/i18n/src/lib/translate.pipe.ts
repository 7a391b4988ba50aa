import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';
import { MessageKey } from './messages';

/** `{{ 'nav.home' | t }}`. Impure so a language switch re-renders the text. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey): string {
    return this.i18n.t(key);
  }
}
