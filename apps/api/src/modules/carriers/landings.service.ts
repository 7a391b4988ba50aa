import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode, LANDING_KIND_LABELS, SIGNED_DEAL_STAGES } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';
import { DealAccessService, managesDeals } from '@xkx/api/modules/deals/deal-access.service';
import { recordDealEvent } from '@xkx/api/modules/deals/deal-events';
import { userNames } from '@xkx/api/modules/users/user-reader';
import { DealLandingDto, LandingDto, PutLandingDto } from './dto/landing.dto';
import { InnovationCarrierEntity } from './entities/innovation-carrier.entity';
import { ProjectLandingEntity } from './entities/project-landing.entity';

const AUDITED = ['carrier', 'areaM2', 'landingKind', 'companyName', 'companyCreditCode', 'jobsPlanned', 'landedOn', 'note'] as const;

type LandingValues = Pick<ProjectLandingEntity, 'areaM2' | 'kind' | 'companyName' | 'companyCreditCode' | 'jobsPlanned' | 'landedOn' | 'note'>;

/** A landing as the audit trail shows it: the carrier by name. */
const auditView = (l: LandingValues, carrierName: string) => ({
  carrier: carrierName, areaM2: l.areaM2, landingKind: l.kind, companyName: l.companyName, companyCreditCode: l.companyCreditCode,
  jobsPlanned: l.jobsPlanned, landedOn: l.landedOn, note: l.note,
});

/** 项目落地: a broker records where a signed deal's project landed; the deal's people see it. */
@Injectable()
export class LandingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
  ) {}

  async get(ref: string, user: AuthUser): Promise<DealLandingDto> {
    const { deal } = await this.access.load(ref, user);
    const landing = await this.dataSource.manager.findOneBy(ProjectLandingEntity, { dealId: deal.id });
    return { landing: landing ? await this.toDto(this.dataSource.manager, landing) : null, canRecord: managesDeals(user) && SIGNED_DEAL_STAGES.includes(deal.stage) };
  }

  /** Records or corrects the landing: only on a deal whose contract is signed, never before the signing date. */
  async put(dealId: string, dto: PutLandingDto, user: AuthUser): Promise<DealLandingDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal } = await this.access.lock(manager, dealId, user);
      if (!SIGNED_DEAL_STAGES.includes(deal.stage)) throw new DomainException(ErrorCode.LANDING_DEAL_NOT_SIGNED, HttpStatus.CONFLICT);
      const issues: FieldIssue[] = [];
      const carrier = await manager.findOneBy(InnovationCarrierEntity, { id: dto.carrierId });
      if (!carrier || !carrier.active) issues.push({ field: 'carrierId', constraint: 'unknownCarrier', args: [] });
      const [signed] = await manager.query<Array<{ first: string | null }>>(`SELECT min(signed_on)::text AS first FROM tech_contract WHERE deal_id = $1`, [deal.id]);
      const today = shanghaiDate();
      if (signed?.first && dto.landedOn < signed.first) issues.push({ field: 'landedOn', constraint: 'landedBeforeSigned', args: [signed.first] });
      if (dto.landedOn > today) issues.push({ field: 'landedOn', constraint: 'notInFuture', args: [today] });
      if (issues.length || !carrier) throw DomainException.validation(issues);

      const stored = await manager.findOne(ProjectLandingEntity, { where: { dealId: deal.id }, lock: { mode: 'pessimistic_write' } });
      if (stored && dto.version !== stored.version) throw DomainException.versionConflict(stored.version);
      const storedCarrier = stored ? await manager.findOneBy(InnovationCarrierEntity, { id: stored.carrierId }) : null;
      const values = {
        carrierId: carrier.id, areaM2: dto.areaM2, kind: dto.kind, companyName: dto.companyName, companyCreditCode: dto.companyCreditCode ?? null,
        jobsPlanned: dto.jobsPlanned, landedOn: dto.landedOn, note: dto.note || null, recordedById: user.id,
      };
      const before = stored && storedCarrier ? auditView(stored, storedCarrier.nameZh) : {};
      const landing = stored ? Object.assign(stored, values) : manager.create(ProjectLandingEntity, { dealId: deal.id, ...values });
      await manager.save(landing);
      await recordAudit(manager, {
        action: stored ? AuditAction.LANDING_UPDATED : AuditAction.LANDING_RECORDED, actorId: user.id, ...dealSubject(deal),
        changes: auditDiff<Partial<ReturnType<typeof auditView>>>(before, auditView(values, carrier.nameZh), AUDITED),
      });
      const words = `${LANDING_KIND_LABELS[dto.kind]['zh-CN']}「${dto.companyName}」落地${carrier.nameZh}，${dto.areaM2} 平方米，计划就业 ${dto.jobsPlanned} 人（${dto.landedOn}）`;
      await recordDealEvent(manager, deal, user.id, 'LANDING_RECORDED', stored ? `更正落地信息：${words}` : words);
      return { landing: await this.toDto(manager, landing), canRecord: true };
    });
  }

  private async toDto(manager: EntityManager, l: ProjectLandingEntity): Promise<LandingDto> {
    const carrier = await manager.findOneByOrFail(InnovationCarrierEntity, { id: l.carrierId });
    const [recorder] = l.recordedById ? await userNames(manager, [l.recordedById]) : [];
    return Object.assign(new LandingDto(), {
      id: l.id, dealId: l.dealId, carrierId: l.carrierId, carrierName: carrier.nameZh, areaM2: l.areaM2, kind: l.kind, companyName: l.companyName,
      companyCreditCode: l.companyCreditCode, jobsPlanned: l.jobsPlanned, landedOn: l.landedOn, note: l.note, recordedBy: recorder?.name ?? null,
      updatedAt: l.updatedAt.toISOString(), version: l.version,
    });
  }
}
