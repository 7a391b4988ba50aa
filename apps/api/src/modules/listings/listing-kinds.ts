import { ListingKind } from '@xkx/contracts';
import { normalizePatentNumber } from '@xkx/util';
import { PATENT_IP_TYPES } from '@xkx/contracts';
import { CreateNeedDto } from './dto/need-write.dto';
import { CreateResultDto } from './dto/result-write.dto';
import { ListingBaseEntity } from './entities/listing-base.entity';
import { NeedEntity } from './entities/need.entity';
import { ResultIpAssetEntity } from './entities/result-ip-asset.entity';
import { ResultEntity } from './entities/result.entity';
import { SearchParts } from '../search/search-text.service';

/** The DTO fields a write may carry, as the entity sees them. */
export type ResultInput = Partial<Omit<CreateResultDto, 'organizationId'>>;
export type NeedInput = Partial<Omit<CreateNeedDto, 'organizationId'>>;

/** What differs between results and needs, so one service runs the life cycle of both. */
export interface KindSpec<E extends ListingBaseEntity, I> {
  kind: ListingKind;
  table: 'result' | 'need';
  entity: new () => E;
  codePrefix: 'R' | 'N';
  relations: string[];
  /** Applies the input to the entity; returns the names of the fields whose value changed. */
  apply(entity: E, input: I): string[];
  searchParts(entity: E): SearchParts;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function applyPlain<E extends object>(entity: E, input: object, keys: readonly string[]): string[] {
  const changed: string[] = [];
  const record = entity as Record<string, unknown>;
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!same(record[key], value)) changed.push(key);
    record[key] = value;
  }
  return changed;
}

const COMMON = ['title', 'publicSummary', 'confidentialDetail', 'indicators', 'fieldCodes', 'keywords', 'validUntil'] as const;

export const RESULT_SPEC: KindSpec<ResultEntity, ResultInput> = {
  kind: 'RESULT',
  table: 'result',
  entity: ResultEntity,
  codePrefix: 'R',
  relations: ['ipAssets'],
  apply(entity, input) {
    const changed = applyPlain(entity, input, [
      ...COMMON,
      'valueProposition', 'problemSolved', 'advantages', 'applications', 'form', 'trl', 'stage', 'owners', 'inventors', 'serviceInvention', 'transferModes',
    ]);
    if (input.price) {
      const p = input.price;
      const next = { n: p.negotiable, min: p.negotiable ? null : p.minFen, max: p.negotiable ? null : p.maxFen, t: p.negotiable ? null : p.priceType };
      if (!same({ n: entity.priceNegotiable, min: entity.priceMinFen, max: entity.priceMaxFen, t: entity.priceType }, next)) changed.push('price');
      Object.assign(entity, { priceNegotiable: next.n, priceMinFen: next.min, priceMaxFen: next.max, priceType: next.t });
    }
    if (input.ipAssets) {
      const next = input.ipAssets.map((a, position) => ({
        type: a.type,
        // Patents are stored in one canonical form so the duplicate check can compare them.
        number: PATENT_IP_TYPES.includes(a.type) ? (normalizePatentNumber(a.number) ?? a.number) : a.number.trim(),
        title: a.title ?? null,
        status: a.status,
        position,
      }));
      const current = [...(entity.ipAssets ?? [])].sort((a, b) => a.position - b.position).map((a) => ({ type: a.type, number: a.number, title: a.title, status: a.status, position: a.position }));
      if (!same(current, next)) changed.push('ipAssets');
      entity.ipAssets = next.map((a) => Object.assign(new ResultIpAssetEntity(), a));
    }
    return changed;
  },
  searchParts(e) {
    return {
      title: e.title,
      keywords: e.keywords.join(' '),
      body: [e.valueProposition, e.publicSummary, e.problemSolved, e.advantages, e.applications, e.indicators.map((i) => i.name).join(' ')].join('\n'),
    };
  },
};

export const NEED_SPEC: KindSpec<NeedEntity, NeedInput> = {
  kind: 'NEED',
  table: 'need',
  entity: NeedEntity,
  codePrefix: 'N',
  relations: [],
  apply(entity, input) {
    const changed = applyPlain(entity, input, [...COMMON, 'problem', 'mustHaves', 'niceToHaves', 'needType', 'cooperationModes', 'bountyFen', 'minTrl', 'deadline', 'anonymous']);
    if (input.budget) {
      const b = input.budget;
      const next = { n: b.negotiable, min: b.negotiable ? null : b.minFen, max: b.negotiable ? null : b.maxFen };
      if (!same({ n: entity.budgetNegotiable, min: entity.budgetMinFen, max: entity.budgetMaxFen }, next)) changed.push('budget');
      Object.assign(entity, { budgetNegotiable: next.n, budgetMinFen: next.min, budgetMaxFen: next.max });
    }
    return changed;
  },
  searchParts(e) {
    return {
      title: e.title,
      keywords: e.keywords.join(' '),
      body: [e.publicSummary, e.problem, e.mustHaves.join(' '), e.niceToHaves.join(' '), e.indicators.map((i) => i.name).join(' ')].join('\n'),
    };
  },
};
