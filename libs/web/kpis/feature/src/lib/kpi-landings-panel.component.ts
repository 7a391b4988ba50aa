import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { API_PREFIX, CultivationReport, KpiView, LandingDimension, LandingKpi, LandingRecords } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { yuanText } from '@xkx/web/kpis/util';

/**
 * Issue 16 on the district dashboard: landed projects of the year (by carrier, by field; a row lists the
 * landings behind it, whose totals equal it) and enterprise cultivation (高企, 专精特新, statuses expiring).
 */
@Component({
  selector: 'xkx-kpi-landings-panel',
  imports: [MatButtonModule, RouterLink, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (landings.hasValue() ? landings.value() : undefined; as k) {
      <div class="card" data-testid="kpi-landings">
        <h3>{{ 'landing.kpi.title' | t }}</h3>
        <p class="figures">
          <span>{{ 'landing.kpi.landings' | t }} <strong data-testid="kpi-landings-count">{{ k.figures.landings }}</strong></span>
          <span>{{ 'landing.kpi.area' | t }} <strong data-testid="kpi-landings-area">{{ k.figures.areaM2 }}</strong></span>
          <span>{{ 'landing.kpi.jobs' | t }} <strong data-testid="kpi-landings-jobs">{{ k.figures.jobsPlanned }}</strong></span>
        </p>
        @if (k.notCounted) {
          <p class="note">{{ 'landing.kpi.notCounted' | t: { n: k.notCounted } }}</p>
        }
        <div class="bars">
          @for (group of [{ dim: 'CARRIER', bars: k.byCarrier }, { dim: 'FIELD', bars: k.byField }]; track group.dim) {
            <table>
              <caption>{{ (group.dim === 'CARRIER' ? 'landing.kpi.byCarrier' : 'landing.kpi.byField') | t }}</caption>
              <tbody>
                @for (b of group.bars; track b.key) {
                  <tr>
                    <td><button mat-button type="button" (click)="open(group.dim, b.key)" [attr.data-testid]="'kpi-landing-bar-' + b.key">{{ b.label | localized }}</button></td>
                    <td class="num">{{ b.landings }}</td>
                    <td class="num">{{ b.areaM2 }} ㎡</td>
                    <td class="num">{{ b.jobsPlanned }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </div>
        @if (records.hasValue() ? records.value() : undefined; as r) {
          <table data-testid="kpi-landing-records">
            <caption>{{ 'landing.kpi.records' | t }}</caption>
            <tbody>
              @for (row of r.items; track row.landingId) {
                <tr>
                  <td><a [routerLink]="['/deals', row.dealCode]">{{ row.dealCode }}</a></td>
                  <td>{{ row.companyName }}</td>
                  <td>{{ row.carrierName }}</td>
                  <td>{{ row.landedOn }}</td>
                  <td class="num">{{ row.areaM2 }} ㎡</td>
                  <td class="num">{{ row.jobsPlanned }}</td>
                </tr>
              }
              <tr class="total">
                <td colspan="4">∑ {{ r.totals.landings }}</td>
                <td class="num">{{ r.totals.areaM2 }} ㎡</td>
                <td class="num">{{ r.totals.jobsPlanned }}</td>
              </tr>
            </tbody>
          </table>
        }
        @for (d of k.definitions; track d.key) {
          <p class="definition">{{ d.text | localized }}</p>
        }
      </div>
    }
    @if (cultivation.hasValue() ? cultivation.value() : undefined; as c) {
      <div class="card" data-testid="kpi-cultivation">
        <h3>{{ 'cultivation.title' | t }}</h3>
        @for (f of c.figures; track f.status) {
          <p [attr.data-testid]="'kpi-cultivation-' + f.status">
            <strong>{{ statusKeys[f.status] | t }}</strong>：{{ 'cultivation.enterprises' | t: { n: f.enterprises } }}，{{ 'cultivation.contracts' | t: { n: f.contracts } }}（¥{{ yuan(f.contractAmountFen) }}）
          </p>
        }
        <h4>{{ 'cultivation.expiring' | t }}</h4>
        @for (e of c.expiring; track e.organizationId + e.status) {
          <p data-testid="kpi-cultivation-expiring">{{ e.name }} · {{ statusKeys[e.status] | t }} · {{ e.certificateNo ?? '' }} · {{ e.expiresOn }}</p>
        } @empty {
          <p class="note">{{ 'cultivation.expiringNone' | t }}</p>
        }
        @for (d of c.definitions; track d.key) {
          <p class="definition">{{ d.text | localized }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host { display: contents; }
    .figures { display: flex; gap: 24px; flex-wrap: wrap; }
    .bars { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
    table { width: 100%; border-collapse: collapse; margin: 8px 0; }
    caption { text-align: left; font: var(--mat-sys-title-small); }
    .num { text-align: right; }
    .total td { font-weight: 600; border-top: 1px solid var(--mat-sys-outline-variant); }
    .note, .definition { font: var(--mat-sys-body-small); }
  `,
})
export class KpiLandingsPanelComponent {
  readonly year = input.required<number>();
  readonly view = input.required<KpiView>();

  protected readonly yuan = yuanText;
  protected readonly statusKeys = { HIGH_TECH: 'cultivation.HIGH_TECH', SPECIALIZED: 'cultivation.SPECIALIZED' } as const;
  private readonly selected = signal<{ dimension: LandingDimension; key: string } | null>(null);

  protected readonly landings = httpResource<LandingKpi>(() => ({ url: `/${API_PREFIX}/kpis/landings`, params: { year: this.year(), view: this.view() } }));
  protected readonly cultivation = httpResource<CultivationReport>(() => ({ url: `/${API_PREFIX}/kpis/cultivation`, params: { year: this.year(), view: this.view() } }));
  protected readonly records = httpResource<LandingRecords>(() => {
    const s = this.selected();
    return s ? { url: `/${API_PREFIX}/kpis/landings/records`, params: { year: this.year(), view: this.view(), dimension: s.dimension, key: s.key } } : undefined;
  });

  protected open(dimension: string, key: string): void {
    this.selected.set({ dimension: dimension as LandingDimension, key });
  }
}
