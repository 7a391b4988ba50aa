import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { API_PREFIX, INSTRUMENT_PRICE_UNIT_LABELS, InstrumentList, InstrumentRequest, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { toApiError } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FenPipe } from '@xkx/web/deals/ui';

/** 大型科研仪器共享 (issue 16): the shared instruments; a signed-in enterprise asks to use one. */
@Component({
  selector: 'xkx-instruments-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, LocalizedPipe, TranslatePipe, FenPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ 'instrument.title' | t }}</h1>
      @if (list.hasValue() ? list.value() : undefined; as l) {
        <ul class="list" data-testid="instrument-list">
          @for (i of l.items; track i.id) {
            <li>
              <strong>{{ i.nameZh }}</strong> · {{ i.model }} · {{ i.laboratoryName }}
              <p>{{ i.capability }}</p>
              <p>{{ i.location }} · ¥{{ i.priceFen | fen }} {{ units[i.priceUnit] | localized }}</p>
              <p class="muted">{{ i.bookingTerms }}</p>
              @if (canRequest()) {
                @if (open() === i.id) {
                  <form (ngSubmit)="request(i.id)" class="form">
                    <mat-form-field appearance="outline"><mat-label>{{ 'instrument.purpose' | t }}</mat-label>
                      <input matInput name="purpose" [ngModel]="purpose()" (ngModelChange)="purpose.set($event)" data-testid="instrument-purpose" /></mat-form-field>
                    <mat-form-field appearance="outline"><mat-label>{{ 'instrument.quantity' | t }}</mat-label>
                      <input matInput type="number" min="1" name="quantity" [ngModel]="quantity()" (ngModelChange)="quantity.set($event)" data-testid="instrument-quantity" /></mat-form-field>
                    <button mat-flat-button type="submit" [disabled]="busy()" data-testid="instrument-send">{{ 'instrument.send' | t }}</button>
                  </form>
                } @else {
                  <button mat-stroked-button type="button" (click)="open.set(i.id)" data-testid="instrument-request">{{ 'instrument.request' | t }}</button>
                }
              }
            </li>
          }
        </ul>
      }
      @if (message(); as m) { <p role="status" data-testid="instrument-message">{{ m }}</p> }
    </section>
  `,
  styles: `
    .page { max-width: 960px; margin: 0 auto; padding: 16px; }
    .list { list-style: none; padding: 0; }
    .list li { padding: 12px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .list p { margin: 4px 0; }
    .form { display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
    .muted { font: var(--mat-sys-body-small); }
  `,
})
export class InstrumentsPageComponent {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);

  protected readonly units = INSTRUMENT_PRICE_UNIT_LABELS;
  protected readonly list = httpResource<InstrumentList>(() => ({ url: `/${API_PREFIX}/instruments`, params: { limit: 200 } }));
  protected readonly open = signal<string | null>(null);
  protected readonly purpose = signal('');
  protected readonly quantity = signal<number>(1);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);

  protected canRequest(): boolean {
    return this.session.user()?.permissions.includes(Permission.INSTRUMENT_REQUEST) ?? false;
  }

  protected request(id: string): void {
    this.busy.set(true);
    this.http.post<InstrumentRequest>(`/${API_PREFIX}/instruments/${id}/requests`, { purpose: this.purpose().trim(), quantity: Number(this.quantity()) }).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.open.set(null);
        this.message.set(`${r.instrumentName}：${r.status}`);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const err = toApiError(e);
        this.message.set([err.message, ...err.errors.map((x) => `${x.field}: ${x.message}`)].filter(Boolean).join('；'));
      },
    });
  }
}
