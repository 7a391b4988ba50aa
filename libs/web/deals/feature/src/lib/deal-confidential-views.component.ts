import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NdaApiService } from '@xkx/web/deals/data-access';
import { ConfidentialViewRow, ConfidentialViewsComponent } from '@xkx/web/deals/ui';
import { TranslatePipe } from '@xkx/web/i18n';
import { DealListingRef } from '@xkx/contracts';

/**
 * The deal page's 查阅记录 for its brokers: who saw the confidential layer of the deal's result and need,
 * newest first; loaded when opened.
 */
@Component({
  selector: 'xkx-deal-confidential-views',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, ConfidentialViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="deal-confidential-views">
      <h2>{{ 'nda.viewsTitle' | t }}</h2>
      <button mat-stroked-button type="button" (click)="open.set(!open())" data-testid="confidential-views-toggle">
        {{ (open() ? 'nda.viewsHide' : 'nda.viewsShow') | t }}
      </button>
      @if (open()) {
        <p class="lead">{{ 'nda.viewsLead' | t }}</p>
        @if (resultViews.isLoading() || needViews.isLoading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (resultViews.error() || needViews.error()) {
          <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
        } @else if (rows(); as r) {
          <xkx-confidential-views [rows]="r" />
        }
      }
    </section>
  `,
  styles: `
    .lead { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .alert { padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class DealConfidentialViewsComponent {
  private readonly api = inject(NdaApiService);
  readonly result = input<DealListingRef | null>(null);
  readonly need = input<DealListingRef | null>(null);

  protected readonly open = signal(false);
  protected readonly resultViews = this.api.viewsResource(() => {
    const r = this.result();
    return this.open() && r ? { kind: r.kind, id: r.id } : undefined;
  });
  protected readonly needViews = this.api.viewsResource(() => {
    const n = this.need();
    return this.open() && n ? { kind: n.kind, id: n.id } : undefined;
  });
  /** Both listings' views, newest first; null until every requested log has loaded. */
  protected readonly rows = computed<ConfidentialViewRow[] | null>(() => {
    const parts: Array<[DealListingRef | null, ReturnType<NdaApiService['viewsResource']>]> = [
      [this.result(), this.resultViews],
      [this.need(), this.needViews],
    ];
    const rows: ConfidentialViewRow[] = [];
    for (const [listing, views] of parts) {
      if (!listing) continue;
      if (!views.hasValue()) return null;
      rows.push(...views.value().map((view) => ({ view, kind: listing.kind, title: listing.title })));
    }
    return rows.sort((a, b) => b.view.at.localeCompare(a.view.at));
  });
}
