import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ORGANIZATION_KIND_LABELS, OrganizationSummary } from '@xkx/contracts';
import { FieldErrorPipe } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/** The control holds the typed text until an organization is chosen, then the organization. */
export type OrganizationChoice = OrganizationSummary | string | null;

/**
 * Type a name, pinyin or initials and choose. Presentational: it emits what was typed and shows the
 * options it is given; the page does the searching.
 */
@Component({
  selector: 'xkx-organization-autocomplete',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="full">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="auto"
        [attr.data-testid]="testId()"
        (input)="typed($event)"
        (focus)="focused()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display">
        @for (org of options(); track org.id) {
          <mat-option [value]="org" [attr.data-testid]="testId() + '-option'">
            {{ org.nameZh }}
            <span class="kind">{{ kindLabels[org.kind] | localized }}</span>
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() || ('org.searchHint' | t) }}</mat-hint>
      <mat-error>{{ control() | fieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .full { width: 100%; }
    .kind { margin-left: 8px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
})
export class OrganizationAutocompleteComponent {
  readonly control = input.required<FormControl<OrganizationChoice>>();
  readonly options = input.required<readonly OrganizationSummary[]>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly testId = input('organization');
  readonly lookup = output<string>();

  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly display = (value: OrganizationChoice): string =>
    typeof value === 'string' ? value : (value?.nameZh ?? '');

  protected typed(event: Event): void {
    this.lookup.emit((event.target as HTMLInputElement).value);
  }

  protected focused(): void {
    const value = this.control().value;
    this.lookup.emit(typeof value === 'string' ? value : '');
  }
}
