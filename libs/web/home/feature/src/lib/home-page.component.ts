import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PRIORITY_CHAINS } from '@xkx/contracts';
import { PlatformApiService } from '@xkx/web/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { StatCardComponent } from '@xkx/web/ui';
import { KpiHeadlineComponent } from './kpi-headline.component';

/** The public landing page: what 霞科行 is, the year's progress against the district's targets, and live figures counted by the API. */
@Component({
  selector: 'xkx-home-page',
  imports: [RouterLink, MatButtonModule, MatChipsModule, MatIconModule, MatProgressBarModule, KpiHeadlineComponent, StatCardComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
})
export class HomePageComponent {
  private readonly i18n = inject(I18nService);
  protected readonly overview = inject(PlatformApiService).overview();
  /** Year to date, aggregate only (GET /api/kpis/public, no sign-in). */
  protected readonly kpis = inject(KpisApiService).publicHeadlineResource();
  protected readonly chains = computed(() => {
    const locale = this.i18n.locale();
    return PRIORITY_CHAINS.map((chain) => ({ code: chain.code, label: chain[locale] }));
  });
}
