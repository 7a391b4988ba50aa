import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ObjectionReceipt, PRICING_METHOD_LABELS } from '@xkx/contracts';
import { PublicNoticesApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

/**
 * /notices/:id: one 公示 notice as posted, and — while it runs — the objection form for anyone: name,
 * contact and the objection; a receipt when it is filed, the API's reason otherwise (429 when too many).
 */
@Component({
  selector: 'xkx-notice-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    FenPipe,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/notices"><mat-icon>arrow_back</mat-icon> {{ 'notice.back' | t }}</a>
    @if (notice.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (notFound()) {
      <p class="alert" role="alert" data-testid="notice-not-found">{{ 'notice.notFound' | t }}</p>
    } @else if (notice.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="notice.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (notice.hasValue()) {
      @let n = notice.value();
      <article class="card" data-testid="notice-detail" [attr.data-id]="n.id">
        <h1>
          {{ n.title }}
          <span class="status" [class.ended]="n.ended">{{ (n.ended ? 'notice.ended' : 'notice.running') | t }}</span>
        </h1>
        <dl>
          <div>
            <dt>{{ 'notice.institution' | t }}</dt>
            <dd>{{ n.institutionName }}</dd>
          </div>
          <div>
            <dt>{{ 'notice.enterprise' | t }}</dt>
            <dd>{{ n.enterpriseName }}</dd>
          </div>
          <div>
            <dt>{{ 'notice.price' | t }}</dt>
            <dd class="num" data-testid="notice-price">{{ n.intendedPriceFen | fen: 'exact' }}</dd>
          </div>
          <div>
            <dt>{{ 'notice.pricingMethod' | t }}</dt>
            <dd data-testid="notice-pricing">{{ pricingLabels[n.pricingMethod ?? 'AGREEMENT'] | localized }}</dd>
          </div>
          @if (n.transferMode) {
            <div>
              <dt>{{ 'notice.transferMode' | t }}</dt>
              <dd>{{ n.transferMode }}</dd>
            </div>
          }
          <div>
            <dt>{{ 'notice.startsOn' | t }}</dt>
            <dd>{{ n.startsOn }}</dd>
          </div>
          <div>
            <dt>{{ 'notice.endsOn' | t }}</dt>
            <dd>{{ n.endsOn }}</dd>
          </div>
          <div>
            <dt>{{ 'objection.panelTitle' | t }}</dt>
            <dd>{{ 'notice.objectionCount' | t: { n: n.objectionCount } }}</dd>
          </div>
        </dl>
        <a mat-button [routerLink]="['/print/notices', n.id]" target="_blank"
          ><mat-icon>print</mat-icon> {{ 'notice.printLink' | t }}</a
        >
      </article>

      <section>
        <h2>{{ 'notice.objectTitle' | t }}</h2>
        @if (receipt(); as r) {
          <div class="receipt" role="status" data-testid="objection-receipt">
            <strong>{{ 'notice.receiptTitle' | t }}</strong>
            <p>{{ 'notice.receipt' | t: { id: r.id, at: (r.createdAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</p>
          </div>
        } @else if (n.ended) {
          <p class="muted" data-testid="objection-closed">{{ 'notice.objectClosed' | t }}</p>
        } @else {
          <p class="muted">{{ 'notice.objectIntro' | t }}</p>
          <form [formGroup]="form" (ngSubmit)="submit(n.id)" novalidate data-testid="objection-form">
            <mat-form-field>
              <mat-label>{{ 'notice.objectorName' | t }}</mat-label>
              <input matInput formControlName="name" maxlength="100" autocomplete="name" data-testid="objection-name" />
              <mat-error data-testid="objection-name-error">{{ form.controls.name | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'notice.objectorContact' | t }}</mat-label>
              <input matInput formControlName="contact" maxlength="200" data-testid="objection-contact" />
              <mat-error data-testid="objection-contact-error">{{ form.controls.contact | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'notice.objectionBody' | t }}</mat-label>
              <textarea matInput rows="5" formControlName="body" maxlength="5000" data-testid="objection-body"></textarea>
              <mat-error data-testid="objection-body-error">{{ form.controls.body | fieldError }}</mat-error>
            </mat-form-field>
            @if (error(); as e) {
              <p class="alert" role="alert" data-testid="objection-error">{{ e }}</p>
            }
            <div>
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="objection-send">
                {{ 'notice.objectSend' | t }}
              </button>
            </div>
          </form>
        }
      </section>
    }
  `,
  styleUrl: './notices.scss',
})
export class NoticePageComponent {
  private readonly api = inject(PublicNoticesApiService);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  protected readonly notice = this.api.noticeResource(this.id);
  protected readonly notFound = computed(() => {
    const e = this.notice.error();
    return e instanceof HttpErrorResponse && e.status === 404;
  });
  protected readonly pricingLabels = PRICING_METHOD_LABELS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly receipt = signal<ObjectionReceipt | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(100)] }),
    contact: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(5), Validators.maxLength(200)] }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(10), Validators.maxLength(5000)] }),
  });

  protected submit(id: string): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.object(id, { name: v.name.trim(), contact: v.contact.trim(), body: v.body.trim() }).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.receipt.set(r);
        this.notice.reload();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        if (e.status === 429) {
          this.error.set(`${this.i18n.t('notice.tooMany')}${e.message ? ` ${e.message}` : ''}`);
          return;
        }
        const rest = applyFieldErrors(this.form, e.errors);
        this.error.set(rest.length ? rest.map((x) => x.message).join('；') : e.errors.length ? null : (e.message ?? this.i18n.t('common.loadError')));
      },
    });
  }
}
