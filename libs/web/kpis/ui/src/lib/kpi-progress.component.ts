import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@xkx/web/i18n';
import { percentText, progressWidth } from '@xkx/web/kpis/util';

/** Actual against the yearly target: a bar and the exact words (progress in basis points from the API). */
@Component({
  selector: 'xkx-kpi-progress',
  imports: [MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="progress" [attr.data-testid]="testId()" [attr.data-bp]="bp()">
      <div class="head">
        <span class="label">{{ label() }}</span>
        <span class="percent">{{ percent() }}</span>
      </div>
      <div class="bar">
        <mat-progress-bar mode="determinate" [value]="width()" [attr.aria-label]="label()" />
        @if (expectedBp() !== null) {
          <span class="expected" [style.left.%]="expectedWidth()" aria-hidden="true"></span>
        }
      </div>
      <div class="numbers">
        <span>{{ 'kpi.actual' | t }} <strong>{{ actual() }}</strong></span>
        <span>{{ 'kpi.target' | t }} <strong>{{ target() }}</strong></span>
      </div>
      @if (expectedBp() !== null) {
        <div class="pace" [class.behind]="gap() < 0" [attr.data-testid]="testId() + '-pace'" [attr.data-expected-bp]="expectedBp()" [attr.data-gap-bp]="gap()">
          {{ 'ledger.pace' | t: { elapsed: expectedText() } }}
          <strong>{{ (gap() < 0 ? 'ledger.paceBehind' : 'ledger.paceAhead') | t: { gap: gapText() } }}</strong>
        </div>
      }
    </div>
  `,
  styles: `
    .progress { display: grid; gap: 6px; }
    .head, .numbers { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
    .label { font: var(--mat-sys-title-small); }
    .percent { font-weight: 600; font-variant-numeric: tabular-nums; }
    .numbers { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    strong { color: var(--mat-sys-on-surface); font-variant-numeric: tabular-nums; }
    .bar { position: relative; }
    .expected { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--mat-sys-on-surface); }
    .pace { font: var(--mat-sys-body-small); }
    .pace.behind strong { color: var(--mat-sys-error); }
  `,
})
export class KpiProgressComponent {
  readonly label = input.required<string>();
  readonly actual = input.required<string>();
  readonly target = input.required<string>();
  readonly bp = input.required<number | null>();
  readonly testId = input<string>();
  /** Pace: the share of the year elapsed (where the figure would be at an even pace); null hides it. */
  readonly expectedBp = input<number | null>(null);

  protected readonly width = computed(() => progressWidth(this.bp()));
  protected readonly percent = computed(() => percentText(this.bp()));
  protected readonly expectedWidth = computed(() => progressWidth(this.expectedBp()));
  protected readonly expectedText = computed(() => percentText(this.expectedBp()));
  protected readonly gap = computed(() => (this.bp() ?? 0) - (this.expectedBp() ?? 0));
  protected readonly gapText = computed(() => percentText(Math.abs(this.gap())));
}
