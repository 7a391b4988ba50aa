import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { DEAL_STAGE_LABELS, DealDetail, PEOPLE_CONTRACT_TYPE_LABELS, DealListingRef, DealPerson, DealSide, DealStage, Permission, PRICING_METHOD_LABELS, PricingMethod, Role, UserSummary } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { AuditApiService, UsersApiService } from '@xkx/web/accounts/data-access';
import { AuditLogTableComponent } from '@xkx/web/accounts/ui';
import { CodeAddress, isUuid } from '@xkx/web/data-access';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { FenPipe } from '@xkx/web/deals/ui';
import { toApiError } from '@xkx/web/forms';
import { codeMessageKey, I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { DealConfidentialViewsComponent } from './deal-confidential-views.component';
import { DealClosureBannerComponent } from './deal-closure-banner.component';
import { DealLandingComponent } from './deal-landing.component';
import { DealContractsComponent } from './deal-contracts.component';
import { DealOffersComponent } from './deal-offers.component';
import { NdaSignDialogComponent, NdaSignDialogData } from './nda-sign-dialog.component';
import { DealObjectionsComponent } from './deal-objections.component';

const SIDE_KEYS: Record<DealSide, MessageKey> = {
  INSTITUTION: 'deal.sideInstitution',
  ENTERPRISE: 'deal.sideEnterprise',
  BROKER: 'deal.sideBroker',
};

const PRICING_METHODS = Object.keys(PRICING_METHOD_LABELS) as PricingMethod[];

/**
 * /deals/D2026-000004 (an old /deals/<uuid> link shows the code once loaded): one deal for its parties and brokers: stage and next action, parties, listings, NDA,
 * offers, the technology contract with its payments and registration, timeline, messages. Brokers also
 * move the stage (the API's state machine and guards decide) and record the pricing method.
 */
@Component({
  selector: 'xkx-deal-page',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    FenPipe,
    DealContractsComponent,
    DealOffersComponent,
    DealObjectionsComponent,
    DealClosureBannerComponent,
    DealLandingComponent,
    AuditLogTableComponent,
    DealConfidentialViewsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deal-page.component.html',
  styleUrl: './deal-page.component.scss',
})
export class DealPageComponent {
  private readonly api = inject(DealsApiService);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(AuthSession);
  private readonly dialog = inject(MatDialog);

  /** The route's reference: the deal's code, or its uuid in older links and notifications. */
  readonly id = input.required<string>();

  private readonly address = new CodeAddress(this.id);
  protected readonly deal = this.api.detailResource(this.address.ref);
  private readonly loaded = computed(() => (this.deal.hasValue() ? this.deal.value() : undefined));
  /** The other reads and the writes take the uuid: known at once from an old link, else once the deal is in. */
  private readonly dealId = computed(() => {
    const ref = this.address.ref();
    return isUuid(ref) ? ref.toLowerCase() : this.loaded()?.id;
  });
  protected readonly timeline = this.api.timelineResource(this.dealId);
  protected readonly messages = this.api.messagesResource(this.dealId);
  /** The history tab: the deal's audit entries (with its contracts and notices), loaded when opened. */
  protected readonly showHistory = signal(false);
  protected readonly history = inject(AuditApiService).historyResource('deals', () => (this.showHistory() ? this.dealId() : undefined));
  protected readonly stageLabels = DEAL_STAGE_LABELS;
  /** Timeline events are stored as codes (CONTRACT_RECORDED); people read them from the catalogue. */
  protected readonly eventKey = (kind: string): MessageKey => codeMessageKey('deal.event', kind);
  private readonly users = inject(UsersApiService);
  protected readonly peopleQuery = signal('');
  protected readonly people = signal<UserSummary[] | null>(null);
  protected readonly editingNext = signal(false);
  protected readonly nextText = signal('');
  protected readonly nextDue = signal('');
  protected readonly pricingLabels = PRICING_METHOD_LABELS;
  /** 技术开发 / 技术咨询 / 技术服务: the contract a deal with an expert or a laboratory carries (issue 16). */
  protected readonly contractTypeLabels = PEOPLE_CONTRACT_TYPE_LABELS;
  protected readonly pricingMethods = PRICING_METHODS;
  protected readonly sideKeys = SIDE_KEYS;
  protected readonly draft = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly posting = signal(false);
  protected readonly manageDeals = computed(() => this.session.can(Permission.DEAL_MANAGE));
  protected readonly manageContracts = computed(() => this.session.can(Permission.CONTRACT_MANAGE));
  private readonly admin = computed(() => this.session.user()?.role === Role.ADMIN);
  protected readonly moveTo = signal<DealStage | null>(null);
  protected readonly moveNote = signal('');
  protected readonly overrideReason = signal('');
  protected readonly moving = signal(false);
  protected readonly listings = computed<DealListingRef[]>(() => {
    const d = this.deal.hasValue() ? this.deal.value() : undefined;
    return d ? [d.result, d.need].filter((l): l is DealListingRef => l !== null) : [];
  });
  /** Administrators may sign before a running public notice ends, recording why. */
  protected readonly overrideAllowed = computed(() => {
    const d = this.deal.hasValue() ? this.deal.value() : undefined;
    return (
      !!d &&
      this.admin() &&
      this.moveTo() === 'CONTRACT_SIGNED' &&
      d.publicNoticeRequired &&
      !d.publicNotice?.ended
    );
  });

  constructor() {
    this.address.follow(this.loaded, (code) => ['/deals', code]);
  }

  protected brokerNames(brokers: readonly DealPerson[]): string {
    return brokers.map((b) => b.name).join('、');
  }

  protected link(listing: DealListingRef): string[] {
    return ['/', listing.kind === 'RESULT' ? 'results' : 'needs', listing.code];
  }

  /** Reloads what a write elsewhere on the page may have changed. */
  protected refresh(): void {
    this.deal.reload();
    this.timeline.reload();
    this.history.reload();
  }

  protected move(d: DealDetail): void {
    const to = this.moveTo();
    if (!to) return;
    this.moving.set(true);
    this.error.set(null);
    const note = this.moveNote().trim();
    const override = this.overrideAllowed() ? this.overrideReason().trim() : '';
    this.api
      .transition(d.id, {
        to,
        version: d.version,
        ...(note ? { note } : {}),
        ...(override ? { overrideReason: override } : {}),
      })
      .subscribe({
        next: () => {
          this.moving.set(false);
          this.moveTo.set(null);
          this.moveNote.set('');
          this.overrideReason.set('');
          this.refresh();
        },
        error: (error: unknown) => {
          this.moving.set(false);
          // The refusal's reason, and the field it concerns (a lost deal needs its reason in the note).
          const e = toApiError(error);
          const fields = e.errors.map((f) => f.message).join('；');
          this.error.set([e.message ?? this.i18n.t('common.loadError'), fields].filter(Boolean).join('：'));
          this.deal.reload();
        },
      });
  }

  protected findPeople(): void {
    const q = this.peopleQuery().trim();
    if (!q) return;
    this.users.search(q).subscribe({
      next: (page) => this.people.set(page.items),
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError')),
    });
  }

  protected isParticipant(d: DealDetail, userId: string): boolean {
    return d.participants.some((p) => p.userId === userId);
  }

  protected addPerson(d: DealDetail, userId: string): void {
    this.error.set(null);
    this.api.addParticipant(d.id, userId).subscribe({
      next: () => {
        this.people.set(null);
        this.peopleQuery.set('');
        this.refresh();
      },
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError')),
    });
  }

  protected editNext(d: DealDetail): void {
    this.nextText.set(d.nextAction ?? '');
    this.nextDue.set(d.nextActionDue ?? '');
    this.editingNext.set(true);
  }

  /** The next action and its due date: what the board sorts by (overdue first). */
  protected saveNext(d: DealDetail): void {
    this.error.set(null);
    const nextAction = this.nextText().trim() || null;
    const nextActionDue = this.nextDue() || null;
    this.api.update(d.id, { version: d.version, nextAction, nextActionDue }).subscribe({
      next: () => {
        this.editingNext.set(false);
        this.refresh();
      },
      error: (error: unknown) => {
        const e = toApiError(error);
        this.error.set([e.message ?? this.i18n.t('common.loadError'), e.errors.map((f) => f.message).join('；')].filter(Boolean).join('：'));
        this.deal.reload();
      },
    });
  }

  protected setPricing(d: DealDetail, method: PricingMethod): void {
    this.error.set(null);
    this.api.update(d.id, { version: d.version, pricingMethod: method }).subscribe({
      next: () => this.refresh(),
      error: (error: unknown) => {
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
        this.deal.reload();
      },
    });
  }

  protected post(): void {
    const body = this.draft().trim();
    const dealId = this.dealId();
    if (!body || !dealId) return;
    this.posting.set(true);
    this.api.postMessage(dealId, body).subscribe({
      next: () => {
        this.posting.set(false);
        this.draft.set('');
        this.messages.reload();
      },
      error: (error: unknown) => {
        this.posting.set(false);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }

  /** Signing happens in a dialog showing the text in force; the page reloads once signed. */
  protected openNda(): void {
    this.dialog
      .open<NdaSignDialogComponent, NdaSignDialogData, boolean>(NdaSignDialogComponent, {
        data: { dealId: this.loaded()?.id ?? this.id() },
        width: '760px',
        maxWidth: '95vw',
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe((signed) => {
        if (signed) this.refresh();
      });
  }
}
