import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** One headline figure with its label. Presentational: inputs only. */
@Component({
  selector: 'xkx-stat-card',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="stat" [attr.data-testid]="testId()">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <div class="value">{{ value() }}</div>
      <div class="label">{{ label() }}</div>
    </div>
  `,
  styles: `
    .stat {
      display: grid;
      justify-items: center;
      gap: 4px;
      padding: 20px 12px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    mat-icon { color: var(--mat-sys-primary); }
    .value { font-size: 2.25rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .label { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class StatCardComponent {
  readonly value = input.required<number | string>();
  readonly label = input.required<string>();
  readonly icon = input('insights');
  readonly testId = input<string>();
}
