import { inject, Pipe, PipeTransform } from '@angular/core';
import { formatFen } from '@xkx/util';
import { I18nService } from '@xkx/web/i18n';

/** Integer fen as 元 in the UI language, exactly (`formatFen`); impure for the language switch. */
@Pipe({ name: 'fen', pure: false })
export class FenPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(fen: number | null | undefined): string {
    return fen === null || fen === undefined ? '—' : formatFen(fen, this.i18n.locale());
  }
}
