import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Indicator } from '@xkx/contracts';
import { TranslatePipe } from '@xkx/web/i18n';

/** 技术指标: name, value, unit. */
@Component({
  selector: 'xkx-indicators-table',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (indicators().length) {
      <table data-testid="indicators-table">
        <thead>
          <tr>
            <th scope="col">{{ 'listing.indicatorName' | t }}</th>
            <th scope="col">{{ 'listing.indicatorValue' | t }}</th>
            <th scope="col">{{ 'listing.indicatorUnit' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (i of indicators(); track $index) {
            <tr>
              <td>{{ i.name }}</td>
              <td>{{ i.value }}</td>
              <td>{{ i.unit ?? '' }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="muted">{{ 'listing.noIndicators' | t }}</p>
    }
  `,
  styles: `
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    th { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class IndicatorsTableComponent {
  readonly indicators = input.required<readonly Indicator[]>();
}
