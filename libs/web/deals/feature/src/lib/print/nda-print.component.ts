import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DealSide } from '@xkx/contracts';
import { CodeAddress } from '@xkx/web/data-access';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { PrintSheetComponent } from './print-sheet.component';

const SIDE_KEYS: Record<DealSide, MessageKey> = {
  INSTITUTION: 'deal.sideInstitution',
  ENTERPRISE: 'deal.sideEnterprise',
  BROKER: 'deal.sideBroker',
};

/**
 * /print/deals/:id/nda: the signed NDA: its text and, for each signature, who, which side, which version,
 * when, from which address (brokers see it) and the SHA-256 of the text signed, which proves the wording.
 */
@Component({
  selector: 'xkx-nda-print',
  imports: [DatePipe, PrintSheetComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <xkx-print-sheet
      kind="nda"
      [heading]="'print.ndaTitle' | t"
      [reference]="reference()"
      [loading]="deal.isLoading() || text.isLoading()"
      [failed]="!!deal.error() || !!text.error()"
    >
      @if (deal.hasValue() ? deal.value() : undefined; as d) {
        @if (text.hasValue() ? text.value() : undefined; as n) {
          <h2 data-testid="print-nda-title">{{ n.title }} · v{{ n.version }}</h2>
          <p class="doc-text">{{ n.body }}</p>
          <p class="doc-hash">{{ 'print.ndaTextHash' | t }} {{ n.textHash }}</p>
          @if (otherVersion()) {
            <p class="doc-text">{{ 'print.ndaOtherVersion' | t }}</p>
          }
        }
        <h2 class="doc-page-break">{{ 'print.ndaSignatures' | t }}</h2>
        <table data-testid="print-nda-signatures">
          <thead>
            <tr>
              <th scope="col">{{ 'print.person' | t }}</th>
              <th scope="col">{{ 'print.side' | t }}</th>
              <th scope="col">{{ 'print.ndaVersion' | t }}</th>
              <th scope="col">{{ 'print.ndaSignedAt' | t }}</th>
              <th scope="col">{{ 'print.ndaAddress' | t }}</th>
              <th scope="col">{{ 'print.ndaHash' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (s of d.nda.signatures; track s.userId) {
              <tr>
                <td>{{ s.name }}</td>
                <td>{{ sideKeys[s.side] | t }}</td>
                <td>v{{ s.ndaVersion }}</td>
                <td>{{ s.signedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
                <td>{{ s.ip ?? '—' }}</td>
                <td class="doc-hash">{{ s.textHash ?? '—' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">{{ 'print.ndaNoSignatures' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
        <p>{{ (d.nda.allSigned ? 'print.ndaAllSigned' : 'print.ndaNotAllSigned') | t }}</p>
      }
    </xkx-print-sheet>
  `,
  styles: `
    .doc-hash {
      font-family: monospace;
      font-size: 8pt;
      word-break: break-all;
    }
  `,
})
export class NdaPrintComponent {
  private readonly api = inject(DealsApiService);

  /** The deal's code (D2026-000004), or its uuid in older links. */
  readonly id = input.required<string>();
  private readonly address = new CodeAddress(this.id);
  protected readonly deal = this.api.detailResource(this.address.ref);
  private readonly loaded = computed(() => (this.deal.hasValue() ? this.deal.value() : undefined));
  protected readonly text = this.api.ndaTextResource(() => true);
  protected readonly sideKeys = SIDE_KEYS;

  constructor() {
    this.address.follow(this.loaded, (code) => ['/print/deals', code, 'nda']);
  }

  protected readonly reference = computed(() =>
    this.deal.hasValue() ? (this.deal.value()?.code ?? '') : '',
  );
  /** A signature on an earlier version: the text shown is today's; the hash in the record is the proof. */
  protected readonly otherVersion = computed(() => {
    const d = this.deal.hasValue() ? this.deal.value() : undefined;
    const n = this.text.hasValue() ? this.text.value() : undefined;
    return !!d && !!n && d.nda.signatures.some((s) => s.ndaVersion !== n.version);
  });
}
