import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PRICING_METHOD_LABELS } from '@xkx/contracts';
import { PublicNoticesApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/**
 * /notices (公示公告): the public page of results priced by agreement — project, parties, exact price,
 * pricing method and period — current ones by default, past ones on request. No sign-in.
 */
@Component({
  selector: 'xkx-notices-page',
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, MatProgressBarModule, FenPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'notice.heading' | t }}</h1>
    <p class="intro">{{ 'notice.intro' | t }}</p>
    <mat-button-toggle-group
      [value]="includeEnded() ? 'all' : 'current'"
      (change)="includeEnded.set($event.value === 'all')"
      [attr.aria-label]="'notice.heading' | t"
      data-testid="notices-filter"
    >
      <mat-button-toggle value="current" data-testid="notices-current">{{ 'notice.current' | t }}</mat-button-toggle>
      <mat-button-toggle value="all" data-testid="notices-all">{{ 'notice.all' | t }}</mat-button-toggle>
    </mat-button-toggle-group>
    @if (notices.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (notices.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="notices.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (notices.hasValue()) {
      <ul class="notices" data-testid="notices-list">
        @for (n of notices.value().items; track n.id) {
          <li data-testid="notice-item" [attr.data-id]="n.id" [attr.data-ended]="n.ended">
            <h2>
              <a [routerLink]="['/notices', n.id]" data-testid="notice-link">{{ n.title }}</a>
              <span class="status" [class.ended]="n.ended">{{ (n.ended ? 'notice.ended' : 'notice.running') | t }}</span>
            </h2>
            <dl>
              <div>
                <dt>{{ 'notice.institution' | t }}</dt>
                <dd>{{ n.institutionName }}</dd>
              </div>
              <div>
                <dt>{{ 'notice.enterprise' | t }}</dt>
                <dd>{{ n.enterpriseName }}</dd>
              </div>
              <div>
                <dt>{{ 'notice.price' | t }}</dt>
                <dd class="num" data-testid="notice-price">{{ n.intendedPriceFen | fen: 'exact' }}</dd>
              </div>
              <div>
                <dt>{{ 'notice.pricingMethod' | t }}</dt>
                <dd data-testid="notice-pricing">{{ pricingLabels[n.pricingMethod ?? 'AGREEMENT'] | localized }}</dd>
              </div>
              <div>
                <dt>{{ 'notice.period' | t }}</dt>
                <dd data-testid="notice-period">{{ n.startsOn }} – {{ n.endsOn }}</dd>
              </div>
            </dl>
          </li>
        } @empty {
          <li class="muted">{{ 'notice.none' | t }}</li>
        }
      </ul>
    }
  `,
  styleUrl: './notices.scss',
})
export class NoticesPageComponent {
  private readonly api = inject(PublicNoticesApiService);
  protected readonly includeEnded = signal(false);
  protected readonly notices = this.api.listResource(this.includeEnded);
  protected readonly pricingLabels = PRICING_METHOD_LABELS;
}
