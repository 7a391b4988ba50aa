import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Contract, LEGAL_PERSON_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from '@xkx/contracts';
import { CodeAddress } from '@xkx/web/data-access';
import { ContractsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { PrintSheetComponent } from './print-sheet.component';

/**
 * /print/contracts/:id/registration: the 技术合同认定登记 sheet in the order the registration office
 * reads it: contract, seller and buyer with their codes, the amounts (技术交易额 is what is registered),
 * the decision, and the configured registration fields with their labels.
 */
@Component({
  selector: 'xkx-registration-print',
  imports: [PrintSheetComponent, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-print-sheet
      kind="registration"
      [heading]="'print.registrationTitle' | t"
      [reference]="reference()"
      [loading]="contract.isLoading()"
      [failed]="!!contract.error()"
    >
      @if (contract.hasValue() ? contract.value() : undefined; as k) {
        @let r = k.registration;
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'contract.registrationNumber' | t }}</th>
              <td data-testid="print-registration-number">{{ r.registrationNumber ?? '—' }}</td>
              <th scope="row">{{ 'contract.registrationStatus' | t }}</th>
              <td>{{ registrationLabels[r.status] | localized }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'contract.submittedOn' | t }}</th>
              <td>{{ r.submittedOn ?? '—' }}</td>
              <th scope="row">{{ 'contract.decidedOn' | t }}</th>
              <td>{{ r.decidedOn ?? '—' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.projectName' | t }}</th>
              <td colspan="3">{{ k.projectName }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.contractCode' | t }}</th>
              <td>{{ k.code }}{{ k.contractNo ? ' · ' + k.contractNo : '' }}</td>
              <th scope="row">{{ 'print.contractType' | t }}</th>
              <td>{{ typeName(k) }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'contract.signedOn' | t }}</th>
              <td>{{ k.signedOn }}</td>
              <th scope="row">{{ 'contract.term' | t }}</th>
              <td>{{ k.termStart }} – {{ k.termEnd }}</td>
            </tr>
          </tbody>
        </table>

        @for (p of [k.seller, k.buyer]; track $index) {
          <h2>{{ ($index === 0 ? 'print.sellerSection' : 'print.buyerSection') | t }}</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">{{ 'contract.partyName' | t }}</th>
                <td colspan="3">{{ p.name }}</td>
              </tr>
              <tr>
                <th scope="row">{{ 'contract.creditCode' | t }}</th>
                <td>{{ p.creditCode ?? '—' }}</td>
                <th scope="row">{{ 'contract.areaCode' | t }}</th>
                <td>{{ p.areaCode }}</td>
              </tr>
              <tr>
                <th scope="row">{{ 'contract.legalPersonType' | t }}</th>
                <td colspan="3">{{ legalPersonLabels[p.legalPersonType] | localized }}</td>
              </tr>
            </tbody>
          </table>
        }

        <h2>{{ 'print.amounts' | t }}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'deal.contractAmount' | t }}</th>
              <td class="num">{{ k.amounts.contractAmountFen | fen: 'exact' }}</td>
              <th scope="row">{{ 'contract.nonTechnicalCost' | t }}</th>
              <td class="num">{{ k.amounts.nonTechnicalCostFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'deal.technicalAmount' | t }}</th>
              <td class="num" data-testid="print-technical-amount">
                {{ k.amounts.technicalAmountFen | fen: 'exact' }}
              </td>
              <th scope="row">{{ 'contract.registeredIncome' | t }}</th>
              <td class="num">{{ r.registeredIncomeFen | fen: 'exact' }}</td>
            </tr>
          </tbody>
        </table>

        @if (extra().length) {
          <h2>{{ 'print.registrationFields' | t }}</h2>
          <table>
            <tbody>
              @for (e of extra(); track e.key) {
                <tr>
                  <th scope="row">{{ e.label }}</th>
                  <td>{{ e.text }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @if (r.note) {
          <h2>{{ 'contract.registrationNote' | t }}</h2>
          <p class="doc-text">{{ r.note }}</p>
        }

        <div class="doc-signatures">
          <div>{{ 'print.applicantSeal' | t }}</div>
          <div>{{ 'print.registrarSign' | t }}</div>
          <div>{{ 'print.registrarSeal' | t }}</div>
        </div>
      }
    </xkx-print-sheet>
  `,
})
export class RegistrationPrintComponent {
  private readonly api = inject(ContractsApiService);
  private readonly i18n = inject(I18nService);
  private readonly fen = new FenPipe();

  /** The contract's code (C2026-000042), or its uuid in older links. */
  readonly id = input.required<string>();
  private readonly address = new CodeAddress(this.id);
  protected readonly contract = this.api.contractResource(this.address.ref);
  private readonly loaded = computed(() => (this.contract.hasValue() ? this.contract.value() : undefined));
  private readonly fields = this.api.registrationFieldsResource();
  protected readonly legalPersonLabels = LEGAL_PERSON_TYPE_LABELS;
  protected readonly registrationLabels = REGISTRATION_STATUS_LABELS;
  protected readonly reference = computed(() => {
    const k = this.contract.hasValue() ? this.contract.value() : undefined;
    return k ? k.code : '';
  });
  /** The configured registration fields (data), labelled in the UI language. */
  protected readonly extra = computed(() => {
    const k = this.contract.hasValue() ? this.contract.value() : undefined;
    if (!k) return [];
    const fields = this.fields.hasValue() ? (this.fields.value() ?? []) : [];
    return Object.entries(k.registration.extra).map(([key, value]) => {
      const field = fields.find((f) => f.key === key);
      const label = field ? (this.i18n.locale() === 'en' ? field.labelEn : field.labelZh) : key;
      let text: string;
      if (field?.valueType === 'FEN' && typeof value === 'number') text = this.fen.transform(value, 'exact');
      else if (typeof value === 'boolean') text = this.i18n.t(value ? 'common.yes' : 'common.no');
      else text = String(value);
      return { key, label, text };
    });
  });

  constructor() {
    this.address.follow(this.loaded, (code) => ['/print/contracts', code, 'registration']);
  }

  protected typeName(k: Contract): string {
    return this.i18n.locale() === 'en' ? k.type.nameEn : k.type.nameZh;
  }
}
