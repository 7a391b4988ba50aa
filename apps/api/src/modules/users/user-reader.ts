import { Role } from '@xkx/contracts';
import { EntityManager, In } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * What other modules may read of accounts (the users module owns the table): plain facts, read inside the
 * caller's transaction through its manager.
 */
export interface UserName {
  id: string;
  name: string;
}

/** Names of the given accounts (any order; unknown ids are absent). */
export async function userNames(manager: EntityManager, ids: readonly string[]): Promise<UserName[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await manager.find(UserEntity, { where: { id: In(unique) }, select: ['id', 'name'] });
  return rows.map((u) => ({ id: u.id, name: u.name }));
}

/** Up to `limit` active brokers, the pool told of work nobody brokers yet. */
export async function activeBrokerIds(manager: EntityManager, limit: number): Promise<string[]> {
  const rows = await manager.find(UserEntity, { where: { role: In([Role.BROKER]), status: 'ACTIVE' }, select: ['id'], take: limit });
  return rows.map((u) => u.id);
}

