import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { PRIORITY_CHAINS } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { PlatformApiService } from '@xkx/web/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import { yuan } from '@xkx/web/kpis/util';
import { StatCardComponent } from '@xkx/web/ui';
import { KpiHeadlineComponent } from './kpi-headline.component';

/**
 * The public landing page: what 霞科行 is, a search box, the year's progress against the district's
 * targets, live figures, the newest listings, the fields with their counts, running 公示 and the footer.
 * The listings, counts and notices come in one request (GET /api/portal/home).
 */
@Component({
  selector: 'xkx-home-page',
  imports: [RouterLink, MatButtonModule, MatChipsModule, MatIconModule, MatProgressBarModule, KpiHeadlineComponent, StatCardComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
})
export class HomePageComponent {
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly platform = inject(PlatformApiService);
  protected readonly overview = this.platform.overview();
  protected readonly home = this.platform.home();
  protected readonly site = this.platform.site();
  /** Year to date, aggregate only (GET /api/kpis/public, no sign-in). */
  protected readonly kpis = inject(KpisApiService).publicHeadlineResource();
  protected readonly yuan = yuan;

  /** One chip row per kind: every chain with results, then every chain with needs, each linking to its filtered search. */
  protected readonly fieldRows = computed(() => {
    const locale = this.i18n.locale();
    const fields = this.home.hasValue() ? this.home.value().fields : [];
    const row = (kind: 'results' | 'needs') => ({
      path: `/${kind}`,
      testId: kind === 'results' ? 'home-field-results' : 'home-field-needs',
      label: kind === 'results' ? ('home.fieldsResults' as const) : ('home.fieldsNeeds' as const),
      chips: PRIORITY_CHAINS.map((chain) => ({ code: chain.code, label: chain[locale], count: fields.find((f) => f.code === chain.code)?.[kind] ?? 0 })).filter((chip) => chip.count > 0),
    });
    return [row('results'), row('needs')].filter((r) => r.chips.length > 0);
  });

  protected search(event: Event, text: string, kind: 'results' | 'needs'): void {
    event.preventDefault();
    const q = text.trim();
    void this.router.navigate([`/${kind}`], { queryParams: q ? { q } : {} });
  }

  /** Calendar days left in a notice (its last day counts), on Shanghai's calendar like the API's. */
  protected daysLeft(endsOn: string): string {
    const days = Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${shanghaiDate()}T00:00:00Z`)) / 86_400_000);
    return days <= 0 ? this.i18n.t('home.noticeEndsToday') : this.i18n.t('home.noticeDaysLeft', { n: days + 1 });
  }
}
