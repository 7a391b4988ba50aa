import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@xkx/web/i18n';

/** A match score in [0, 1] as a bar and a percentage. */
@Component({
  selector: 'xkx-score-bar',
  imports: [DecimalPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="label">{{ 'match.score' | t }}</span>
    <span
      class="track"
      role="meter"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-label]="'match.score' | t"
    >
      <span class="fill" [class]="band()" [style.width.%]="percent()"></span>
    </span>
    <span class="value" data-testid="match-score">{{ percent() | number: '1.0-0' }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-width: 180px;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .track {
      flex: 1;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
      min-width: 80px;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 4px;
      background: var(--mat-sys-outline);
    }
    .fill.high {
      background: var(--mat-sys-primary);
    }
    .fill.mid {
      background: var(--mat-sys-tertiary);
    }
    .value {
      font: var(--mat-sys-title-small);
      min-width: 2.5em;
      text-align: right;
    }
  `,
})
export class ScoreBarComponent {
  readonly score = input.required<number>();
  protected readonly percent = computed(() => Math.round(Math.min(1, Math.max(0, this.score())) * 100));
  protected readonly band = computed(() =>
    this.percent() >= 70 ? 'fill high' : this.percent() >= 40 ? 'fill mid' : 'fill',
  );
}
