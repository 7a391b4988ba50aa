import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from '@xkx/web/i18n';
import { FieldOption } from '@xkx/web/listings/util';

/** Field codes as names in the UI language (`NE.BAT` → 储能与动力电池); unknown codes stay codes. */
@Pipe({ name: 'fieldNames', pure: false })
export class FieldNamesPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(codes: readonly string[] | null | undefined, index: ReadonlyMap<string, FieldOption>): string[] {
    const en = this.i18n.locale() === 'en';
    return (codes ?? []).map((code) => {
      const option = index.get(code);
      return option ? (en ? option.nameEn : option.nameZh) : code;
    });
  }
}
