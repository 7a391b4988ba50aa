import type { CooperationMode, MatchReason, MoneyRangeFen, NeedDoc, ResultDoc } from './types';

/** A factor value in [-1, 1] (0 = neutral or unknown) and the reasons that explain it. */
export interface Factor {
  value: number;
  reasons: MatchReason[];
}

const NEUTRAL: Factor = { value: 0, reasons: [] };

const MODE_LABELS: Record<CooperationMode, { zh: string; en: string }> = {
  TRANSFER: { zh: '转让', en: 'transfer' },
  LICENSE_EXCLUSIVE: { zh: '独占许可', en: 'exclusive licence' },
  LICENSE_SOLE: { zh: '排他许可', en: 'sole licence' },
  LICENSE_GENERAL: { zh: '普通许可', en: 'non-exclusive licence' },
  EQUITY: { zh: '作价投资', en: 'equity investment' },
  CO_DEVELOPMENT: { zh: '合作开发', en: 'co-development' },
  SERVICE: { zh: '技术服务', en: 'technical service' },
};

/** 'AI.CV.OCR' → ['AI', 'AI.CV', 'AI.CV.OCR']. */
function ancestry(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Proximity of two codes: 1 same, 0.7 one contains the other, 0.4 same parent, 0.2 same root, 0 unrelated. */
export function codeProximity(a: string, b: string): number {
  if (a === b) return 1;
  const pa = ancestry(a);
  const pb = ancestry(b);
  if (pa.includes(b) || pb.includes(a)) return 0.7;
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common++;
  if (common === 0) return 0;
  const deepest = Math.max(pa.length, pb.length);
  return common >= deepest - 1 ? 0.4 : 0.2;
}

/** Field proximity: best pair of codes; unrelated fields count against (-0.3), missing codes are neutral. */
export function fieldFactor(need: NeedDoc, result: ResultDoc): Factor {
  const a = need.fieldCodes ?? [];
  const b = result.fieldCodes ?? [];
  if (a.length === 0 || b.length === 0) return NEUTRAL;
  let best = 0;
  let pair: [string, string] = [a[0] as string, b[0] as string];
  for (const x of a) {
    for (const y of b) {
      const p = codeProximity(x, y);
      if (p > best) {
        best = p;
        pair = [x, y];
      }
    }
  }
  if (best === 1) {
    return {
      value: 1,
      reasons: [
        {
          code: 'SAME_FIELD',
          fieldCodes: [pair[0]],
          zh: `同一技术领域（${pair[0]}）`,
          en: `Same technology field (${pair[0]})`,
        },
      ],
    };
  }
  if (best > 0) {
    return {
      value: best,
      reasons: [
        {
          code: 'RELATED_FIELD',
          fieldCodes: pair,
          zh: `相关技术领域（${pair[0]} / ${pair[1]}）`,
          en: `Related technology fields (${pair[0]} / ${pair[1]})`,
        },
      ],
    };
  }
  return {
    value: -0.3,
    reasons: [
      { code: 'DIFFERENT_FIELD', fieldCodes: pair, zh: '技术领域不同', en: 'Different technology fields' },
    ],
  };
}

/** TRL fit: meeting the need's minimum is +1; each level short costs a third, down to -1. */
export function trlFactor(need: NeedDoc, result: ResultDoc, minTrlOverride?: number): Factor {
  const trl = result.trl;
  const min = Math.max(need.minTrl ?? 0, minTrlOverride ?? 0) || null;
  if (trl == null || min == null) return NEUTRAL;
  if (trl >= min) {
    return {
      value: 1,
      reasons: [
        { code: 'TRL_MEETS', zh: `TRL ${trl} ≥ 需求最低 ${min}`, en: `TRL ${trl} ≥ required ${min}` },
      ],
    };
  }
  return {
    value: Math.max(-1, -(min - trl) / 3),
    reasons: [
      { code: 'TRL_BELOW', zh: `TRL ${trl} 低于需求最低 ${min}`, en: `TRL ${trl} below required ${min}` },
    ],
  };
}

function yuan(fen: number): string {
  const y = fen / 100;
  return y >= 10000 ? `${+(y / 10000).toFixed(1)}万元` : `${Math.round(y)}元`;
}

function isNegotiable(range: MoneyRangeFen | null | undefined): boolean {
  return range == null || (range.min == null && range.max == null);
}

/** Price vs budget: inside +1, overlapping +0.5, above the budget down to -1 by how far; 面议 is neutral. */
export function priceFactor(need: NeedDoc, result: ResultDoc): Factor {
  const price = result.price;
  const budget = need.budget;
  if (isNegotiable(price) || isNegotiable(budget)) {
    return {
      value: 0,
      reasons: [{ code: 'PRICE_NEGOTIABLE', zh: '价格面议', en: 'Price negotiable' }],
    };
  }
  const pMin = price?.min ?? price?.max ?? 0;
  const pMax = price?.max ?? Number.POSITIVE_INFINITY;
  const bMin = budget?.min ?? 0;
  const bMax = budget?.max ?? Number.POSITIVE_INFINITY;
  if (pMin >= bMin && pMax <= bMax) {
    return {
      value: 1,
      reasons: [{ code: 'PRICE_WITHIN_BUDGET', zh: '报价在预算内', en: 'Price within budget' }],
    };
  }
  if (pMin <= bMax) {
    return {
      value: 0.5,
      reasons: [
        { code: 'PRICE_OVERLAPS_BUDGET', zh: '报价与预算部分重叠', en: 'Price range overlaps the budget' },
      ],
    };
  }
  const over = Number.isFinite(bMax) && bMax > 0 ? (pMin - bMax) / bMax : 1;
  return {
    value: -Math.min(1, 0.25 + over / 2),
    reasons: [
      {
        code: 'PRICE_ABOVE_BUDGET',
        zh: `最低报价 ${yuan(pMin)} 超出预算上限 ${yuan(bMax)}`,
        en: `Lowest price ${yuan(pMin)} above the budget cap ${yuan(bMax)}`,
      },
    ],
  };
}

/** Mode overlap: a shared mode +1, both stated and disjoint -0.5, unknown neutral. */
export function modesFactor(need: NeedDoc, result: ResultDoc): Factor {
  const wanted = need.cooperationModes ?? [];
  const offered = result.transferModes ?? [];
  if (wanted.length === 0 || offered.length === 0) return NEUTRAL;
  const shared = offered.filter((m) => wanted.includes(m));
  if (shared.length > 0) {
    return {
      value: 1,
      reasons: [
        {
          code: 'MODES_MATCH',
          modes: shared,
          zh: `合作方式一致：${shared.map((m) => MODE_LABELS[m].zh).join('、')}`,
          en: `Matching deal modes: ${shared.map((m) => MODE_LABELS[m].en).join(', ')}`,
        },
      ],
    };
  }
  return {
    value: -0.5,
    reasons: [{ code: 'MODES_DIFFER', zh: '合作方式不一致', en: 'Deal modes differ' }],
  };
}

export function toTime(value: Date | string | null | undefined): number | null {
  if (value == null) return null;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

const DAY_MS = 86_400_000;

/** Freshness of the candidate: exponential decay of its age, 1 today → 0.5 at one half-life → 0. */
export function freshnessFactor(
  doc: { updatedAt?: Date | string | null },
  now: Date,
  halfLifeDays: number,
): Factor {
  const t = toTime(doc.updatedAt);
  if (t == null) return NEUTRAL;
  const ageDays = Math.max(0, (now.getTime() - t) / DAY_MS);
  const value = Math.pow(0.5, ageDays / halfLifeDays);
  const reasons: MatchReason[] =
    ageDays <= 30
      ? [{ code: 'RECENTLY_UPDATED', zh: '近30天内更新', en: 'Updated in the last 30 days' }]
      : [];
  return { value, reasons };
}

export function isExpired(doc: { validUntil?: Date | string | null }, now: Date): boolean {
  const t = toTime(doc.validUntil);
  return t != null && t < now.getTime();
}

/** Terms listed in a reason: the most informative first, dropping ones contained in a listed longer term. */
export function pickReasonTerms(terms: readonly string[], limit: number): string[] {
  // Whole words only: drop single characters and the search-mode fragments of longer shared words
  // (传感器 rather than 感器), keeping the weight order of what remains.
  const whole = terms.filter((t) => [...t].length >= 2 && !terms.some((o) => o !== t && o.includes(t)));
  const picked: string[] = [];
  for (const term of whole) {
    if (picked.length >= limit) break;
    if (picked.some((p) => p.includes(term) || term.includes(p))) continue;
    picked.push(term);
  }
  return picked;
}

export function sharedTermsReason(terms: readonly string[]): MatchReason | undefined {
  if (terms.length === 0) return undefined;
  return {
    code: 'SHARED_TERMS',
    terms: [...terms],
    zh: `共同关键词：${terms.join('、')}`,
    en: `Shared key terms: ${terms.join(', ')}`,
  };
}

export function relatedTermsReason(terms: readonly string[]): MatchReason | undefined {
  if (terms.length === 0) return undefined;
  return {
    code: 'RELATED_TERMS',
    terms: [...terms],
    zh: `相关主题词：${terms.join('、')}`,
    en: `Related topic terms: ${terms.join(', ')}`,
  };
}
