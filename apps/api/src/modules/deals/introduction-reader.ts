import { EntityManager, In } from 'typeorm';
import { IntroductionEntity } from './entities/introduction.entity';

/**
 * What other modules may read of introductions (the deals module owns the table): the (need, result) pairs an
 * introduction was sent for, whatever became of it, as `${needId}:${resultId}` keys.
 */
export async function introducedPairs(manager: EntityManager, needIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(needIds)];
  if (unique.length === 0) return new Set();
  const rows = await manager.find(IntroductionEntity, { where: { needId: In(unique) }, select: { needId: true, resultId: true } });
  return new Set(rows.filter((r) => r.needId && r.resultId).map((r) => `${r.needId}:${r.resultId}`));
}
