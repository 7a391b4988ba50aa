import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, SubsidyClaimantKind } from '@xkx/contracts';
import { sumFen } from '@xkx/util';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findContractLabel } from '@xkx/api/modules/contracts/contract-reader';
import { RelatedPartyDto, SubsidyClaimDto, SubsidyExclusionDto, SubsidyReportDto } from './dto/kpi-response.dto';
import { PutRelatedPartyDto } from './dto/kpi-query.dto';
import { RelatedPartyMarkEntity } from './entities/related-party-mark.entity';
import { kpiBase } from './kpi-base.query';
import { KPI_CONFIG, KpiConfig } from './kpi-config';
import { fen, subsidyFen } from './kpi-math';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { contractSubject } from '@xkx/api/modules/audit/audit-subjects';

interface PaidRow {
  id: string;
  code: string;
  project_name: string;
  received_fen: string;
  related_party: boolean;
  related_reason: string | null;
  related_marked: boolean;
  enterprise_is_buyer: boolean;
  k_enterprise: string;
  l_enterprise: string;
  k_agency: string;
  l_agency: string | null;
  k_broker: string;
  l_broker: string | null;
}

const KIND_ORDER: SubsidyClaimantKind[] = ['AGENCY', 'ENTERPRISE', 'BROKER'];

/**
 * Nanjing's transfer subsidies (奖补) for a year: on money received in the year for registered
 * institution–enterprise contracts, per claimant, rate × base rounded down to the fen, then capped.
 */
@Injectable()
export class SubsidiesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KPI_CONFIG) private readonly config: KpiConfig,
  ) {}

  async report(year: number): Promise<SubsidyReportDto> {
    const { sql, params } = kpiBase({ year, view: 'registered', basis: 'paid' });
    const rows = await this.dataSource.query<PaidRow[]>(
      `${sql} SELECT id, code, project_name, received_fen::text, related_party, related_reason, related_marked, enterprise_is_buyer, k_enterprise, l_enterprise, k_agency, l_agency, k_broker, l_broker
       FROM kpi_scoped ORDER BY code`,
      params,
    );
    const excluded: SubsidyExclusionDto[] = [];
    const claims = new Map<string, Omit<SubsidyClaimDto, 'baseFen' | 'rawFen' | 'amountFen' | 'capped' | 'rateBp' | 'capFen'>>();
    const claim = (kind: SubsidyClaimantKind, key: string, name: string, row: PaidRow): void => {
      const id = `${kind}:${key}`;
      const entry = claims.get(id) ?? { kind, claimantKey: key, name, lines: [] };
      entry.lines.push({ contractId: row.id, code: row.code, projectName: row.project_name, receivedFen: fen(row.received_fen) });
      claims.set(id, entry);
    };
    for (const row of rows) {
      if (row.related_party) {
        excluded.push({ contractId: row.id, code: row.code, receivedFen: fen(row.received_fen), reason: row.related_reason ?? '', marked: row.related_marked });
        continue;
      }
      if (row.enterprise_is_buyer) claim('ENTERPRISE', row.k_enterprise, row.l_enterprise, row);
      // One deal, one intermediary claim: the agency of the lead broker or the broker, by configuration.
      const hasAgency = row.k_agency !== 'none';
      const hasBroker = row.k_broker !== 'none';
      if (this.config.agencyBrokerPriority === 'AGENCY') {
        if (hasAgency) claim('AGENCY', row.k_agency, row.l_agency ?? '', row);
        else if (hasBroker) claim('BROKER', row.k_broker, row.l_broker ?? '', row);
      } else if (hasBroker) {
        claim('BROKER', row.k_broker, row.l_broker ?? '', row);
      }
    }
    const result: SubsidyClaimDto[] = [...claims.values()].map((c) => {
      const rule = this.config.subsidy[c.kind];
      const baseFen = sumFen(c.lines.map((l) => l.receivedFen));
      return { ...c, baseFen, rateBp: rule.rateBp, capFen: rule.capFen, ...subsidyFen(baseFen, rule.rateBp, rule.capFen) };
    });
    result.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.amountFen - a.amountFen || a.claimantKey.localeCompare(b.claimantKey));
    return { year, agencyBrokerPriority: this.config.agencyBrokerPriority, claims: result, totalFen: sumFen(result.map((c) => c.amountFen)), excluded };
  }

  /** Marks (or unmarks) a contract as a related-party deal: it keeps counting in the figures but earns no subsidy. */
  async markRelatedParty(contractId: string, dto: PutRelatedPartyDto, user: AuthUser): Promise<RelatedPartyDto> {
    return this.dataSource.transaction(async (manager) => {
      const contract = await findContractLabel(manager, contractId);
      if (!contract) throw DomainException.notFound('CONTRACT_NOT_FOUND');
      const before = await manager.findOneBy(RelatedPartyMarkEntity, { contractId });
      const audit = (related: boolean, reason: string | null) =>
        recordAudit(manager, {
          action: AuditAction.SUBSIDY_MARK_CHANGED, actorId: user.id, ...contractSubject(contract),
          changes: auditDiff({ relatedParty: !!before, reason: before?.reason ?? null }, { relatedParty: related, reason }, ['relatedParty', 'reason']),
        });
      if (!dto.related) {
        await manager.delete(RelatedPartyMarkEntity, { contractId });
        await audit(false, null);
        return { contractId, related: false, reason: null };
      }
      if (!dto.reason) throw DomainException.validation([{ field: 'reason', constraint: 'isDefined', args: [] }]);
      await manager.upsert(RelatedPartyMarkEntity, { contractId, reason: dto.reason, markedById: user.id }, ['contractId']);
      await audit(true, dto.reason);
      return { contractId, related: true, reason: dto.reason };
    });
  }
}
