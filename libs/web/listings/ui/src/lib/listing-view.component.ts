import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { IP_STATUS_LABELS, IP_TYPE_LABELS, ListingDetail, NEED_TYPE_LABELS, NeedDetail, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, ResultDetail, TRANSFER_MODE_LABELS } from '@xkx/contracts';
import { I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { FieldOption, isResult } from '@xkx/web/listings/util';
import { FieldNamesPipe } from './field-names.pipe';
import { IndicatorsTableComponent } from './indicators-table.component';
import { MoneyPipe } from './money.pipe';

/**
 * A listing's content: the public layer for everyone, and the confidential layer when the API disclosed
 * it (owners, brokers). Patent numbers are shown in full: scouts ask for them first.
 */
@Component({
  selector: 'xkx-listing-view',
  imports: [MatIconModule, LocalizedPipe, TranslatePipe, FieldNamesPipe, IndicatorsTableComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let l = listing();
    <dl class="terms" data-testid="listing-terms">
      @if (result(); as r) {
        <div><dt>{{ 'listing.price' | t }}</dt><dd data-testid="detail-money">{{ r.price | money }}</dd></div>
        <div>
          <dt>{{ 'listing.trl' | t }}</dt>
          <dd data-testid="detail-trl">TRL {{ r.trl }} · {{ stageLabels[r.stage] | localized }}<span class="muted"> — {{ trlKey(r.trl) | t }}</span></dd>
        </div>
        <div><dt>{{ 'listing.form' | t }}</dt><dd>{{ formLabels[r.form] | localized }}</dd></div>
        <div><dt>{{ 'listing.modes' | t }}</dt><dd>{{ modes(r.transferModes) }}</dd></div>
      }
      @if (need(); as n) {
        <div><dt>{{ 'listing.needType' | t }}</dt><dd>{{ needTypeLabels[n.needType] | localized }}</dd></div>
        <div><dt>{{ 'listing.budget' | t }}</dt><dd data-testid="detail-money">{{ n.budget | money }}</dd></div>
        @if (n.bountyFen !== null) {
          <div><dt>{{ 'listing.bounty' | t }}</dt><dd>{{ { negotiable: false, minFen: n.bountyFen, maxFen: n.bountyFen } | money }}</dd></div>
        }
        @if (n.minTrl !== null) {
          <div><dt>{{ 'listing.minTrl' | t }}</dt><dd>TRL {{ n.minTrl }}<span class="muted"> — {{ trlKey(n.minTrl) | t }}</span></dd></div>
        }
        <div><dt>{{ 'listing.cooperationModes' | t }}</dt><dd>{{ modes(n.cooperationModes) }}</dd></div>
        @if (n.deadline) {
          <div><dt>{{ 'listing.deadline' | t }}</dt><dd>{{ n.deadline }}</dd></div>
        }
      }
      <div><dt>{{ 'listing.fields' | t }}</dt><dd>{{ (l.fieldCodes | fieldNames: fields()).join('、') }}</dd></div>
      @if (l.keywords.length) {
        <div><dt>{{ 'listing.keywords' | t }}</dt><dd>{{ l.keywords.join('、') }}</dd></div>
      }
      <div><dt>{{ 'listing.validUntil' | t }}</dt><dd>{{ l.validUntil }}</dd></div>
    </dl>

    <section>
      <h2>{{ 'listing.publicSummary' | t }}</h2>
      <p class="text" data-testid="detail-summary">{{ l.publicSummary }}</p>
    </section>

    @if (result(); as r) {
      <section><h2>{{ 'listing.problemSolved' | t }}</h2><p class="text">{{ r.problemSolved }}</p></section>
      <section><h2>{{ 'listing.advantages' | t }}</h2><p class="text">{{ r.advantages }}</p></section>
    }
    @if (need(); as n) {
      <section><h2>{{ 'listing.problem' | t }}</h2><p class="text">{{ n.problem }}</p></section>
    }

    <section>
      <h2>{{ 'listing.indicators' | t }}</h2>
      <xkx-indicators-table [indicators]="l.indicators" />
    </section>

    @if (result(); as r) {
      <section><h2>{{ 'listing.applications' | t }}</h2><p class="text">{{ r.applications }}</p></section>
      <section>
        <h2>{{ 'listing.ipAssets' | t }}</h2>
        @if (r.ipAssets.length) {
          <table data-testid="ip-table">
            <thead>
              <tr>
                <th scope="col">{{ 'listing.ipType' | t }}</th>
                <th scope="col">{{ 'listing.ipNumber' | t }}</th>
                <th scope="col">{{ 'listing.ipTitle' | t }}</th>
                <th scope="col">{{ 'listing.ipStatus' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (ip of r.ipAssets; track $index) {
                <tr>
                  <td>{{ ipTypeLabels[ip.type] | localized }}</td>
                  <td class="mono" data-testid="ip-number">{{ ip.number }}</td>
                  <td>{{ ip.title ?? '' }}</td>
                  <td>{{ ipStatusLabels[ip.status] | localized }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p class="muted">{{ 'listing.noIp' | t }}</p>
        }
      </section>
      <section>
        <h2>{{ 'listing.ownership' | t }}</h2>
        <dl class="terms">
          <div><dt>{{ 'listing.owners' | t }}</dt><dd>{{ owners(r) }}</dd></div>
          @if (r.inventors.length) {
            <div><dt>{{ 'listing.inventors' | t }}</dt><dd>{{ r.inventors.join('、') }}</dd></div>
          }
          <div><dt>{{ 'listing.serviceInvention' | t }}</dt><dd>{{ (r.serviceInvention ? 'common.yes' : 'common.no') | t }}</dd></div>
        </dl>
      </section>
    }
    @if (need(); as n) {
      @if (n.mustHaves.length) {
        <section><h2>{{ 'listing.mustHaves' | t }}</h2><ul>@for (m of n.mustHaves; track $index) {<li>{{ m }}</li>}</ul></section>
      }
      @if (n.niceToHaves.length) {
        <section><h2>{{ 'listing.niceToHaves' | t }}</h2><ul>@for (m of n.niceToHaves; track $index) {<li>{{ m }}</li>}</ul></section>
      }
    }

    @if (l.confidentialVisible) {
      <section class="confidential" data-testid="confidential">
        <h2><mat-icon inline aria-hidden="true">lock</mat-icon> {{ 'listing.confidentialDetail' | t }}</h2>
        <p class="hint">{{ 'listing.confidentialHint' | t }}</p>
        <p class="text">{{ l.confidentialDetail || ('listing.none' | t) }}</p>
      </section>
    }
  `,
  styles: `
    :host { display: block; }
    h2 { margin: 24px 0 8px; font: var(--mat-sys-title-medium); }
    .terms { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px 24px; margin: 0; }
    dt { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-large); }
    dd { margin: 2px 0 0; }
    .text { white-space: pre-line; line-height: 1.7; margin: 0; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    th { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .mono { font-family: ui-monospace, monospace; }
    .confidential { margin-top: 24px; padding: 4px 20px 16px; border-radius: 16px; border: 1px dashed var(--mat-sys-tertiary); background: var(--mat-sys-surface-container-low); }
    .hint { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); margin: 0 0 8px; }
  `,
})
export class ListingViewComponent {
  private readonly i18n = inject(I18nService);
  readonly listing = input.required<ListingDetail>();
  readonly fields = input.required<ReadonlyMap<string, FieldOption>>();

  protected readonly result = computed<ResultDetail | null>(() => (isResult(this.listing()) ? (this.listing() as ResultDetail) : null));
  protected readonly need = computed<NeedDetail | null>(() => (isResult(this.listing()) ? null : (this.listing() as NeedDetail)));
  protected readonly stageLabels = RESULT_STAGE_LABELS;
  protected readonly formLabels = RESULT_FORM_LABELS;
  protected readonly needTypeLabels = NEED_TYPE_LABELS;
  protected readonly ipTypeLabels = IP_TYPE_LABELS;
  protected readonly ipStatusLabels = IP_STATUS_LABELS;
  private readonly modeLabels = TRANSFER_MODE_LABELS;

  protected trlKey(trl: number): MessageKey {
    return `trl.${Math.min(9, Math.max(1, trl))}` as MessageKey;
  }

  protected modes(modes: readonly (keyof typeof TRANSFER_MODE_LABELS)[]): string {
    return modes.map((m) => this.modeLabels[m]).map((l) => l[this.locale()]).join('、');
  }

  protected owners(r: ResultDetail): string {
    return r.owners.map((o) => (o.sharePercent !== undefined && o.sharePercent !== null ? `${o.name} (${o.sharePercent}%)` : o.name)).join('、');
  }

  private locale(): 'zh-CN' | 'en' {
    return this.i18n.locale();
  }
}
