import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrganizationKind } from '@xkx/contracts';
import { Repository } from 'typeorm';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';
import { OverviewResponseDto } from './dto/overview-response.dto';

@Injectable()
export class StatsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  async overview(): Promise<OverviewResponseDto> {
    const rows = await this.organizations
      .createQueryBuilder('o')
      .select('o.kind', 'kind')
      .addSelect('COUNT(*)::int', 'count')
      .groupBy('o.kind')
      .getRawMany<{ kind: OrganizationKind; count: number }>();
    const count = (kind: OrganizationKind): number => Number(rows.find((r) => r.kind === kind)?.count ?? 0);
    const universities = count(OrganizationKind.UNIVERSITY);
    const institutes = count(OrganizationKind.INSTITUTE);
    return {
      institutions: universities + institutes,
      universities,
      institutes,
      enterprises: count(OrganizationKind.ENTERPRISE),
      agencies: count(OrganizationKind.AGENCY),
    };
  }
}
