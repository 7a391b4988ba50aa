import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ATTACHMENT_CATEGORIES, Introduction, ORGANIZATION_KIND_LABELS, Permission, Role } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { IntroductionsApiService } from '@xkx/web/deals/data-access';
import { IntroductionDraft, IntroductionFormComponent } from '@xkx/web/deals/ui';
import { AttachmentsApiService, CodeAddress } from '@xkx/web/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService, ListingsApiService } from '@xkx/web/listings/data-access';
import { ListingStatusComponent, ListingViewComponent } from '@xkx/web/listings/ui';
import { ListingSegment } from '@xkx/web/listings/util';
import { AttachmentsPanelComponent } from '@xkx/web/ui';
import { ListingConfidentialViewsComponent } from './listing-confidential-views.component';
import { ListingMatchesComponent } from './listing-matches.component';

/**
 * /results/R2026-000012 and /needs/N…: the public layer for everyone; owners and brokers see more.
 * An old /results/<uuid> link loads too and then shows the code in the address bar.
 */
@Component({
  selector: 'xkx-detail-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    LocalizedPipe,
    TranslatePipe,
    ListingStatusComponent,
    ListingViewComponent,
    ListingMatchesComponent,
    IntroductionFormComponent,
    AttachmentsPanelComponent,
    ListingConfidentialViewsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/', segment()]" class="back"
      ><mat-icon>arrow_back</mat-icon>
      {{ (segment() === 'needs' ? 'search.needsTitle' : 'search.resultsTitle') | t }}</a
    >
    @if (listing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (notFound()) {
      <p class="alert" role="alert" data-testid="not-found">{{ 'detail.notFound' | t }}</p>
    } @else if (listing.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="listing.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (listing.hasValue()) {
      @let l = listing.value();
      <article data-testid="listing-detail" [attr.data-id]="l.id">
        <header>
          <div class="meta">
            <span class="code">{{ l.code }}</span>
            @if (l.status !== 'PUBLISHED') {
              <xkx-listing-status [status]="l.status" />
            }
          </div>
          <h1 data-testid="detail-title">{{ l.title }}</h1>
          @if (subtitle(); as s) {
            <p class="subtitle">{{ s }}</p>
          }
          <p class="org" data-testid="detail-organization">
            <mat-icon inline aria-hidden="true">account_balance</mat-icon>
            @if (l.organization; as org) {
              {{ org.nameZh }} <span class="muted">{{ kindLabels[org.kind] | localized }}</span>
            } @else {
              {{ 'listing.anonymous' | t }}
            }
          </p>
          @if (l.staleSoon && l.canManage) {
            <p class="warn">{{ 'mine.staleSoon' | t: { date: l.validUntil } }}</p>
          }
          <div class="actions">
            @if (l.canManage) {
              <a
                mat-stroked-button
                [routerLink]="['/workspace', segment(), l.id, 'edit']"
                data-testid="detail-edit"
                ><mat-icon>edit</mat-icon> {{ 'common.edit' | t }}</a
              >
            }
            @if (reviewer()) {
              <a
                mat-stroked-button
                [routerLink]="['/manage/review', segment(), l.id]"
                data-testid="detail-review"
                ><mat-icon>fact_check</mat-icon> {{ 'review.open' | t }}</a
              >
            }
            @if (canAsk() && !asking() && !sent()) {
              <button mat-flat-button type="button" (click)="asking.set(true)" data-testid="ask-introduction">
                <mat-icon>forward_to_inbox</mat-icon> {{ 'deal.askIntroduction' | t }}
              </button>
            }
          </div>
          @if (sent(); as intro) {
            <p class="sent" role="status" data-testid="introduction-sent">
              <mat-icon inline aria-hidden="true">mark_email_read</mat-icon> {{ 'deal.askSent' | t }}
              @if (intro.dealId) {
                <a [routerLink]="['/deals', intro.dealCode ?? intro.dealId]" data-testid="introduction-deal">{{
                  'deal.open' | t
                }}</a>
              }
            </p>
          } @else if (asking()) {
            <div class="ask">
              <p class="muted">{{ 'deal.askLead' | t }}</p>
              <xkx-introduction-form
                [chooseTarget]="false"
                [busy]="askBusy()"
                (sent)="ask(l.id, $event)"
                (cancelled)="asking.set(false)"
              />
              @if (askError(); as e) {
                <p class="warn" role="alert" data-testid="introduction-error">
                  {{ e }}
                  @if (askErrorDeal(); as dealId) {
                    <a [routerLink]="['/deals', dealId]" data-testid="introduction-existing-deal">{{ 'deal.open' | t }}</a>
                  }
                </p>
              }
            </div>
          }
        </header>
        <xkx-listing-view [listing]="l" [fields]="fieldIndex()" />
        @if (files(); as f) {
          <xkx-attachments-panel
            title="attachment.listingTitle"
            testId="listing-attachments"
            [items]="f.items()"
            [categories]="listingCategories"
            [canUpload]="l.canManage"
            [busy]="f.busy()"
            [error]="f.error()"
            (upload)="f.upload($event)"
            (download)="f.download($event)"
            (remove)="f.remove($event)"
          />
        }
      </article>
      @if (l.canManage) {
        <xkx-listing-confidential-views [kind]="segment() === 'results' ? 'RESULT' : 'NEED'" [listingId]="l.id" [title]="l.title" />
      }
      @if (showMatches()) {
        <xkx-listing-matches [segment]="segment()" [listingId]="l.id" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
      margin: 0 auto;
      padding: 16px 16px 48px;
    }
    .back {
      margin-bottom: 8px;
    }
    header {
      padding: 20px 24px;
      border-radius: 20px;
      background: var(--mat-sys-surface-container);
      margin-bottom: 16px;
    }
    h1 {
      margin: 4px 0;
      font: var(--mat-sys-headline-small);
    }
    .meta {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .code,
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .subtitle {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .org {
      margin: 0;
    }
    .warn {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
      flex-wrap: wrap;
    }
    .ask {
      margin-top: 12px;
    }
    .sent {
      margin: 12px 0 0;
      color: var(--mat-sys-primary);
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .alert {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DetailPageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly session = inject(AuthSession);
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly introductions = inject(IntroductionsApiService);

  readonly segment = input.required<ListingSegment>();
  /** The route's reference: the listing's code, or its uuid in older links. */
  readonly id = input.required<string>();

  private readonly address = new CodeAddress(this.id);
  protected readonly listing = this.api.detailResource(this.segment, this.address.ref);
  private readonly loaded = computed(() => (this.listing.hasValue() ? this.listing.value() : undefined));
  private readonly attachments = inject(AttachmentsApiService);
  protected readonly listingCategories = ATTACHMENT_CATEGORIES.RESULT;
  /** Images and brochures: shown to whoever sees the listing; its managers add and remove them. */
  protected readonly files = computed(() =>
    this.listing.hasValue() ? this.attachments.store(this.segment() === 'results' ? 'RESULT' : 'NEED', this.listing.value().id) : null,
  );
  protected readonly fieldIndex = inject(FieldsApiService).index;
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly reviewer = computed(() => this.session.can(Permission.LISTING_REVIEW));
  /** 推荐对接: for the listing's owner and for brokers, once it is published (only published listings are matched). */
  protected readonly showMatches = computed(() => {
    if (!this.listing.hasValue()) return false;
    const l = this.listing.value();
    if (l.status !== 'PUBLISHED') return false;
    return (
      (l.canManage && this.session.can(Permission.MATCH_READ)) || this.session.can(Permission.MATCH_BROKER)
    );
  });
  /**
   * 对接 from a listing page: a verified enterprise asks from a result, a verified researcher from a need,
   * when the listing is published and not their own. Brokers open introductions from matches instead.
   */
  protected readonly canAsk = computed(() => {
    if (
      !this.listing.hasValue() ||
      !this.session.can(Permission.INTRODUCTION_REQUEST) ||
      this.session.can(Permission.DEAL_MANAGE)
    )
      return false;
    const l = this.listing.value();
    if (l.status !== 'PUBLISHED' || l.canManage) return false;
    const role = this.session.user()?.role;
    return this.segment() === 'results' ? role === Role.ENTERPRISE : role === Role.RESEARCHER;
  });
  protected readonly asking = signal(false);
  protected readonly askBusy = signal(false);
  protected readonly askError = signal<string | null>(null);
  /** An earlier request's deal that is still open (409 INTRODUCTION_DUPLICATE). */
  protected readonly askErrorDeal = signal<string | null>(null);
  protected readonly sent = signal<Introduction | null>(null);
  protected readonly notFound = computed(() => {
    const error = this.listing.error();
    return error instanceof HttpErrorResponse && error.status === 404;
  });
  protected readonly subtitle = computed(() => {
    if (!this.listing.hasValue()) return null;
    const l = this.listing.value();
    return 'valueProposition' in l ? l.valueProposition : null;
  });

  protected ask(listingId: string, draft: IntroductionDraft): void {
    this.askBusy.set(true);
    this.askError.set(null);
    this.askErrorDeal.set(null);
    const target = this.segment() === 'results' ? { resultId: listingId } : { needId: listingId };
    this.introductions.request({ ...target, message: draft.message }).subscribe({
      next: (intro) => {
        this.askBusy.set(false);
        this.asking.set(false);
        this.sent.set(intro);
      },
      error: (error: unknown) => {
        this.askBusy.set(false);
        const apiError = toApiError(error);
        this.askError.set(apiError.message ?? this.i18n.t('common.loadError'));
        this.askErrorDeal.set(apiError.dealCode ?? apiError.dealId ?? null);
      },
    });
  }

  constructor() {
    this.address.follow(this.loaded, (code) => ['/', this.segment(), code]);
    effect(() => {
      if (!this.listing.hasValue()) return;
      this.title.setTitle(`${this.listing.value().title} · ${this.i18n.t('app.name')}`);
    });
  }
}
