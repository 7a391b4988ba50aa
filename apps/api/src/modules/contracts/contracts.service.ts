import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode, LEDGER_CHAIN_ISSUE_LABELS, LedgerChainIssue, LegalPersonType, OrganizationKind, RegistrationStatus, Role } from '@xkx/contracts';
import { fenToYuanString, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { refWhere } from '../../common/http/id-or-code';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { chainIssue, ChainFacts, contractGate, loadChainFacts, noticeFacts } from '@xkx/api/modules/deals/chain-rules';
import { DealAccessService, managesDeals } from '@xkx/api/modules/deals/deal-access.service';
import { nextDealCode, recordDealEvent, recordDealEventById } from '@xkx/api/modules/deals/deal-events';
import { DealTransitionsService } from '@xkx/api/modules/deals/deal-transitions.service';
import { getOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { ContractConfigService } from './contract-config.service';
import { amendmentsOf, FrozenValues, valuesOn } from './contract-amendments';
import { amountIssues, paymentIssues, scheduleIssues } from './contract-rules';
import { toContractDtos } from './contract.mapper';
import { ContractDto, ContractListDto } from './dto/contract-response.dto';
import { ContractPartyDto, CreateContractDto, InstallmentDto, ListContractsQueryDto, RecordPaymentDto, UpdateContractDto } from './dto/contract-write.dto';
import { ContractInstallmentEntity, ContractPaymentEntity } from './entities/contract-money.entity';
import { ContractEntity } from './entities/contract.entity';
import { faultPoint } from '../../common/testing/fault-points';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { contractSubject } from '@xkx/api/modules/audit/audit-subjects';

/** What a contract's audit entries record before → after: amounts, parties, type, dates. */
const CONTRACT_AUDITED_FIELDS = [
  'projectName', 'typeCode', 'contractNo', 'signedOn', 'contractAmountFen', 'nonTechnicalCostFen', 'technicalAmountFen',
  'sellerName', 'sellerCreditCode', 'buyerName', 'buyerCreditCode', 'expectedInvestmentFen', 'expectedOutputFen',
] as const;
const EMPTY_CONTRACT: Pick<ContractEntity, (typeof CONTRACT_AUDITED_FIELDS)[number]> = Object.fromEntries(CONTRACT_AUDITED_FIELDS.map((f) => [f, null])) as never;

const LEGAL_PERSON_BY_KIND: Record<OrganizationKind, LegalPersonType> = {
  UNIVERSITY: 'UNIVERSITY',
  INSTITUTE: 'RESEARCH_INSTITUTE',
  ENTERPRISE: 'ENTERPRISE',
  AGENCY: 'OTHER_ORGANIZATION',
};

type PartyColumns = Pick<ContractEntity, 'sellerName' | 'sellerCreditCode' | 'sellerAreaCode' | 'sellerLegalPersonType' | 'sellerOrganizationId'>;

/** Technology contracts: record, edit, read, and the money actually received. Registration is its own service. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly config: ContractConfigService,
    private readonly transitions: DealTransitionsService,
  ) {}

  async create(dto: CreateContractDto, user: AuthUser): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await this.config.assertSelectableType(manager, dto.typeCode);
      // Every contract closes a deal: the deal is where the agreed terms and the notice are on record.
      if (!dto.dealId) throw DomainException.validation([{ field: 'dealId', constraint: 'isDefined', args: [] }]);
      const { deal, participants } = await this.access.lock(manager, dto.dealId, user);
      const today = shanghaiDate();
      if (dto.signedOn > today) throw DomainException.validation([{ field: 'signedOn', constraint: 'notInFuture', args: [today] }]);
      const gate = contractGate({ stage: deal.stage, notice: await noticeFacts(manager, deal), signedOn: dto.signedOn, today, overrideReason: dto.overrideReason ?? null, actorIsAdmin: user.role === Role.ADMIN });
      if (!gate.allowed) throw new DomainException(gate.code, gate.status, [], { stage: deal.stage });
      const seller = dto.seller ?? (await this.partyFromOrganization(manager, deal.institutionOrgId));
      const buyer = dto.buyer ?? (await this.partyFromOrganization(manager, deal.enterpriseOrgId));
      const nonTechnical = dto.nonTechnicalCostFen ?? 0;
      const issues: FieldIssue[] = [
        ...(seller ? [] : [{ field: 'seller', constraint: 'isDefined', args: [] }]),
        ...(buyer ? [] : [{ field: 'buyer', constraint: 'isDefined', args: [] }]),
        ...amountIssues(dto.contractAmountFen, nonTechnical),
        ...scheduleIssues(dto.schedule ?? [], dto.contractAmountFen),
        ...this.dateIssues(dto.termStart, dto.termEnd),
      ];
      if (issues.length > 0 || !seller || !buyer) throw DomainException.validation(issues);
      const saved = await manager.save(
        manager.create(ContractEntity, {
          code: await nextDealCode(manager, 'tech_contract_code_seq', 'C'),
          dealId: deal.id,
          contractNo: dto.contractNo ?? null,
          typeCode: dto.typeCode,
          projectName: dto.projectName,
          signedOn: dto.signedOn,
          termStart: dto.termStart,
          termEnd: dto.termEnd,
          ...this.partyColumns('seller', seller),
          ...this.partyColumns('buyer', buyer),
          contractAmountFen: dto.contractAmountFen,
          nonTechnicalCostFen: nonTechnical,
          technicalAmountFen: dto.contractAmountFen - nonTechnical,
          expectedInvestmentFen: dto.expectedInvestmentFen ?? null,
          expectedOutputFen: dto.expectedOutputFen ?? null,
          registrationStatus: RegistrationStatus.NOT_SUBMITTED,
          registrationNumber: null,
          registeredIncomeFen: null,
          registrationSubmittedOn: null,
          registrationDecidedOn: null,
          registrationNote: null,
          registrationExtra: {},
          createdById: user.id,
        }),
      );
      await faultPoint('contract.create.before-installments');
      await this.writeSchedule(manager, saved.id, dto.schedule ?? []);
      await recordAudit(manager, { action: AuditAction.CONTRACT_CREATED, actorId: user.id, ...contractSubject(saved), changes: auditDiff(EMPTY_CONTRACT, saved, CONTRACT_AUDITED_FIELDS) });
      await recordDealEvent(manager, deal, user.id, 'CONTRACT_RECORDED', `${saved.code} ${saved.projectName}：¥${fenToYuanString(saved.contractAmountFen)}`);
      // A signed contract moves its deal: the stage follows from the contract, through the same guarded move.
      if (gate.moveDeal) {
        await this.transitions.apply(manager, deal, participants, { to: 'CONTRACT_SIGNED', note: `录入已签订合同 ${saved.code}`, overrideReason: gate.overrideUsed ? (dto.overrideReason ?? null) : null }, user);
      }
      await faultPoint('contract.create.before-commit');
      return saved.id;
    });
  }

  async update(id: string, dto: UpdateContractDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const contract = await this.lock(manager, id, user, dto.version);
      // A registered contract's amounts, parties and type are frozen: a correction is an amendment.
      if (contract.registrationStatus === RegistrationStatus.REGISTERED) {
        const frozen = frozenChanges(contract, valuesOn(contract, await amendmentsOf(manager, [id])), dto);
        if (frozen.length > 0) throw new DomainException(ErrorCode.CONTRACT_FROZEN, HttpStatus.CONFLICT, frozen.map((field) => ({ field, constraint: 'frozenAfterRegistration', args: [] })));
        Object.assign(dto, { contractAmountFen: undefined, nonTechnicalCostFen: undefined, typeCode: undefined, seller: undefined, buyer: undefined });
      }
      if (dto.typeCode) await this.config.assertSelectableType(manager, dto.typeCode);
      const received = await this.received(manager, id);
      const current = valuesOn(contract, await amendmentsOf(manager, [id]));
      const contractAmount = dto.contractAmountFen ?? current.contractAmountFen;
      const nonTechnical = dto.nonTechnicalCostFen ?? current.nonTechnicalCostFen;
      const schedule = dto.schedule ?? (await manager.find(ContractInstallmentEntity, { where: { contractId: id } }));
      const issues: FieldIssue[] = [
        ...amountIssues(contractAmount, nonTechnical),
        ...scheduleIssues(schedule, contractAmount),
        ...this.dateIssues(dto.termStart ?? contract.termStart, dto.termEnd ?? contract.termEnd),
        ...(received > contractAmount ? [{ field: 'contractAmountFen', constraint: 'min', args: [received] }] : []),
        ...(dto.signedOn && dto.signedOn !== contract.signedOn ? await this.signedOnIssues(manager, contract, dto.signedOn) : []),
      ];
      if (issues.length > 0) throw DomainException.validation(issues);
      const registered = contract.registrationStatus === RegistrationStatus.REGISTERED;
      const before = { ...contract };
      Object.assign(contract, {
        ...(dto.contractNo !== undefined ? { contractNo: dto.contractNo } : {}),
        ...(dto.typeCode ? { typeCode: dto.typeCode } : {}),
        ...(dto.projectName ? { projectName: dto.projectName } : {}),
        ...(dto.signedOn ? { signedOn: dto.signedOn } : {}),
        ...(dto.termStart ? { termStart: dto.termStart } : {}),
        ...(dto.termEnd ? { termEnd: dto.termEnd } : {}),
        ...(dto.seller ? this.partyColumns('seller', dto.seller) : {}),
        ...(dto.buyer ? this.partyColumns('buyer', dto.buyer) : {}),
        ...(dto.expectedInvestmentFen !== undefined ? { expectedInvestmentFen: dto.expectedInvestmentFen } : {}),
        ...(dto.expectedOutputFen !== undefined ? { expectedOutputFen: dto.expectedOutputFen } : {}),
        // The row keeps the registered values; amendments carry later ones.
        ...(registered ? {} : { contractAmountFen: contractAmount, nonTechnicalCostFen: nonTechnical, technicalAmountFen: contractAmount - nonTechnical }),
      });
      await manager.save(contract);
      if (dto.schedule) await this.writeSchedule(manager, id, dto.schedule);
      await recordAudit(manager, { action: AuditAction.CONTRACT_UPDATED, actorId: user.id, ...contractSubject(contract), changes: auditDiff(before, contract, CONTRACT_AUDITED_FIELDS) });
    });
  }

  /** 实际到账: refused (400) when the total would exceed the contract amount. */
  async recordPayment(id: string, dto: RecordPaymentDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const contract = await this.lock(manager, id, user);
      await this.assertSigned(manager, contract);
      // Money is received after signing and not in the future: a wrong date would land in the wrong KPI year.
      const today = shanghaiDate();
      const dateIssues: FieldIssue[] = [];
      if (dto.receivedOn < contract.signedOn) dateIssues.push({ field: 'receivedOn', constraint: 'dateOrder', args: [contract.signedOn] });
      if (dto.receivedOn > today) dateIssues.push({ field: 'receivedOn', constraint: 'notInFuture', args: [today] });
      if (dateIssues.length > 0) throw DomainException.validation(dateIssues);
      const { contractAmountFen } = valuesOn(contract, await amendmentsOf(manager, [id]));
      const receivedBefore = await this.received(manager, id);
      const issues = paymentIssues(receivedBefore, dto.amountFen, contractAmountFen);
      if (issues.length > 0) throw new DomainException(ErrorCode.PAYMENT_EXCEEDS_CONTRACT, HttpStatus.BAD_REQUEST, issues);
      await manager.insert(ContractPaymentEntity, { contractId: id, receivedOn: dto.receivedOn, amountFen: dto.amountFen, evidenceNote: dto.evidenceNote, recordedById: user.id });
      contract.updatedAt = new Date();
      await manager.save(contract);
      await recordAudit(manager, {
        action: AuditAction.PAYMENT_RECORDED, actorId: user.id, ...contractSubject(contract),
        changes: { receivedFen: { from: receivedBefore, to: receivedBefore + dto.amountFen } },
        details: { amountFen: dto.amountFen, receivedOn: dto.receivedOn, note: dto.evidenceNote },
      });
      if (contract.dealId) {
        await recordDealEventById(manager, contract.dealId, user.id, 'PAYMENT_RECEIVED', `${contract.code}：¥${fenToYuanString(dto.amountFen)}（${dto.receivedOn}）${dto.evidenceNote}`);
      }
    });
  }

  async get(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<ContractDto> {
    const contract = await this.visible(manager, id, user);
    const [dto] = await toContractDtos(manager, [contract]);
    if (!dto) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    return dto;
  }

  async list(query: ListContractsQueryDto): Promise<ContractListDto> {
    const qb = this.dataSource.manager.createQueryBuilder(ContractEntity, 'c');
    if (query.dealId) qb.andWhere('c.deal_id = :deal', { deal: query.dealId });
    if (query.registrationStatus) qb.andWhere('c.registration_status = :rs', { rs: query.registrationStatus });
    if (query.typeCode) qb.andWhere('(c.type_code = :type OR c.type_code LIKE :typePrefix)', { type: query.typeCode, typePrefix: `${query.typeCode.replace(/[\\%_]/g, '\\$&')}.%` });
    const [rows, total] = await qb.orderBy('c.signed_on', 'DESC').addOrderBy('c.created_at', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items: await toContractDtos(this.dataSource.manager, rows), total };
  }

  /** Locks a contract for a write by a broker (contract:manage is checked on the route). */
  async lock(manager: EntityManager, id: string, user: AuthUser, version?: number): Promise<ContractEntity> {
    const contract = await manager.createQueryBuilder(ContractEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
    if (!contract || !managesDeals(user)) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    if (version !== undefined && contract.version !== version) throw DomainException.versionConflict(contract.version);
    return contract;
  }

  /**
   * Registration, payments and amendments need a contract whose signature stands: linked to a deal that
   * reached signing, after the notice when one was needed. A record that got in behind the gates (SQL) is
   * refused here with the reason, not built upon.
   */
  async assertSigned(manager: EntityManager, contract: ContractEntity): Promise<void> {
    const facts = await loadChainFacts(manager, { ...contract, registrationSubmittedOn: null, registrationDecidedOn: null, firstReceivedOn: null });
    const issue = chainIssue(facts);
    if (issue) throw chainRefusal(issue);
  }

  /**
   * 实际到账 to date: `tech_contract.received_fen`, which the payment trigger keeps (the one source of this
   * figure; read inside the caller's transaction, so a payment it just wrote is counted).
   */
  async received(manager: EntityManager, contractId: string): Promise<number> {
    const row = await manager.findOne(ContractEntity, { where: { id: contractId }, select: ['id', 'receivedFen'] });
    return row?.receivedFen ?? 0;
  }

  /** Brokers read every contract; parties read the contracts of the deals they are in (also the rule for its attachments). */
  async visible(manager: EntityManager, ref: string, user: AuthUser): Promise<ContractEntity> {
    const contract = await manager.findOneBy(ContractEntity, refWhere(ref));
    if (!contract) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    if (managesDeals(user)) return contract;
    if (!contract.dealId) throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    await this.access.load(contract.dealId, user, manager).catch(() => {
      throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND);
    });
    return contract;
  }

  private async writeSchedule(manager: EntityManager, contractId: string, schedule: InstallmentDto[]): Promise<void> {
    await manager.delete(ContractInstallmentEntity, { contractId });
    if (schedule.length === 0) return;
    await manager.insert(ContractInstallmentEntity, schedule.map((s, position) => ({ contractId, position, dueOn: s.dueOn, amountFen: s.amountFen, description: s.description })));
  }

  private async partyFromOrganization(manager: EntityManager, organizationId: string): Promise<ContractPartyDto> {
    const org = await getOrganizationFacts(manager, organizationId);
    return { name: org.nameZh, creditCode: org.creditCode, areaCode: org.areaCode, legalPersonType: LEGAL_PERSON_BY_KIND[org.kind], organizationId: org.id };
  }

  private partyColumns(prefix: 'seller' | 'buyer', p: ContractPartyDto): Record<string, unknown> {
    const columns: PartyColumns = {
      sellerName: p.name,
      sellerCreditCode: p.creditCode ? p.creditCode.trim().toUpperCase() : null,
      sellerAreaCode: p.areaCode,
      sellerLegalPersonType: p.legalPersonType,
      sellerOrganizationId: p.organizationId ?? null,
    };
    return Object.fromEntries(Object.entries(columns).map(([key, value]) => [key.replace(/^seller/, prefix), value]));
  }

  /** A new signing date may not break the chain (before the notice ended, after a registration or payment). */
  private async signedOnIssues(manager: EntityManager, contract: ContractEntity, signedOn: string): Promise<FieldIssue[]> {
    const today = shanghaiDate();
    if (signedOn > today) return [{ field: 'signedOn', constraint: 'notInFuture', args: [today] }];
    const facts: ChainFacts = await loadChainFacts(manager, contract);
    return chainIssue({ ...facts, signedOn }) && !chainIssue(facts) ? [{ field: 'signedOn', constraint: 'breaksChain', args: [] }] : [];
  }

  private dateIssues(termStart: string, termEnd: string): FieldIssue[] {
    return termEnd < termStart ? [{ field: 'termEnd', constraint: 'dateOrder', args: [termStart] }] : [];
  }
}

export function chainRefusal(issue: LedgerChainIssue): DomainException {
  return new DomainException(ErrorCode.CONTRACT_CHAIN_INCOMPLETE, HttpStatus.CONFLICT, [], { chainIssue: issue, chainIssueLabel: LEDGER_CHAIN_ISSUE_LABELS[issue] });
}

/** The frozen fields an edit would change (against the values in effect today). */
function frozenChanges(contract: ContractEntity, current: FrozenValues, dto: UpdateContractDto): string[] {
  const fields: string[] = [];
  if (dto.contractAmountFen !== undefined && dto.contractAmountFen !== current.contractAmountFen) fields.push('contractAmountFen');
  if (dto.nonTechnicalCostFen !== undefined && dto.nonTechnicalCostFen !== current.nonTechnicalCostFen) fields.push('nonTechnicalCostFen');
  if (dto.typeCode !== undefined && dto.typeCode !== current.typeCode) fields.push('typeCode');
  for (const side of ['seller', 'buyer'] as const) {
    const p = dto[side];
    if (!p) continue;
    const credit = p.creditCode ? p.creditCode.trim().toUpperCase() : null;
    const same =
      p.name === current[`${side}Name`] && credit === current[`${side}CreditCode`] && p.areaCode === current[`${side}AreaCode`] &&
      p.legalPersonType === contract[`${side}LegalPersonType`] && (p.organizationId ?? null) === contract[`${side}OrganizationId`];
    if (!same) fields.push(side);
  }
  return fields;
}
