import { inject, Pipe, PipeTransform } from '@angular/core';
import { formatFen } from '@xkx/util';
import { formatYuanExact } from '@xkx/web/deals/util';
import { I18nService } from '@xkx/web/i18n';

/**
 * Integer fen as 元 in the UI language; impure for the language switch. `short` (the default) uses
 * 万/亿 for large Chinese figures (`formatFen`); `exact` shows every fen ("1,234,567.89 元"), for
 * contract amounts and payments that must be read to the last digit.
 */
@Pipe({ name: 'fen', pure: false })
export class FenPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(fen: number | null | undefined, mode: 'short' | 'exact' = 'short'): string {
    if (fen === null || fen === undefined) return '—';
    const locale = this.i18n.locale();
    if (mode === 'short') return formatFen(fen, locale);
    return locale === 'zh-CN' ? `${formatYuanExact(fen)} 元` : `¥${formatYuanExact(fen)}`;
  }
}
