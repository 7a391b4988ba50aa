import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MessageKey, TranslatePipe } from '@xkx/web/i18n';

/** The year picker every ledger page starts with. */
@Component({
  selector: 'xkx-kpi-year-select',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() | t }}</mat-label>
      <mat-select [attr.data-testid]="testId()" [value]="year()" (valueChange)="yearChange.emit($event)">
        @for (y of years(); track y) {
          <mat-option [value]="y">{{ y }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class KpiYearSelectComponent {
  readonly years = input.required<readonly number[]>();
  readonly year = input.required<number>();
  readonly testId = input.required<string>();
  readonly label = input<MessageKey>('kpi.year');
  readonly yearChange = output<number>();
}
