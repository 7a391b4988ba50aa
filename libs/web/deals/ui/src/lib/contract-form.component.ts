import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  effect,
  inject,
  input,
  OnInit,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  Contract,
  ContractInput,
  ContractPartyInput,
  ContractType,
  FieldError,
  LEGAL_PERSON_TYPE_LABELS,
  LegalPersonType,
} from '@xkx/contracts';
import { AmountEchoComponent, fenOf } from '@xkx/web/forms';
import { asksInvestment, contractTypeGroups, fenToYuanInput } from '@xkx/web/deals/util';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import {
  applyApiErrors,
  buildContractForm,
  contractInput,
  installmentGroup,
  PartyGroup,
} from './contract-form';
import { DealFieldErrorPipe } from './deal-field-error.pipe';
import { FenPipe } from './fen.pipe';

/** What a new contract starts from: the deal's title and its two organizations. */
export interface ContractDraft {
  projectName: string;
  signedOn: string;
  seller: ContractPartyInput | null;
  buyer: ContractPartyInput | null;
  contractAmountFen: number | null;
}

const LEGAL_PERSON_TYPES = Object.keys(LEGAL_PERSON_TYPE_LABELS) as LegalPersonType[];

/**
 * The technology contract (技术合同) form: type from the configured types, project, dates, both parties
 * for the 登记表, the three amounts typed in 元 and kept in fen (技术交易额 shown as the difference), the
 * expected investment and output for transfers and licences, and the payment schedule. Emits the request
 * body; the page sends it and hands the API's field errors back through `serverErrors`.
 */
@Component({
  selector: 'xkx-contract-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    AmountEchoComponent,
    DealFieldErrorPipe,
    FenPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contract-form.component.html',
  styleUrl: './deal-forms.scss',
})
export class ContractFormComponent implements OnInit {
  private readonly i18n = inject(I18nService);
  private readonly cdr = inject(ChangeDetectorRef);

  readonly types = input.required<ContractType[]>();
  /** Editing this contract; null creates one from `draft`. */
  readonly contract = input<Contract | null>(null);
  readonly draft = input<ContractDraft | null>(null);
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly saved = output<ContractInput>();
  readonly cancelled = output<void>();

  protected readonly form = buildContractForm();
  protected readonly c = this.form.controls;
  protected readonly sides = ['seller', 'buyer'] as const;
  protected readonly legalPersonTypes = LEGAL_PERSON_TYPES;
  protected readonly legalPersonLabels = LEGAL_PERSON_TYPE_LABELS;
  protected readonly groups = computed(() => contractTypeGroups(this.types()));
  protected readonly formErrors = signal<string[]>([]);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly asksInvestment = computed(() => asksInvestment(this.value().typeCode, this.types()));
  /** 技术交易额 = 合同成交额 − 非技术性费用, in fen, while both are valid. */
  protected readonly technicalFen = computed(() => {
    const v = this.value();
    const amount = fenOf(v.contractAmount);
    const cost = v.nonTechnicalCost?.trim() ? fenOf(v.nonTechnicalCost) : 0;
    return amount !== null && cost !== null && cost <= amount ? amount - cost : null;
  });
  protected readonly scheduleFen = computed(() => {
    const rows = this.value().schedule ?? [];
    const fens = rows.map((r) => fenOf(r.amount));
    return fens.every((f) => f !== null) ? fens.reduce<number>((t, f) => t + (f ?? 0), 0) : null;
  });

  constructor() {
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => {
        this.formErrors.set(applyApiErrors(this.form, errors));
        this.cdr.markForCheck();
      });
    });
  }

  ngOnInit(): void {
    const contract = this.contract();
    const draft = this.draft();
    if (contract) {
      this.form.patchValue({
        typeCode: contract.type.code,
        contractNo: contract.contractNo ?? '',
        projectName: contract.projectName,
        signedOn: contract.signedOn,
        termStart: contract.termStart,
        termEnd: contract.termEnd,
        seller: this.party(contract.seller),
        buyer: this.party(contract.buyer),
        contractAmount: fenToYuanInput(contract.amounts.contractAmountFen),
        nonTechnicalCost: fenToYuanInput(contract.amounts.nonTechnicalCostFen),
        expectedInvestment: fenToYuanInput(contract.expectedInvestmentFen),
        expectedOutput: fenToYuanInput(contract.expectedOutputFen),
      });
      for (const row of contract.schedule) this.c.schedule.push(installmentGroup(row));
    } else if (draft) {
      this.form.patchValue({
        projectName: draft.projectName,
        signedOn: draft.signedOn,
        termStart: draft.signedOn,
        ...(draft.seller ? { seller: this.party(draft.seller) } : {}),
        ...(draft.buyer ? { buyer: this.party(draft.buyer) } : {}),
        contractAmount: fenToYuanInput(draft.contractAmountFen),
      });
    }
  }

  protected typeName(t: ContractType): string {
    return this.i18n.locale() === 'en' ? t.nameEn : t.nameZh;
  }

  protected partyOf(side: 'seller' | 'buyer'): PartyGroup {
    return this.c[side];
  }

  protected addInstallment(): void {
    this.c.schedule.push(installmentGroup());
  }

  protected removeInstallment(index: number): void {
    this.c.schedule.removeAt(index);
  }

  protected submit(): void {
    this.formErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formErrors.set([this.i18n.t('form.fixErrors')]);
      return;
    }
    this.saved.emit(contractInput(this.form, this.asksInvestment()));
  }

  private party(p: ContractPartyInput | Contract['seller']) {
    return {
      name: p.name,
      creditCode: p.creditCode ?? '',
      areaCode: p.areaCode,
      legalPersonType: p.legalPersonType,
      organizationId: p.organizationId ?? null,
    };
  }
}
