import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AmendmentInput, ATTACHMENT_CATEGORIES, Contract, ContractInput, ContractPartyInput, DealDetail, DealStage, FieldError, OrganizationDetail, PaymentInput, RegistrationInput } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { AuditApiService } from '@xkx/web/accounts/data-access';
import { AuditLogTableComponent } from '@xkx/web/accounts/ui';
import { ContractsApiService } from '@xkx/web/deals/data-access';
import {
  ContractDetailsComponent,
  ContractDraft,
  ContractFormComponent,
  FenPipe,
  PaymentFormComponent,
  RegistrationFormComponent,
} from '@xkx/web/deals/ui';
import { LEGAL_PERSON_BY_KIND, registrationFieldsFor, registrationTargets } from '@xkx/web/deals/util';
import { AttachmentsApiService } from '@xkx/web/data-access';
import { toApiError } from '@xkx/web/forms';
import { AttachmentsPanelComponent } from '@xkx/web/ui';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { Observable } from 'rxjs';
import { ContractAmendmentsComponent } from './contract-amendments.component';

type Mode = 'view' | 'create' | 'edit' | 'pay' | 'register';

/**
 * The deal's technology contract: read-only for the parties; for brokers (contract:manage) the contract
 * form (create, then edit), payments received (实际到账) and registration (认定登记). Every write goes to
 * /api/contracts; the API's field errors go back into the form that sent it.
 */
@Component({
  selector: 'xkx-deal-contracts',
  imports: [
    ContractAmendmentsComponent,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    FenPipe,
    TranslatePipe,
    ContractDetailsComponent,
    ContractFormComponent,
    PaymentFormComponent,
    RegistrationFormComponent,
    AttachmentsPanelComponent,
    AuditLogTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="deal-contract">
      <h2>{{ 'deal.contracts' | t }}</h2>
      @if (deal().contracts.length > 1) {
        <div class="tabs">
          @for (s of deal().contracts; track s.id) {
            <button
              mat-stroked-button
              type="button"
              [class.on]="s.id === selectedId()"
              (click)="select(s.id)"
              data-testid="contract-tab"
            >
              {{ s.code }} · {{ s.contractAmountFen | fen }}
            </button>
          }
        </div>
      }
      @if (contract.isLoading() && !contract.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
      }
      @if (contract.error()) {
        <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
      }
      @if (message(); as m) {
        <p class="ok" role="status" data-testid="contract-message">{{ m }}</p>
      }

      @if (mode() === 'create') {
        @if (draft(); as d) {
          <xkx-contract-form
            [types]="(types.hasValue() ? types.value() : undefined) ?? []"
            [draft]="d"
            [serverErrors]="serverErrors()"
            [busy]="busy()"
            (saved)="create($event)"
            (cancelled)="close()"
          />
        } @else {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
        }
      } @else if (!deal().contracts.length) {
        <p class="muted">{{ 'deal.noContracts' | t }}</p>
        @if (manage() && deal().stage !== 'CLOSED' && deal().stage !== 'LOST') {
          @if (mayRecord()) {
            <button mat-flat-button type="button" (click)="open('create')" data-testid="contract-new">
              <mat-icon>note_add</mat-icon> {{ 'contract.new' | t }}
            </button>
          } @else {
            <p class="muted" data-testid="contract-needs-terms">{{ 'contract.needsTermsAgreed' | t }}</p>
          }
        }
      }

      @if (contract.hasValue() && mode() !== 'create') {
        @let k = contract.value();
        @if (mode() === 'edit') {
          <xkx-contract-form
            [types]="(types.hasValue() ? types.value() : undefined) ?? []"
            [contract]="k"
            [serverErrors]="serverErrors()"
            [busy]="busy()"
            (saved)="update(k, $event)"
            (cancelled)="close()"
          />
        } @else {
          <xkx-contract-details
            [contract]="k"
            [fields]="(fields.hasValue() ? fields.value() : undefined) ?? []"
          />
          @if (k.registration.status === 'REGISTERED' || k.amendments.length) {
            <xkx-contract-amendments
              #amendments
              [contract]="k"
              [manage]="manage() && k.registration.status === 'REGISTERED'"
              [busy]="busy()"
              [serverErrors]="serverErrors()"
              (amend)="amendContract(k, $event, amendments)"
            />
          }
          <div class="actions">
            <button mat-button type="button" (click)="showHistory.set(!showHistory())" data-testid="contract-history-toggle">
              <mat-icon>history</mat-icon> {{ 'audit.history' | t }}
            </button>
            <a mat-button [routerLink]="['/print/contracts', k.code]" target="_blank" data-testid="print-contract">
              <mat-icon>print</mat-icon> {{ 'print.openContract' | t }}
            </a>
            @if (k.registration.status !== 'NOT_SUBMITTED') {
              <a
                mat-button
                [routerLink]="['/print/contracts', k.code, 'registration']"
                target="_blank"
                data-testid="print-registration"
              >
                <mat-icon>print</mat-icon> {{ 'print.openRegistration' | t }}
              </a>
            }
          </div>
        }
        @if (mode() === 'view') {
          @if (contractFiles(); as f) {
            <xkx-attachments-panel
              title="attachment.contractTitle"
              testId="contract-attachments"
              [items]="f.items()"
              [categories]="contractCategories"
              [canUpload]="manage()"
              [busy]="f.busy()"
              [error]="f.error()"
              (upload)="f.upload($event)"
              (download)="f.download($event)"
              (remove)="f.remove($event)"
            />
          }
          @for (p of paymentFiles(); track p.payment.id) {
            <xkx-attachments-panel
              title="attachment.paymentTitle"
              testId="payment-attachments"
              [items]="p.store.items()"
              [categories]="paymentCategories"
              [canUpload]="manage()"
              [busy]="p.store.busy()"
              [error]="p.store.error()"
              (upload)="p.store.upload($event)"
              (download)="p.store.download($event)"
              (remove)="p.store.remove($event)"
            />
            <p class="muted">{{ p.payment.receivedOn }} · {{ p.payment.amountFen | fen }}</p>
          }
        }
        @if (showHistory()) {
          <div class="history" data-testid="contract-history">
            @if (history.hasValue()) {
              <xkx-audit-log-table [entries]="history.value()" [showSubject]="false" />
            }
          </div>
        }
        @if (manage() && mode() === 'view') {
          <div class="actions">
            <button mat-stroked-button type="button" (click)="open('edit')" data-testid="contract-edit">
              <mat-icon>edit</mat-icon> {{ 'contract.edit' | t }}
            </button>
            @if (k.amounts.outstandingFen > 0) {
              <button mat-stroked-button type="button" (click)="open('pay')" data-testid="payment-new">
                <mat-icon>payments</mat-icon> {{ 'contract.recordPayment' | t }}
              </button>
            }
            @if (canRegister(k)) {
              <button
                mat-stroked-button
                type="button"
                (click)="open('register')"
                data-testid="registration-edit"
              >
                <mat-icon>assignment_turned_in</mat-icon> {{ 'contract.register' | t }}
              </button>
            }
          </div>
        }
        @if (mode() === 'pay') {
          <h3>{{ 'contract.recordPayment' | t }}</h3>
          <xkx-payment-form
            [outstandingFen]="k.amounts.outstandingFen"
            [serverErrors]="serverErrors()"
            [busy]="busy()"
            (recorded)="pay(k, $event)"
            (cancelled)="close()"
          />
        }
        @if (mode() === 'register') {
          <h3>{{ 'contract.register' | t }}</h3>
          <xkx-registration-form
            [contract]="k"
            [fields]="typeFields(k)"
            [serverErrors]="serverErrors()"
            [busy]="busy()"
            (saved)="register(k, $event)"
            (cancelled)="close()"
          />
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .tabs,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    .tabs .on {
      background: var(--mat-sys-secondary-container);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .ok {
      color: var(--mat-sys-primary);
    }
    .alert {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DealContractsComponent {
  private readonly api = inject(ContractsApiService);
  private readonly i18n = inject(I18nService);

  readonly deal = input.required<DealDetail>();
  /** contract:manage — brokers and administrators write; parties read. */
  readonly manage = input(false);
  /** A write changed the deal's contracts (its summary and timeline are stale). */
  readonly changed = output<void>();

  protected readonly mode = signal<Mode>('view');
  /** A signed contract exists only once terms are agreed (the API refuses it earlier, with the reason). */
  protected readonly mayRecord = computed(() => RECORDABLE_STAGES.includes(this.deal().stage));
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<readonly FieldError[]>([]);
  protected readonly message = signal<string | null>(null);
  private readonly chosenId = signal<string | null>(null);
  protected readonly selectedId = computed(() => {
    const contracts = this.deal().contracts;
    const chosen = this.chosenId();
    return contracts.some((c) => c.id === chosen) ? chosen : (contracts[0]?.id ?? null);
  });
  protected readonly contract = this.api.contractResource(this.selectedId);
  protected readonly showHistory = signal(false);
  protected readonly history = inject(AuditApiService).historyResource('contracts', () => (this.showHistory() ? (this.selectedId() ?? undefined) : undefined));
  protected readonly fields = this.api.registrationFieldsResource();
  private readonly attachments = inject(AttachmentsApiService);
  protected readonly contractCategories = ATTACHMENT_CATEGORIES.CONTRACT;
  protected readonly paymentCategories = ATTACHMENT_CATEGORIES.PAYMENT;
  /** Evidence: the signed scan and 登记证明 on the contract, a bank receipt on each payment. */
  protected readonly contractFiles = computed(() => {
    const id = this.selectedId();
    return id ? this.attachments.store('CONTRACT', id) : null;
  });
  protected readonly paymentFiles = computed(() =>
    this.contract.hasValue()
      ? this.contract.value().payments.map((payment) => ({ payment, store: this.attachments.store('PAYMENT', payment.id) }))
      : [],
  );
  protected readonly types = this.api.typesResource(() => this.manage());
  private readonly creating = computed(() => this.mode() === 'create');
  private readonly institution = this.api.organizationResource(() =>
    this.creating() ? this.deal().institution.id : null,
  );
  private readonly enterprise = this.api.organizationResource(() =>
    this.creating() ? this.deal().enterprise.id : null,
  );

  /** A new contract starts from the deal: its result's title, today, its two organizations and the agreed price. */
  protected readonly draft = computed<ContractDraft | null>(() => {
    const loading = this.institution.isLoading() || this.enterprise.isLoading() || this.types.isLoading();
    if (loading) return null;
    const d = this.deal();
    return {
      projectName: d.result?.title ?? d.title,
      signedOn: shanghaiDate(),
      seller: party(this.institution.hasValue() ? this.institution.value() : undefined),
      buyer: party(this.enterprise.hasValue() ? this.enterprise.value() : undefined),
      contractAmountFen: d.agreedPriceFen,
    };
  });

  protected select(id: string): void {
    this.chosenId.set(id);
    this.close();
  }

  protected open(mode: Mode): void {
    this.serverErrors.set([]);
    this.message.set(null);
    this.mode.set(mode);
  }

  protected close(): void {
    this.serverErrors.set([]);
    this.mode.set('view');
  }

  protected canRegister(k: Contract): boolean {
    return registrationTargets(k.registration.status).length > 0;
  }

  protected typeFields(k: Contract) {
    return registrationFieldsFor(
      (this.fields.hasValue() ? this.fields.value() : undefined) ?? [],
      k.type.code,
    );
  }

  protected create(body: ContractInput): void {
    this.write(this.api.create(this.deal().id, body), 'contract.created', (saved) =>
      this.chosenId.set(saved.id),
    );
  }

  protected update(k: Contract, body: ContractInput): void {
    this.write(this.api.update(k.id, k.version, body), 'contract.updated');
  }

  protected pay(k: Contract, body: PaymentInput): void {
    this.write(this.api.recordPayment(k.id, body), 'contract.paymentRecorded');
  }

  protected amendContract(k: Contract, body: Omit<AmendmentInput, 'version'>, form: ContractAmendmentsComponent): void {
    this.write(this.api.amend(k.id, k.version, body), 'contract.updated', () => form.done());
  }

  protected register(k: Contract, body: Omit<RegistrationInput, 'version'>): void {
    this.write(this.api.updateRegistration(k.id, k.version, body), 'contract.registrationSaved');
  }

  private write(
    request: Observable<Contract>,
    done: 'contract.created' | 'contract.updated' | 'contract.paymentRecorded' | 'contract.registrationSaved',
    after?: (saved: Contract) => void,
  ): void {
    this.busy.set(true);
    this.serverErrors.set([]);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        after?.(saved);
        this.contract.set(saved);
        this.mode.set('view');
        this.message.set(this.i18n.t(done));
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const e = toApiError(error);
        // Field errors go next to their fields; anything else becomes the form's own alert.
        this.serverErrors.set(
          e.errors.length
            ? e.errors
            : [{ field: '_form', message: e.message ?? this.i18n.t('common.loadError') }],
        );
      },
    });
  }
}

const RECORDABLE_STAGES: readonly DealStage[] = ['TERMS_AGREED', 'PUBLIC_NOTICE', 'CONTRACT_SIGNED', 'REGISTERED', 'PAID'];

function party(org: OrganizationDetail | undefined): ContractPartyInput | null {
  if (!org) return null;
  return {
    name: org.nameZh,
    creditCode: org.creditCode,
    areaCode: org.areaCode,
    legalPersonType: LEGAL_PERSON_BY_KIND[org.kind],
    organizationId: org.id,
  };
}
