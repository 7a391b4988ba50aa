import { ResearchOutput, RESEARCH_OUTPUT_KIND_LABELS } from '@xkx/contracts';
import type { SearchParts } from '@xkx/api/modules/search/search-text.service';
import { ExpertDetailDto, ExpertSummaryDto, LaboratorySummaryDto } from './dto/expert-response.dto';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';

/** An organization's name as the mappers need it. */
export interface OrgName {
  id: string;
  nameZh: string;
  nameEn: string | null;
}

/** Outputs as searchable, matchable text: "论文 高镍正极… 专利 CN2023… 一种…". */
export function outputsText(outputs: readonly ResearchOutput[]): string {
  return outputs.map((o) => `${RESEARCH_OUTPUT_KIND_LABELS[o.kind]['zh-CN']} ${o.title}${o.ref ? ` ${o.ref}` : ''}`).join('；');
}

/** An expert's search document: name (A), directions (B), bio and outputs (C), fields (D). */
export function expertSearchParts(e: Pick<ExpertEntity, 'nameZh' | 'directions' | 'bio' | 'outputs' | 'fieldCodes'>): SearchParts {
  return { title: e.nameZh, keywords: e.directions, body: `${e.bio}\n${outputsText(e.outputs)}`, fieldCodes: e.fieldCodes };
}

export function laboratorySearchParts(l: Pick<LaboratoryEntity, 'nameZh' | 'directions' | 'summary' | 'outputs' | 'fieldCodes'>): SearchParts {
  return { title: l.nameZh, keywords: l.directions, body: `${l.summary}\n${outputsText(l.outputs)}`, fieldCodes: l.fieldCodes };
}

export function expertSummary(e: ExpertEntity, org: OrgName, lab: { id: string; nameZh: string } | null): ExpertSummaryDto {
  return {
    id: e.id,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    title: e.title,
    organization: { id: org.id, nameZh: org.nameZh, nameEn: org.nameEn },
    laboratory: lab ? { id: lab.id, nameZh: lab.nameZh } : null,
    fieldCodes: e.fieldCodes,
    directions: e.directions,
    cooperationModes: e.cooperationModes,
    availability: e.availability,
    verified: e.verified,
  };
}

export function expertDetail(e: ExpertEntity, org: OrgName, lab: { id: string; nameZh: string } | null, showContact: boolean): ExpertDetailDto {
  return {
    ...expertSummary(e, org, lab),
    bio: e.bio,
    outputs: e.outputs.map((o) => ({ kind: o.kind, title: o.title, ...(o.ref ? { ref: o.ref } : {}), ...(o.year ? { year: o.year } : {}) })),
    contact: showContact ? { email: e.contactEmail, phone: e.contactPhone } : null,
    userId: e.userId,
    version: e.version,
  };
}

export function laboratorySummary(l: LaboratoryEntity, org: OrgName, memberCount: number): LaboratorySummaryDto {
  return {
    id: l.id,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    kind: l.kind,
    organization: { id: org.id, nameZh: org.nameZh, nameEn: org.nameEn },
    fieldCodes: l.fieldCodes,
    directions: l.directions,
    headName: l.headName,
    memberCount,
  };
}
