import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { RouterLink } from '@angular/router';
import { API_PREFIX, CARRIER_KIND_LABELS, CarrierKind, CarrierList, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FenPipe } from '@xkx/web/deals/ui';

/** The public directory of 科创载体: kind filter, available area, rent range (fen per m² per month), fields. */
@Component({
  selector: 'xkx-carriers-page',
  imports: [MatButtonModule, MatButtonToggleModule, RouterLink, LocalizedPipe, TranslatePipe, FenPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ 'carrier.title' | t }}</h1>
      @if (manage()) {
        <a mat-stroked-button routerLink="new" data-testid="carrier-new">{{ 'carrier.new' | t }}</a>
      }
      <mat-button-toggle-group [value]="kind()" (change)="kind.set($event.value)" aria-label="kind" data-testid="carrier-kind">
        <mat-button-toggle value="">{{ 'carrier.all' | t }}</mat-button-toggle>
        @for (k of kinds; track k) {
          <mat-button-toggle [value]="k">{{ labels[k] | localized }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (list.hasValue() ? list.value() : undefined; as l) {
        <ul class="list" data-testid="carrier-list">
          @for (c of l.items; track c.id) {
            <li>
              <a [routerLink]="[c.id]"><strong>{{ c.nameZh }}</strong></a> · {{ labels[c.kind] | localized }}
              <p>{{ c.address }}</p>
              <p>{{ 'carrier.available' | t: { area: c.availableAreaM2 } }}
                @if (c.priceMinFenPerM2Month !== null && c.priceMaxFenPerM2Month !== null) {
                  · {{ 'carrier.rent' | t }} ¥{{ c.priceMinFenPerM2Month | fen }}–{{ c.priceMaxFenPerM2Month | fen }}
                }
              </p>
              @if (c.illustrative) { <p class="muted">{{ 'carrier.illustrative' | t }}</p> }
            </li>
          } @empty {
            <li class="muted">{{ 'carrier.none' | t }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .page { max-width: 960px; margin: 0 auto; padding: 16px; }
    .list { list-style: none; padding: 0; }
    .list li { padding: 12px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .list p { margin: 4px 0; }
    .muted { font: var(--mat-sys-body-small); }
  `,
})
export class CarriersPageComponent {
  private readonly session = inject(AuthSession);
  protected readonly manage = computed(() => this.session.can(Permission.CARRIER_MANAGE));
  protected readonly kinds = Object.values(CarrierKind);
  protected readonly labels = CARRIER_KIND_LABELS;
  protected readonly kind = signal<CarrierKind | ''>('');
  protected readonly list = httpResource<CarrierList>(() => ({ url: `/${API_PREFIX}/carriers`, params: { limit: 200, ...(this.kind() ? { kind: this.kind() } : {}) } }));
}
