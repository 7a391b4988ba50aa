import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ListingKind } from '@xkx/contracts';
import { NdaApiService } from '@xkx/web/deals/data-access';
import { ConfidentialViewRow, ConfidentialViewsComponent } from '@xkx/web/deals/ui';
import { TranslatePipe } from '@xkx/web/i18n';

/** 查阅记录 on a listing's page for those who manage it: who saw its confidential layer; loaded when opened. */
@Component({
  selector: 'xkx-listing-confidential-views',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, ConfidentialViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" data-testid="listing-confidential-views">
      <h2>{{ 'nda.viewsTitle' | t }}</h2>
      <button mat-stroked-button type="button" (click)="open.set(!open())" data-testid="confidential-views-toggle">
        {{ (open() ? 'nda.viewsHide' : 'nda.viewsShow') | t }}
      </button>
      @if (open()) {
        <p class="lead">{{ 'nda.viewsLead' | t }}</p>
        @if (views.isLoading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (views.error()) {
          <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
        } @else if (rows(); as r) {
          <xkx-confidential-views [rows]="r" />
        }
      }
    </section>
  `,
  styles: `
    .panel { margin: 16px 0; padding: 16px 24px; border-radius: 20px; background: var(--mat-sys-surface-container-low); }
    h2 { margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    .lead { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .alert { padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class ListingConfidentialViewsComponent {
  readonly kind = input.required<ListingKind>();
  readonly listingId = input.required<string>();
  readonly title = input.required<string>();

  protected readonly open = signal(false);
  protected readonly views = inject(NdaApiService).viewsResource(() => (this.open() ? { kind: this.kind(), id: this.listingId() } : undefined));
  protected readonly rows = computed<ConfidentialViewRow[] | null>(() =>
    this.views.hasValue() ? this.views.value().map((view) => ({ view, kind: this.kind(), title: this.title() })) : null,
  );
}
