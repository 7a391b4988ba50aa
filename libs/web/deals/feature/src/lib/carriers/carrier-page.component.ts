import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { API_PREFIX, CARRIER_KIND_LABELS, CarrierDetail, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FenPipe } from '@xkx/web/deals/ui';

/** One 科创载体 with its contact, suited fields and the landings recorded in it. */
@Component({
  selector: 'xkx-carrier-page',
  imports: [MatButtonModule, RouterLink, LocalizedPipe, TranslatePipe, FenPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (carrier.hasValue() ? carrier.value() : undefined; as c) {
      <section class="page" data-testid="carrier-detail">
        <h1>{{ c.nameZh }}</h1>
        @if (manage()) {
          <a mat-stroked-button [routerLink]="['/carriers', c.id, 'edit']" data-testid="carrier-edit">{{ 'carrier.edit' | t }}</a>
        }
        <p>{{ labels[c.kind] | localized }} · {{ c.address }}</p>
        <p>{{ 'carrier.available' | t: { area: c.availableAreaM2 } }}
          @if (c.totalAreaM2 !== null) { / {{ 'carrier.total' | t: { area: c.totalAreaM2 } }} }
        </p>
        @if (c.priceMinFenPerM2Month !== null && c.priceMaxFenPerM2Month !== null) {
          <p>{{ 'carrier.rent' | t }} ¥{{ c.priceMinFenPerM2Month | fen }}–{{ c.priceMaxFenPerM2Month | fen }}</p>
        }
        <p>{{ 'carrier.fields' | t }}：{{ c.fieldCodes.join('、') }}</p>
        @if (c.description) { <p>{{ c.description }}</p> }
        <p>{{ 'carrier.contact' | t }}：{{ c.contactName }} {{ c.contactPhone }} {{ c.contactEmail ?? '' }}</p>
        <p>{{ 'carrier.landings' | t: { n: c.landings } }}</p>
        @if (c.illustrative) { <p class="muted">{{ 'carrier.illustrative' | t }}</p> }
      </section>
    }
  `,
  styles: `
    .page { max-width: 960px; margin: 0 auto; padding: 16px; }
    .muted { font: var(--mat-sys-body-small); }
  `,
})
export class CarrierPageComponent {
  readonly id = input.required<string>();
  private readonly session = inject(AuthSession);
  protected readonly manage = computed(() => this.session.can(Permission.CARRIER_MANAGE));
  protected readonly labels = CARRIER_KIND_LABELS;
  protected readonly carrier = httpResource<CarrierDetail>(() => ({ url: `/${API_PREFIX}/carriers/${this.id()}` }));
}
