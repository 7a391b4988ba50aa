import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PRIORITY_CHAINS } from '@xkx/contracts';
import { PlatformApiService } from '@xkx/web/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { StatCardComponent } from '@xkx/web/ui';

/** The public landing page: what 霞科行 is, and live figures counted by the API. */
@Component({
  selector: 'xkx-home-page',
  imports: [RouterLink, MatButtonModule, MatChipsModule, MatIconModule, MatProgressBarModule, StatCardComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
})
export class HomePageComponent {
  private readonly i18n = inject(I18nService);
  protected readonly overview = inject(PlatformApiService).overview();
  protected readonly chains = computed(() => {
    const locale = this.i18n.locale();
    return PRIORITY_CHAINS.map((chain) => ({ code: chain.code, label: chain[locale] }));
  });
}
