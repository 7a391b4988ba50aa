import { RESEARCH_OUTPUT_KIND_LABELS, ResearchOutput } from '@xkx/contracts';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';

/**
 * What the audit trail records of an expert profile and a laboratory: the fields people edit, under the
 * audit vocabulary's names (libs/shared/contracts audit.ts), outputs as words ("论文：…（DOI）") rather than JSON,
 * the laboratory by its name, never internal ids.
 */
export interface ExpertAuditView {
  nameZh: string;
  nameEn: string | null;
  expertTitle: string;
  laboratory: string | null;
  researchFields: string[];
  directions: string;
  bio: string;
  outputs: string[];
  cooperationModes: string[];
  availability: string;
  contactEmail: string | null;
  contactPhone: string | null;
  verified: boolean;
}

export const EXPERT_AUDITED: readonly (keyof ExpertAuditView)[] = [
  'nameZh', 'nameEn', 'expertTitle', 'laboratory', 'researchFields', 'directions', 'bio', 'outputs', 'cooperationModes', 'availability', 'contactEmail', 'contactPhone', 'verified',
];

export function outputWords(outputs: readonly ResearchOutput[]): string[] {
  return outputs.map((o) => `${RESEARCH_OUTPUT_KIND_LABELS[o.kind]['zh-CN']}：${o.title}${o.ref ? `（${o.ref}）` : ''}${o.year ? ` ${o.year}` : ''}`);
}

export function expertAuditView(e: ExpertEntity, laboratoryName: string | null): ExpertAuditView {
  return {
    nameZh: e.nameZh, nameEn: e.nameEn, expertTitle: e.title, laboratory: laboratoryName, researchFields: [...e.fieldCodes], directions: e.directions, bio: e.bio,
    outputs: outputWords(e.outputs), cooperationModes: [...e.cooperationModes], availability: e.availability, contactEmail: e.contactEmail, contactPhone: e.contactPhone, verified: e.verified,
  };
}

export interface LaboratoryAuditView {
  nameZh: string;
  nameEn: string | null;
  labKind: string;
  researchFields: string[];
  directions: string;
  headName: string | null;
  summary: string;
  outputs: string[];
}

export const LABORATORY_AUDITED: readonly (keyof LaboratoryAuditView)[] = ['nameZh', 'nameEn', 'labKind', 'researchFields', 'directions', 'headName', 'summary', 'outputs'];

export function laboratoryAuditView(l: LaboratoryEntity): LaboratoryAuditView {
  return { nameZh: l.nameZh, nameEn: l.nameEn, labKind: l.kind, researchFields: [...l.fieldCodes], directions: l.directions, headName: l.headName, summary: l.summary, outputs: outputWords(l.outputs) };
}
