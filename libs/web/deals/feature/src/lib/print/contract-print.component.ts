import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  Contract,
  ContractParty,
  LEGAL_PERSON_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@xkx/contracts';
import { CodeAddress } from '@xkx/web/data-access';
import { ContractsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { PrintSheetComponent } from './print-sheet.component';

/**
 * /print/contracts/:id: the contract summary a broker files with the signed paper: parties, the three
 * amounts kept apart (合同成交额, 非技术性费用, 技术交易额), installments with their total, payments
 * received, registration, and lines for seals and signatures.
 */
@Component({
  selector: 'xkx-contract-print',
  imports: [PrintSheetComponent, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-print-sheet
      kind="contract"
      [heading]="'print.contractTitle' | t"
      [reference]="reference()"
      [loading]="contract.isLoading()"
      [failed]="!!contract.error()"
    >
      @if (contract.hasValue() ? contract.value() : undefined; as k) {
        <h2>{{ 'print.basics' | t }}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'print.projectName' | t }}</th>
              <td colspan="3" data-testid="print-project">{{ k.projectName }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.contractCode' | t }}</th>
              <td>{{ k.code }}</td>
              <th scope="row">{{ 'print.contractNo' | t }}</th>
              <td>{{ k.contractNo ?? '—' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.contractType' | t }}</th>
              <td>{{ typeName(k) }}</td>
              <th scope="row">{{ 'contract.signedOn' | t }}</th>
              <td>{{ k.signedOn }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'contract.term' | t }}</th>
              <td colspan="3">{{ k.termStart }} – {{ k.termEnd }}</td>
            </tr>
          </tbody>
        </table>

        <h2>{{ 'print.parties' | t }}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col"></th>
              <th scope="col">{{ 'contract.partyName' | t }}</th>
              <th scope="col">{{ 'contract.creditCode' | t }}</th>
              <th scope="col">{{ 'contract.areaCode' | t }}</th>
              <th scope="col">{{ 'contract.legalPersonType' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of parties(k); track p.key) {
              <tr>
                <th scope="row">{{ p.key | t }}</th>
                <td>{{ p.party.name }}</td>
                <td>{{ p.party.creditCode ?? '—' }}</td>
                <td>{{ p.party.areaCode }}</td>
                <td>{{ legalPersonLabels[p.party.legalPersonType] | localized }}</td>
              </tr>
            }
          </tbody>
        </table>

        <h2>{{ 'print.amounts' | t }}</h2>
        <table data-testid="print-amounts">
          <tbody>
            <tr>
              <th scope="row">{{ 'deal.contractAmount' | t }}</th>
              <td class="num">{{ k.amounts.contractAmountFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'contract.nonTechnicalCost' | t }}</th>
              <td class="num">{{ k.amounts.nonTechnicalCostFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'deal.technicalAmount' | t }}</th>
              <td class="num">{{ k.amounts.technicalAmountFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'deal.received' | t }}</th>
              <td class="num">{{ k.amounts.receivedFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'deal.outstanding' | t }}</th>
              <td class="num">{{ k.amounts.outstandingFen | fen: 'exact' }}</td>
            </tr>
          </tbody>
        </table>

        <h2>{{ 'contract.schedule' | t }}</h2>
        <table data-testid="print-schedule">
          <thead>
            <tr>
              <th scope="col">{{ 'print.installmentNo' | t }}</th>
              <th scope="col">{{ 'print.dueOn' | t }}</th>
              <th scope="col" class="num">{{ 'contract.paymentAmount' | t }}</th>
              <th scope="col">{{ 'print.description' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (s of k.schedule; track $index) {
              <tr>
                <td>{{ $index + 1 }}</td>
                <td>{{ s.dueOn }}</td>
                <td class="num">{{ s.amountFen | fen: 'exact' }}</td>
                <td>{{ s.description }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4">{{ 'print.noSchedule' | t }}</td>
              </tr>
            }
            @if (k.schedule.length) {
              <tr class="total">
                <th scope="row" colspan="2">{{ 'print.total' | t }}</th>
                <td class="num">{{ scheduleTotal() | fen: 'exact' }}</td>
                <td></td>
              </tr>
            }
          </tbody>
        </table>

        <h2>{{ 'contract.payments' | t }}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'contract.receivedOn' | t }}</th>
              <th scope="col" class="num">{{ 'contract.paymentAmount' | t }}</th>
              <th scope="col">{{ 'contract.evidenceNote' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of k.payments; track p.id) {
              <tr>
                <td>{{ p.receivedOn }}</td>
                <td class="num">{{ p.amountFen | fen: 'exact' }}</td>
                <td>{{ p.evidenceNote }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3">{{ 'contract.noPayments' | t }}</td>
              </tr>
            }
          </tbody>
        </table>

        <h2>{{ 'deal.registration' | t }}</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'contract.registrationStatus' | t }}</th>
              <td>{{ registrationLabels[k.registration.status] | localized }}</td>
              <th scope="row">{{ 'contract.registrationNumber' | t }}</th>
              <td>{{ k.registration.registrationNumber ?? '—' }}</td>
            </tr>
          </tbody>
        </table>

        <div class="doc-signatures">
          <div>{{ 'print.sellerSeal' | t }}</div>
          <div>{{ 'print.buyerSeal' | t }}</div>
          <div>{{ 'print.brokerSign' | t }}</div>
        </div>
      }
    </xkx-print-sheet>
  `,
})
export class ContractPrintComponent {
  private readonly api = inject(ContractsApiService);
  private readonly i18n = inject(I18nService);

  /** The contract's code (C2026-000042), or its uuid in older links. */
  readonly id = input.required<string>();
  private readonly address = new CodeAddress(this.id);
  protected readonly contract = this.api.contractResource(this.address.ref);
  private readonly loaded = computed(() => (this.contract.hasValue() ? this.contract.value() : undefined));
  protected readonly legalPersonLabels = LEGAL_PERSON_TYPE_LABELS;
  protected readonly registrationLabels = REGISTRATION_STATUS_LABELS;
  protected readonly reference = computed(() => {
    const k = this.contract.hasValue() ? this.contract.value() : undefined;
    return k ? `${k.code}${k.contractNo ? ' · ' + k.contractNo : ''}` : '';
  });
  protected readonly scheduleTotal = computed(() => {
    const k = this.contract.hasValue() ? this.contract.value() : undefined;
    // Integer fen: an exact sum.
    return k ? k.schedule.reduce((sum, s) => sum + s.amountFen, 0) : 0;
  });

  constructor() {
    this.address.follow(this.loaded, (code) => ['/print/contracts', code]);
  }

  protected parties(k: Contract): Array<{ key: 'contract.seller' | 'contract.buyer'; party: ContractParty }> {
    return [
      { key: 'contract.seller', party: k.seller },
      { key: 'contract.buyer', party: k.buyer },
    ];
  }

  protected typeName(k: Contract): string {
    return this.i18n.locale() === 'en' ? k.type.nameEn : k.type.nameZh;
  }
}
