import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PRICING_METHOD_LABELS } from '@xkx/contracts';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { PrintSheetComponent } from './print-sheet.component';

/**
 * /print/notices/:id: the 公示 notice as posted (public, like the portal's notice list): the project,
 * the parties, the intended price and how it was set, the period, and how to object.
 */
@Component({
  selector: 'xkx-notice-print',
  imports: [PrintSheetComponent, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-print-sheet
      kind="notice"
      [heading]="'print.noticeTitle' | t"
      [reference]="reference()"
      [loading]="notice.isLoading()"
      [failed]="!!notice.error()"
    >
      @if (notice.hasValue() ? notice.value() : undefined; as n) {
        <p class="doc-text">{{ 'print.noticeIntro' | t }}</p>
        <table>
          <tbody>
            <tr>
              <th scope="row">{{ 'print.projectName' | t }}</th>
              <td data-testid="print-notice-title">{{ n.title }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.transferor' | t }}</th>
              <td>{{ n.institutionName }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.transferee' | t }}</th>
              <td>{{ n.enterpriseName }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.transferMode' | t }}</th>
              <td>{{ n.transferMode ?? '—' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.intendedPrice' | t }}</th>
              <td class="num">{{ n.intendedPriceFen | fen: 'exact' }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.pricingMethod' | t }}</th>
              <!-- Notices opened before the method was recorded were priced by agreement (the API's rule). -->
              <td>{{ pricingLabels[n.pricingMethod ?? 'AGREEMENT'] | localized }}</td>
            </tr>
            <tr>
              <th scope="row">{{ 'print.noticePeriod' | t }}</th>
              <td data-testid="print-notice-period">{{ n.startsOn }} – {{ n.endsOn }}</td>
            </tr>
          </tbody>
        </table>
        <p class="doc-text">
          {{
            (n.withdrawn ? 'print.noticeWithdrawn' : n.ended ? 'print.noticeEnded' : 'print.noticeObject') | t
          }}
        </p>
      }
    </xkx-print-sheet>
  `,
})
export class NoticePrintComponent {
  readonly id = input.required<string>();
  protected readonly notice = inject(DealsApiService).publicNoticeResource(this.id);
  protected readonly pricingLabels = PRICING_METHOD_LABELS;
  protected readonly reference = computed(() => {
    const n = this.notice.hasValue() ? this.notice.value() : undefined;
    return n ? `${n.startsOn} – ${n.endsOn}` : '';
  });
}
