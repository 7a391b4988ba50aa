import { Injectable } from '@nestjs/common';
import { OrganizationKind } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { countOrganizationsByKind } from '@xkx/api/modules/organizations/organization-reader';
import { OverviewResponseDto } from './dto/overview-response.dto';

@Injectable()
export class StatsService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(): Promise<OverviewResponseDto> {
    const counts = await countOrganizationsByKind(this.dataSource.manager);
    const count = (kind: OrganizationKind): number => counts.get(kind) ?? 0;
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
