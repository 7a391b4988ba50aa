import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  DEAL_STAGE_LABELS,
  DealSide,
  PRICING_METHOD_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@xkx/contracts';
import { CodeAddress, isUuid } from '@xkx/web/data-access';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { codeMessageKey, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { PrintSheetComponent } from './print-sheet.component';

const SIDE_KEYS: Record<DealSide, MessageKey> = {
  INSTITUTION: 'deal.sideInstitution',
  ENTERPRISE: 'deal.sideEnterprise',
  BROKER: 'deal.sideBroker',
};

/**
 * /print/deals/:id: the deal summary for the file: parties, brokers, listings, stage and price, the
 * NDA state of each participant, the public notice, the contracts with their amounts, and the timeline.
 */
@Component({
  selector: 'xkx-deal-print',
  imports: [DatePipe, PrintSheetComponent, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-print-sheet
      kind="deal"
      [heading]="'print.dealTitle' | t"
      [reference]="reference()"
      [loading]="deal.isLoading()"
      [failed]="!!deal.error()"
    >
      @if (deal.hasValue() ? deal.value() : undefined; as d) {
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'print.dealName' | t }}</th>
              <td colspan="3" data-testid="print-deal-title">{{ d.title }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.stage' | t }}</th>
              <td>{{ stageLabels[d.stage] | localized }}</td>
              <th scope="row">{{ 'print.pricingMethod' | t }}</th>
              <td>{{ d.pricingMethod ? (pricingLabels[d.pricingMethod] | localized) : '—' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'deal.sideInstitution' | t }}</th>
              <td>{{ d.institution.nameZh }}</td>
              <th scope="row">{{ 'deal.sideEnterprise' | t }}</th>
              <td>{{ d.enterprise.nameZh }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.brokers' | t }}</th>
              <td>{{ brokerNames() }}</td>
              <th scope="row">{{ 'print.agreedPrice' | t }}</th>
              <td class="num">{{ d.agreedPriceFen | fen: 'exact' }}</td>
            </tr>
            @if (d.result) {
              <tr>
                <th scope="row">{{ 'print.result' | t }}</th>
                <td colspan="3">{{ d.result.code }} {{ d.result.title }}</td>
              </tr>
            }
            @if (d.need) {
              <tr>
                <th scope="row">{{ 'print.need' | t }}</th>
                <td colspan="3">{{ d.need.code }} {{ d.need.title }}</td>
              </tr>
            }
            @if (d.lostReason) {
              <tr>
                <th scope="row">{{ 'print.lostReason' | t }}</th>
                <td colspan="3">{{ d.lostReason }}</td>
              </tr>
            }
          </tbody>
        </table>

        <h2>{{ 'print.participants' | t }}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'print.person' | t }}</th>
              <th scope="col">{{ 'print.side' | t }}</th>
              <th scope="col">{{ 'print.organization' | t }}</th>
              <th scope="col">{{ 'print.ndaSigned' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (p of d.participants; track p.userId) {
              <tr>
                <td>{{ p.name }}</td>
                <td>{{ sideKeys[p.side] | t }}</td>
                <td>{{ p.organizationName ?? '—' }}</td>
                <td>
                  {{
                    p.ndaAcceptedAt
                      ? (p.ndaAcceptedAt | date: 'yyyy-MM-dd HH:mm') + ' · v' + p.ndaVersion
                      : ('print.notSigned' | t)
                  }}
                </td>
              </tr>
            }
          </tbody>
        </table>

        @if (d.publicNotice; as n) {
          <h2>{{ 'print.publicNotice' | t }}</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">{{ 'print.noticePeriod' | t }}</th>
                <td>{{ n.startsOn }} – {{ n.endsOn }}</td>
                <th scope="row">{{ 'print.objections' | t }}</th>
                <td>{{ n.objectionCount }}</td>
              </tr>
            </tbody>
          </table>
        }

        <h2>{{ 'print.contracts' | t }}</h2>
        <table data-testid="print-deal-contracts">
          <thead>
            <tr>
              <th scope="col">{{ 'print.contractCode' | t }}</th>
              <th scope="col">{{ 'print.projectName' | t }}</th>
              <th scope="col" class="num">{{ 'deal.contractAmount' | t }}</th>
              <th scope="col" class="num">{{ 'deal.technicalAmount' | t }}</th>
              <th scope="col" class="num">{{ 'deal.received' | t }}</th>
              <th scope="col">{{ 'contract.registrationStatus' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of d.contracts; track c.id) {
              <tr>
                <td>{{ c.code }}</td>
                <td>{{ c.projectName }}</td>
                <td class="num">{{ c.contractAmountFen | fen: 'exact' }}</td>
                <td class="num">{{ c.technicalAmountFen | fen: 'exact' }}</td>
                <td class="num">{{ c.receivedFen | fen: 'exact' }}</td>
                <td>{{ registrationLabels[c.registrationStatus] | localized }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">{{ 'print.noContracts' | t }}</td>
              </tr>
            }
          </tbody>
        </table>

        <h2>{{ 'print.timeline' | t }}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'print.when' | t }}</th>
              <th scope="col">{{ 'print.person' | t }}</th>
              <th scope="col">{{ 'print.stage' | t }}</th>
              <th scope="col">{{ 'print.note' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of timeline.hasValue() ? timeline.value() : []; track $index) {
              <tr>
                <td>{{ e.at | date: 'yyyy-MM-dd HH:mm' }}</td>
                <td>{{ e.actor?.name ?? '—' }}</td>
                <td>
                  @if (e.toStage) {
                    {{ e.fromStage ? (stageLabels[e.fromStage] | localized) + ' → ' : ''
                    }}{{ stageLabels[e.toStage] | localized }}
                  } @else {
                    {{ eventKey(e.kind) | t }}
                  }
                </td>
                <td>{{ e.note ?? '' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </xkx-print-sheet>
  `,
})
export class DealPrintComponent {
  private readonly api = inject(DealsApiService);

  /** The deal's code (D2026-000004), or its uuid in older links. */
  readonly id = input.required<string>();
  private readonly address = new CodeAddress(this.id);
  protected readonly deal = this.api.detailResource(this.address.ref);
  private readonly loaded = computed(() => (this.deal.hasValue() ? this.deal.value() : undefined));
  protected readonly timeline = this.api.timelineResource(() => {
    const ref = this.address.ref();
    return isUuid(ref) ? ref.toLowerCase() : this.loaded()?.id;
  });
  protected readonly stageLabels = DEAL_STAGE_LABELS;
  protected readonly eventKey = (kind: string): MessageKey => codeMessageKey('deal.event', kind);

  constructor() {
    this.address.follow(this.loaded, (code) => ['/print/deals', code]);
  }

  protected readonly pricingLabels = PRICING_METHOD_LABELS;
  protected readonly registrationLabels = REGISTRATION_STATUS_LABELS;
  protected readonly sideKeys = SIDE_KEYS;
  protected readonly reference = computed(() =>
    this.deal.hasValue() ? (this.deal.value()?.code ?? '') : '',
  );
  protected readonly brokerNames = computed(() => {
    const d = this.deal.hasValue() ? this.deal.value() : undefined;
    return d ? d.brokers.map((b) => b.name).join('、') || '—' : '';
  });
}
