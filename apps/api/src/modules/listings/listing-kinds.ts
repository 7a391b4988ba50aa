import { LISTING_KINDS, ListingKind, ListingKindFacts, PATENT_IP_TYPES, PriceType, TransferMode } from '@xkx/contracts';
import { MatchDoc, NeedDoc, ResultDoc } from '@xkx/matching';
import { normalizePatentNumber } from '@xkx/util';
import { CreateNeedDto } from './dto/need-write.dto';
import { CreateResultDto } from './dto/result-write.dto';
import { NeedResponseDto, ResultResponseDto, ViewContext, toNeedResponse, toResultResponse } from './dto/listing-response.dto';
import { ListingBaseEntity } from './entities/listing-base.entity';
import { NeedEntity } from './entities/need.entity';
import { ResultIpAssetEntity } from './entities/result-ip-asset.entity';
import { ResultEntity } from './entities/result.entity';
import { OrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { SearchParts } from '@xkx/api/modules/search/search-text.service';

/** The DTO fields a write may carry, as the entity sees them. */
export type ResultInput = Partial<Omit<CreateResultDto, 'organizationId'>>;
export type NeedInput = Partial<Omit<CreateNeedDto, 'organizationId'>>;

/** A listing as a card on the other side's screens (matches, opportunities): its public face. */
export interface ListingFace {
  /** 一句话价值 of a result, 需解决的问题 of a need. */
  subtitle: string;
  /** A result's TRL, a need's minimum TRL. */
  trl: number | null;
  /** A result's price, a need's budget. */
  money: { negotiable: boolean; minFen: number | null; maxFen: number | null; priceType?: PriceType | null };
  /** A result's transfer modes, a need's cooperation modes. */
  modes: TransferMode[];
  /** An anonymous need hides its enterprise from everyone but brokers. */
  anonymous: boolean;
}

/**
 * Everything that differs between results and needs, so one piece of code serves both: the facts
 * shared with the web (names, table, code prefix, path), the entity and how a write applies to it,
 * its public text (one source for search and matching), its match document and its card.
 */
export interface KindSpec<E extends ListingBaseEntity, I> extends ListingKindFacts {
  entity: new () => E;
  /** The create request's DTO class (imports validate sheet rows with it). */
  createDto: new () => CreateResultDto | CreateNeedDto;
  /** Column headings of the Excel export, in Chinese like the rest of the sheet. */
  sheetHeadings: { title: string; subtitle: string; organization: string; trl: string; modes: string; moneyMin: string; moneyMax: string };
  relations: string[];
  /** Applies the input to the entity; returns the names of the fields whose value changed. */
  apply(entity: E, input: I): string[];
  /** The public text after the title, as search indexes it and matching reads it; never the confidential layer. */
  text(entity: E): string;
  searchParts(entity: E): SearchParts;
  matchDoc(entity: E): MatchDoc;
  face(entity: E): ListingFace;
  /** The response DTO of a loaded listing, confidential layer as the view allows. */
  respond(entity: E, organization: OrganizationFacts, view: ViewContext): ResultResponseDto | NeedResponseDto;
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
  ...LISTING_KINDS.RESULT,
  entity: ResultEntity,
  createDto: CreateResultDto,
  sheetHeadings: { title: '成果名称', subtitle: '一句话价值', organization: '所属机构', trl: 'TRL', modes: '转化方式', moneyMin: '最低价(万元)', moneyMax: '最高价(万元)' },
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
  text(e) {
    return [e.valueProposition, e.publicSummary, e.problemSolved, e.advantages, e.applications, e.indicators.map((i) => i.name).join(' ')].join('\n');
  },
  searchParts(e) {
    return { title: e.title, keywords: e.keywords.join(' '), body: this.text(e), fieldCodes: e.fieldCodes };
  },
  matchDoc(e): ResultDoc {
    return {
      kind: 'result',
      id: e.id,
      title: e.title,
      summary: this.text(e),
      keywords: e.keywords,
      fieldCodes: e.fieldCodes,
      trl: e.trl,
      price: e.priceNegotiable ? null : { min: e.priceMinFen, max: e.priceMaxFen },
      transferModes: e.transferModes,
      updatedAt: e.updatedAt,
      validUntil: e.validUntil,
      organizationId: e.organizationId,
    };
  },
  face(e) {
    return {
      subtitle: e.valueProposition,
      trl: e.trl,
      money: { negotiable: e.priceNegotiable, minFen: e.priceMinFen, maxFen: e.priceMaxFen, priceType: e.priceType },
      modes: e.transferModes,
      anonymous: false,
    };
  },
  respond: toResultResponse,
};

export const NEED_SPEC: KindSpec<NeedEntity, NeedInput> = {
  ...LISTING_KINDS.NEED,
  entity: NeedEntity,
  createDto: CreateNeedDto,
  sheetHeadings: { title: '需求名称', subtitle: '需解决的问题', organization: '所属企业', trl: '最低TRL', modes: '合作方式', moneyMin: '预算下限(万元)', moneyMax: '预算上限(万元)' },
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
  text(e) {
    return [e.publicSummary, e.problem, e.mustHaves.join(' '), e.niceToHaves.join(' '), e.indicators.map((i) => i.name).join(' ')].join('\n');
  },
  searchParts(e) {
    return { title: e.title, keywords: e.keywords.join(' '), body: this.text(e), fieldCodes: e.fieldCodes };
  },
  matchDoc(e): NeedDoc {
    return {
      kind: 'need',
      id: e.id,
      title: e.title,
      description: this.text(e),
      keywords: e.keywords,
      fieldCodes: e.fieldCodes,
      minTrl: e.minTrl,
      budget: e.budgetNegotiable ? null : { min: e.budgetMinFen, max: e.budgetMaxFen },
      cooperationModes: e.cooperationModes,
      updatedAt: e.updatedAt,
      validUntil: e.validUntil,
      organizationId: e.organizationId,
    };
  },
  face(e) {
    return {
      subtitle: e.problem,
      trl: e.minTrl,
      money: { negotiable: e.budgetNegotiable, minFen: e.budgetMinFen, maxFen: e.budgetMaxFen },
      modes: e.cooperationModes,
      anonymous: e.anonymous,
    };
  },
  respond: toNeedResponse,
};

/**
 * Either kind's spec for code that serves both. Erased to the base entity: the spec of a kind is
 * only ever handed entities of that kind (read with its own `entity` class).
 */
export type AnyKindSpec = KindSpec<ListingBaseEntity, object>;

export const LISTING_SPECS: Readonly<Record<ListingKind, AnyKindSpec>> = {
  RESULT: RESULT_SPEC as unknown as AnyKindSpec,
  NEED: NEED_SPEC as unknown as AnyKindSpec,
};

export const kindSpec = (kind: ListingKind): AnyKindSpec => LISTING_SPECS[kind];
