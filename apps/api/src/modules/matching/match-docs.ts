import { NeedDoc, ResultDoc } from '@xkx/matching';
import { NeedEntity } from '../listings/entities/need.entity';
import { ResultEntity } from '../listings/entities/result.entity';

/** A published result as the matching engine reads it: public layer only, never the confidential one. */
export function resultDoc(e: ResultEntity): ResultDoc {
  return {
    kind: 'result',
    id: e.id,
    title: e.title,
    summary: [e.valueProposition, e.publicSummary, e.problemSolved, e.advantages, e.applications, e.indicators.map((i) => i.name).join(' ')].join('\n'),
    keywords: e.keywords,
    fieldCodes: e.fieldCodes,
    trl: e.trl,
    price: e.priceNegotiable ? null : { min: e.priceMinFen, max: e.priceMaxFen },
    transferModes: e.transferModes,
    updatedAt: e.updatedAt,
    validUntil: e.validUntil,
    organizationId: e.organizationId,
  };
}

export function needDoc(e: NeedEntity): NeedDoc {
  return {
    kind: 'need',
    id: e.id,
    title: e.title,
    description: [e.publicSummary, e.problem, e.mustHaves.join(' '), e.niceToHaves.join(' '), e.indicators.map((i) => i.name).join(' ')].join('\n'),
    keywords: e.keywords,
    fieldCodes: e.fieldCodes,
    minTrl: e.minTrl,
    budget: e.budgetNegotiable ? null : { min: e.budgetMinFen, max: e.budgetMaxFen },
    cooperationModes: e.cooperationModes,
    updatedAt: e.updatedAt,
    validUntil: e.validUntil,
    organizationId: e.organizationId,
  };
}
