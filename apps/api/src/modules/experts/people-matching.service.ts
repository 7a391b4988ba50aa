import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, ExpertTitle, LaboratoryKind, PeopleMatchReason } from '@xkx/contracts';
import { NeedDoc, PeopleRanker, PersonDoc, PersonHit } from '@xkx/matching';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findMatchDoc } from '@xkx/api/modules/listings/listing-reader';
import { canManage, isBroker } from '@xkx/api/modules/listings/listing-access';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { ExpertMatchListDto, LaboratoryMatchListDto } from './dto/expert-response.dto';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';
import { ExpertsService } from './experts.service';
import { LaboratoriesService } from './laboratories.service';
import { outputsText } from './people-mappers';

/** Title as a factor (院士 1 … 讲师 0.2); laboratories by kind. */
export const TITLE_SENIORITY: Record<ExpertTitle, number> = {
  ACADEMICIAN: 1,
  PROFESSOR: 0.8,
  RESEARCH_FELLOW: 0.8,
  ASSOCIATE_PROFESSOR: 0.6,
  ASSOCIATE_RESEARCH_FELLOW: 0.6,
  SENIOR_ENGINEER: 0.5,
  LECTURER: 0.2,
};
export const KIND_SENIORITY: Record<LaboratoryKind, number> = {
  NATIONAL_KEY_LAB: 1,
  PROVINCIAL_KEY_LAB: 0.7,
  ENGINEERING_CENTER: 0.6,
  NEW_RND_INSTITUTION: 0.6,
  OTHER_PLATFORM: 0.4,
};

interface CachedRanker {
  version: string;
  ranker: PeopleRanker;
  labels: Map<string, { title?: string; availability?: string }>;
}

/**
 * A need's experts and laboratories, ranked by the matching engine (PeopleRanker over the same analyzer as
 * search) and explained like result matches. The ranker is rebuilt when a verified profile or a laboratory
 * changes (their count and latest update are the version), so a request after an edit sees it.
 */
@Injectable()
export class PeopleMatchingService {
  private readonly cache = new Map<'expert' | 'laboratory', CachedRanker>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
    private readonly experts: ExpertsService,
    private readonly laboratories: LaboratoriesService,
  ) {}

  async expertsFor(needId: string, user: AuthUser, limit = 20): Promise<ExpertMatchListDto> {
    const need = await this.need(needId, user);
    const cached = await this.ranker('expert');
    const hits = cached.ranker.rank(need, limit);
    const summaries = new Map((await this.experts.summaries(this.dataSource.manager, hits.map((h) => h.id))).map((s) => [s.id, s]));
    return {
      needId,
      items: hits.flatMap((h) => {
        const expert = summaries.get(h.id);
        return expert ? [{ expert, score: round(h.score), reasons: reasons(h, cached.labels.get(h.id) ?? {}) }] : [];
      }),
    };
  }

  async laboratoriesFor(needId: string, user: AuthUser, limit = 20): Promise<LaboratoryMatchListDto> {
    const need = await this.need(needId, user);
    const cached = await this.ranker('laboratory');
    const hits = cached.ranker.rank(need, limit);
    const summaries = new Map((await this.laboratories.summaries(this.dataSource.manager, hits.map((h) => h.id))).map((s) => [s.id, s]));
    return {
      needId,
      items: hits.flatMap((h) => {
        const laboratory = summaries.get(h.id);
        return laboratory ? [{ laboratory, score: round(h.score), reasons: reasons(h, cached.labels.get(h.id) ?? {}) }] : [];
      }),
    };
  }

  /** The need, if the caller may see its matches (its owner, its enterprise's staff, brokers). */
  private async need(id: string, user: AuthUser): Promise<NeedDoc> {
    const found = await findMatchDoc(this.dataSource.manager, 'NEED', id);
    if (!found || (!canManage(user, 'NEED', found.facts) && !isBroker(user))) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    if (found.doc.kind !== 'need') throw new DomainException(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST);
    return found.doc;
  }

  private async ranker(kind: 'expert' | 'laboratory'): Promise<CachedRanker> {
    const m = this.dataSource.manager;
    const scope = kind === 'expert' ? 'WHERE verified' : '';
    const [v] = await m.query<Array<{ version: string }>>(`SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS version FROM ${kind} ${scope}`);
    const version = v?.version ?? '';
    const hit = this.cache.get(kind);
    if (hit && hit.version === version) return hit;
    const labels = new Map<string, { title?: string; availability?: string }>();
    let people: PersonDoc[];
    if (kind === 'expert') {
      const rows = await m.findBy(ExpertEntity, { verified: true });
      people = rows.map((e) => {
        labels.set(e.id, { title: e.title, availability: e.availability });
        return { id: e.id, directions: e.directions, body: `${e.bio}\n${outputsText(e.outputs)}`, fieldCodes: e.fieldCodes, seniority: TITLE_SENIORITY[e.title], availability: e.availability };
      });
    } else {
      const rows = await m.find(LaboratoryEntity);
      people = rows.map((l) => {
        labels.set(l.id, { title: l.kind });
        return { id: l.id, directions: `${l.nameZh} ${l.directions}`, body: `${l.summary}\n${outputsText(l.outputs)}`, fieldCodes: l.fieldCodes, seniority: KIND_SENIORITY[l.kind] };
      });
    }
    const built: CachedRanker = { version, ranker: new PeopleRanker(people, { analyzer: this.text.textAnalyzer }), labels };
    this.cache.set(kind, built);
    return built;
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function reasons(hit: PersonHit, label: { title?: string; availability?: string }): PeopleMatchReason[] {
  const out: PeopleMatchReason[] = [];
  if (hit.terms.length) out.push({ kind: 'terms', values: hit.terms.slice(0, 8) });
  if (hit.fieldCodes.length) out.push({ kind: 'field', values: hit.fieldCodes });
  if (label.title) out.push({ kind: 'title', values: [label.title] });
  if (label.availability) out.push({ kind: 'availability', values: [label.availability] });
  return out;
}
