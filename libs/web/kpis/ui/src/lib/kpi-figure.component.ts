import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@xkx/web/i18n';
import { percentText } from '@xkx/web/kpis/util';

/** One headline figure with its definition next to it, the year before, and a way to its records. */
@Component({
  selector: 'xkx-kpi-figure',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="figure" [attr.data-testid]="testId()" [attr.data-value]="raw()">
      <h3>{{ label() }}</h3>
      <p class="value">{{ value() }}</p>
      @if (previous() !== null) {
        <p class="yoy">
          {{ 'kpi.previousYear' | t }} {{ previous() }}
          @if (growthBp() !== null) {
            <span [class.up]="(growthBp() ?? 0) >= 0" [class.down]="(growthBp() ?? 0) < 0">{{ growth() }}</span>
          }
        </p>
      }
      <p class="definition" data-testid="kpi-definition">{{ definition() }}</p>
      <button mat-button type="button" data-testid="figure-records" (click)="drill.emit()">
        <mat-icon>list_alt</mat-icon> {{ 'kpi.showRecords' | t }}
      </button>
    </article>
  `,
  styles: `
    .figure { display: flex; flex-direction: column; gap: 4px; height: 100%; box-sizing: border-box; padding: 16px; border-radius: 16px; background: var(--mat-sys-surface-container); }
    h3 { margin: 0; font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface-variant); }
    .value { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; word-break: break-all; }
    .yoy { margin: 0; font: var(--mat-sys-body-small); }
    .up { color: #1b7f3b; }
    .down { color: var(--mat-sys-error); }
    .definition { margin: 4px 0 0; flex: 1; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); line-height: 1.5; }
    button { align-self: flex-start; }
  `,
})
export class KpiFigureComponent {
  readonly label = input.required<string>();
  /** The figure as shown (exact yuan or a count). */
  readonly value = input.required<string>();
  /** The figure as the API gave it (fen or a count), for tests and tools. */
  readonly raw = input.required<number>();
  readonly definition = input.required<string>();
  readonly previous = input<string | null>(null);
  readonly growthBp = input<number | null>(null);
  readonly testId = input<string>();
  readonly drill = output<void>();

  protected readonly growth = computed(() => {
    const bp = this.growthBp();
    return bp === null ? '' : `${bp >= 0 ? '+' : ''}${percentText(bp)}`;
  });
}
