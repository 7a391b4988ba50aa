import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { FieldError, INSTRUMENT_PRICE_UNIT_LABELS, INSTRUMENT_REQUEST_STATUS_LABELS, Instrument, InstrumentRequestBody, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { InstrumentsApiService } from '@xkx/web/deals/data-access';
import { FenPipe, InstrumentRequestComponent, InstrumentRequestFormComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/**
 * 大型科研仪器共享 (issue 16): the shared instruments; a signed-in enterprise asks to use one and follows its
 * requests here (status, fee, the laboratory's note, the 技术服务 deal). Laboratories answer on their page.
 */
@Component({
  selector: 'xkx-instruments-page',
  imports: [RouterLink, MatButtonModule, LocalizedPipe, TranslatePipe, FenPipe, InstrumentRequestFormComponent, InstrumentRequestComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ 'instrument.title' | t }}</h1>
      @if (message(); as m) {
        <p role="status" data-testid="instrument-message">{{ m }}</p>
      }
      @if (list.hasValue() ? list.value() : undefined; as l) {
        <ul class="list" data-testid="instrument-list">
          @for (i of l.items; track i.id) {
            <li [attr.data-id]="i.id">
              <strong>{{ i.nameZh }}</strong> · {{ i.model }} · <a [routerLink]="['/laboratories', i.laboratoryId]">{{ i.laboratoryName }}</a>
              <p>{{ i.capability }}</p>
              <p>{{ i.location }} · {{ 'instrument.price' | t }} {{ i.priceFen | fen: 'exact' }} {{ units[i.priceUnit] | localized }}</p>
              <p class="muted">{{ i.bookingTerms }}</p>
              @if (canRequest()) {
                @if (open() === i.id) {
                  <xkx-instrument-request-form [unit]="i.priceUnit" [serverErrors]="errors()" [busy]="busy()" (sent)="request(i, $event)" (cancelled)="open.set(null)" />
                } @else {
                  <button mat-stroked-button type="button" (click)="openForm(i.id)" data-testid="instrument-request">{{ 'instrument.request' | t }}</button>
                }
              }
            </li>
          }
        </ul>
      }
      @if (canRequest()) {
        <h2>{{ 'instrument.myRequests' | t }}</h2>
        <div data-testid="my-instrument-requests">
          @for (r of mine.hasValue() ? (mine.value()?.items ?? []) : []; track r.id) {
            <xkx-instrument-request [request]="r" />
          } @empty {
            <p class="muted">{{ 'instrument.noRequests' | t }}</p>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .page { max-width: 960px; margin: 0 auto; padding: 16px; }
    .list { list-style: none; padding: 0; }
    .list li { padding: 12px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .list p { margin: 4px 0; }
    .muted { font: var(--mat-sys-body-small); }
  `,
})
export class InstrumentsPageComponent {
  private readonly api = inject(InstrumentsApiService);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);

  protected readonly units = INSTRUMENT_PRICE_UNIT_LABELS;
  protected readonly canRequest = computed(() => this.session.can(Permission.INSTRUMENT_REQUEST));
  protected readonly list = this.api.listResource();
  private readonly sentCount = signal(0);
  protected readonly mine = this.api.requestsResource(() => (this.canRequest() ? {} : undefined), () => this.sentCount());
  protected readonly open = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly errors = signal<readonly FieldError[]>([]);
  protected readonly message = signal<string | null>(null);

  protected openForm(id: string): void {
    this.errors.set([]);
    this.open.set(id);
  }

  protected request(instrument: Instrument, body: InstrumentRequestBody): void {
    this.busy.set(true);
    this.errors.set([]);
    this.api.request(instrument.id, body).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.open.set(null);
        this.message.set(this.i18n.t('instrument.sent', { name: r.instrumentName, status: this.i18n.pick(INSTRUMENT_REQUEST_STATUS_LABELS[r.status]) }));
        this.sentCount.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const err = toApiError(e);
        this.errors.set(err.errors);
        if (!err.errors.length) this.message.set(err.message ?? this.i18n.t('common.loadError'));
      },
    });
  }
}
