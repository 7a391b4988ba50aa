import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FieldError, INSTRUMENT_PRICE_UNIT_LABELS, INSTRUMENT_REQUEST_STATUS_LABELS, InstrumentAnswerBody, InstrumentRequest, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { InstrumentsApiService } from '@xkx/web/deals/data-access';
import { FenPipe, InstrumentRequestComponent } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/**
 * A laboratory's shared instruments on its page, and for those who answer for it (its organization's
 * researchers, brokers) the requests to use them: accept with the fee, or decline with the reason (issue 16).
 */
@Component({
  selector: 'xkx-lab-instruments',
  imports: [RouterLink, FenPipe, LocalizedPipe, TranslatePipe, InstrumentRequestComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (instruments.hasValue() && (instruments.value()?.items?.length ?? 0) > 0) {
      <h2>{{ 'instrument.labInstruments' | t }}</h2>
      <ul data-testid="lab-instruments">
        @for (i of instruments.value()?.items ?? []; track i.id) {
          <li>{{ i.nameZh }} · {{ i.model }} · {{ i.priceFen | fen: 'exact' }} {{ units[i.priceUnit] | localized }}</li>
        }
      </ul>
      <a routerLink="/instruments">{{ 'instrument.title' | t }}</a>
    }
    @if (answers()) {
      <h2>{{ 'instrument.labRequests' | t }}</h2>
      @if (message(); as m) {
        <p role="status" data-testid="lab-request-message">{{ m }}</p>
      }
      <div data-testid="lab-instrument-requests">
        @for (r of requests.hasValue() ? (requests.value()?.items ?? []) : []; track r.id) {
          <xkx-instrument-request [request]="r" [serverErrors]="answering() === r.id ? errors() : []" [busy]="busy()" (answered)="answer(r, $event)" />
        } @empty {
          <p>{{ 'instrument.noRequests' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    h2 { font: var(--mat-sys-title-medium); margin: 16px 0 4px; }
  `,
})
export class LabInstrumentsComponent {
  private readonly api = inject(InstrumentsApiService);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);

  readonly laboratoryId = input.required<string>();
  readonly organizationId = input.required<string>();

  protected readonly units = INSTRUMENT_PRICE_UNIT_LABELS;
  /** The same rule as the API's: brokers for every laboratory, researchers for their own organization's. */
  protected readonly answers = computed(
    () =>
      this.session.can(Permission.LABORATORY_MANAGE) ||
      (this.session.can(Permission.INSTRUMENT_MANAGE) && this.session.user()?.organization?.id === this.organizationId()),
  );
  protected readonly instruments = this.api.listResource(() => this.laboratoryId());
  private readonly version = signal(0);
  protected readonly requests = this.api.requestsResource(() => (this.answers() ? { laboratoryId: this.laboratoryId() } : undefined), () => this.version());
  protected readonly answering = signal<string | null>(null);
  protected readonly errors = signal<readonly FieldError[]>([]);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);

  protected answer(request: InstrumentRequest, body: InstrumentAnswerBody): void {
    this.answering.set(request.id);
    this.errors.set([]);
    this.message.set(null);
    this.busy.set(true);
    this.api.answer(request.id, body).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.answering.set(null);
        this.message.set(this.i18n.t('instrument.answered', { status: this.i18n.pick(INSTRUMENT_REQUEST_STATUS_LABELS[r.status]) }));
        this.version.update((v) => v + 1);
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
