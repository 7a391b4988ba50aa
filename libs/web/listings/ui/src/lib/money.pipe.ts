import { inject, Pipe, PipeTransform } from '@angular/core';
import { ListingMoney, PRICE_TYPE_LABELS } from '@xkx/contracts';
import { formatFen } from '@xkx/util';
import { I18nService } from '@xkx/web/i18n';

/** A price or budget: 面议, a range, or one bound; the price type follows when there is one. Impure for the language. */
@Pipe({ name: 'money', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(money: ListingMoney | null | undefined): string {
    if (!money) return '';
    const locale = this.i18n.locale();
    if (money.negotiable && money.minFen === null && money.maxFen === null) return this.i18n.t('listing.negotiable');
    const { minFen: min, maxFen: max } = money;
    let text: string;
    if (min !== null && max !== null) text = min === max ? formatFen(min, locale) : `${formatFen(min, locale)} – ${formatFen(max, locale)}`;
    else if (min !== null) text = `≥ ${formatFen(min, locale)}`;
    else if (max !== null) text = `≤ ${formatFen(max, locale)}`;
    else return this.i18n.t('listing.negotiable');
    const type = money.priceType ? ` (${this.i18n.pick(PRICE_TYPE_LABELS[money.priceType])})` : '';
    return `${text}${type}`;
  }
}
