import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@xkx/web/i18n';
import { ListingStatusComponent } from './listing-status.component';
import { Duplicate } from '@xkx/contracts';

/** Possible duplicates with why: a shared patent number, a near-identical title. */
@Component({
  selector: 'xkx-duplicates-list',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, ListingStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="dups" data-testid="duplicates">
      @for (d of duplicates(); track d.id) {
        <li data-testid="duplicate" [class.selected]="d.id === selected()">
          <div class="line">
            <span class="code">{{ d.code }}</span>
            <strong>{{ d.title }}</strong>
            <xkx-listing-status [status]="d.status" />
          </div>
          <div class="why">
            @for (r of d.reasons; track r) {
              <span class="reason">{{ (r === 'PATENT_NUMBER' ? 'dup.patent' : 'dup.title.reason') | t }}</span>
            }
            @if (d.sharedNumbers.length) {
              <span>{{ 'dup.shared' | t }}: <span class="mono">{{ d.sharedNumbers.join(', ') }}</span></span>
            }
            <span class="muted">{{ 'dup.similarity' | t: { n: percent(d.similarity) } }}</span>
            @if (comparable()) {
              <button mat-button type="button" data-testid="compare" (click)="compare.emit(d)">
                <mat-icon>compare</mat-icon> {{ 'dup.compare' | t }}
              </button>
            }
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .dups { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
    li { padding: 10px 14px; border-radius: 12px; background: var(--mat-sys-surface-container); }
    li.selected { outline: 2px solid var(--mat-sys-primary); }
    .line { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .why { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 4px; font: var(--mat-sys-body-small); }
    .reason { padding: 1px 8px; border-radius: 6px; background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .code, .muted { color: var(--mat-sys-on-surface-variant); }
    .mono { font-family: ui-monospace, monospace; }
  `,
})
export class DuplicatesListComponent {
  readonly duplicates = input.required<readonly Duplicate[]>();
  readonly comparable = input(false);
  readonly selected = input<string | null>(null);
  readonly compare = output<Duplicate>();

  protected percent(similarity: number): number {
    return Math.round(similarity * 100);
  }
}
