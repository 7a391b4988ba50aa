import { DealEventKind, DealSide, DealStage } from '@xkx/contracts';
import { EntityManager } from 'typeorm';
import { DealEventEntity } from './entities/deal-event.entity';
import { DealEntity } from './entities/deal.entity';
import { PublicNoticeEntity } from './entities/public-notice.entity';

/** A side in a timeline note, as people say it (notes are stored words, never codes). */
export const DEAL_SIDE_WORDS: Record<DealSide, string> = { INSTITUTION: '成果方', ENTERPRISE: '需求方', BROKER: '技术经理人' };

/** Appends one step to the deal's timeline, inside the caller's transaction. */
export async function recordDealEvent(
  manager: EntityManager,
  deal: Pick<DealEntity, 'id' | 'version'>,
  actorId: string | null,
  kind: DealEventKind,
  note: string | null = null,
  fromStage: DealStage | null = null,
  toStage: DealStage | null = null,
): Promise<void> {
  await manager.insert(DealEventEntity, { dealId: deal.id, version: deal.version, actorId, kind, fromStage, toStage, note });
}

export async function nextDealCode(manager: EntityManager, sequence: 'deal_code_seq' | 'tech_contract_code_seq', prefix: 'D' | 'C'): Promise<string> {
  const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('${sequence}') AS n`);
  return `${prefix}${new Date().getUTCFullYear()}-${String(rows[0]?.n ?? '0').padStart(6, '0')}`;
}

/**
 * As recordDealEvent, for a module that knows only the deal's id (contracts: a payment, an amendment, a
 * registration step on the deal's timeline): reads the deal's version, and writes nothing for an unknown deal.
 */
export async function recordDealEventById(manager: EntityManager, dealId: string, actorId: string | null, kind: DealEventKind, note: string | null = null): Promise<void> {
  const deal = await manager.findOne(DealEntity, { where: { id: dealId }, select: ['id', 'version'] });
  if (deal) await recordDealEvent(manager, deal, actorId, kind, note);
}

/** The ids of a deal's public notices (withdrawn ones too), for the deal's history. */
export async function publicNoticeIdsOfDeal(manager: EntityManager, dealId: string): Promise<string[]> {
  const notices = await manager.find(PublicNoticeEntity, { where: { dealId }, select: ['id'] });
  return notices.map((n) => n.id);
}
