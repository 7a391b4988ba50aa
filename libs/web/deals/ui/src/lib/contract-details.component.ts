import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import {
  Contract,
  ContractParty,
  LEGAL_PERSON_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
  RegistrationField,
} from '@xkx/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FenPipe } from './fen.pipe';

/**
 * A technology contract, read-only and exact to the fen: type, parties as the 登记表 has them, the three
 * amounts kept apart (合同成交额, 非技术性费用, 技术交易额) with 实际到账 and what is outstanding, the
 * schedule, the payments with their evidence, and the registration (认定登记).
 */
@Component({
  selector: 'xkx-contract-details',
  imports: [MatIconModule, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contract-details.component.html',
  styleUrl: './contract-details.component.scss',
})
export class ContractDetailsComponent {
  private readonly i18n = inject(I18nService);

  readonly contract = input.required<Contract>();
  /** Labels of the configured registration fields (data); unknown keys show as they are. */
  readonly fields = input<RegistrationField[]>([]);

  protected readonly legalPersonLabels = LEGAL_PERSON_TYPE_LABELS;
  protected readonly registrationLabels = REGISTRATION_STATUS_LABELS;
  protected readonly typeName = computed(() => {
    const t = this.contract().type;
    return this.i18n.locale() === 'en' ? t.nameEn : t.nameZh;
  });
  protected readonly parties = computed<
    Array<{ key: 'contract.seller' | 'contract.buyer'; party: ContractParty }>
  >(() => [
    { key: 'contract.seller', party: this.contract().seller },
    { key: 'contract.buyer', party: this.contract().buyer },
  ]);
  protected readonly extra = computed(() =>
    Object.entries(this.contract().registration.extra).map(([key, value]) => {
      const field = this.fields().find((f) => f.key === key);
      const label = field ? (this.i18n.locale() === 'en' ? field.labelEn : field.labelZh) : key;
      return {
        key,
        label,
        value,
        fen: field?.valueType === 'FEN' && typeof value === 'number' ? value : null,
      };
    }),
  );

  protected yesNo(value: string | number | boolean): string {
    if (typeof value === 'boolean') return this.i18n.t(value ? 'common.yes' : 'common.no');
    return String(value);
  }
}
