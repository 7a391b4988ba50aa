import { Role, UserOrganization, UserStatus } from '@xkx/contracts';
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

/** An account as other modules show it: who, their role and standing, and (when asked for) the organization. */
export interface UserCard {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  organizationId: string | null;
  /** Loaded only with `{ organization: true }`; null otherwise and for accounts without one. */
  organization: UserOrganization | null;
}

const toCard = (u: UserEntity): UserCard => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  status: u.status,
  organizationId: u.organizationId,
  organization: u.organization ? { id: u.organization.id, nameZh: u.organization.nameZh, kind: u.organization.kind } : null,
});

/** Names of the given accounts (any order; unknown ids are absent). */
export async function userNames(manager: EntityManager, ids: readonly string[]): Promise<UserName[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await manager.find(UserEntity, { where: { id: In(unique) }, select: ['id', 'name'] });
  return rows.map((u) => ({ id: u.id, name: u.name }));
}

/** Cards of the given accounts (any order; unknown ids are absent), with their organization when asked. */
export async function userCards(manager: EntityManager, ids: readonly string[], options: { organization?: boolean } = {}): Promise<UserCard[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await manager.find(UserEntity, { where: { id: In(unique) }, relations: options.organization ? { organization: true } : {} });
  return rows.map(toCard);
}

export async function findUserCard(manager: EntityManager, id: string): Promise<UserCard | null> {
  const user = await manager.findOneBy(UserEntity, { id });
  return user ? toCard(user) : null;
}

/** As findUserCard, for an account that must exist (TypeORM's EntityNotFoundError otherwise). */
export async function getUserCard(manager: EntityManager, id: string): Promise<UserCard> {
  return toCard(await manager.findOneByOrFail(UserEntity, { id }));
}

/** Up to `limit` active brokers, the pool told of work nobody brokers yet. */
export async function activeBrokerIds(manager: EntityManager, limit: number): Promise<string[]> {
  const rows = await manager.find(UserEntity, { where: { role: In([Role.BROKER]), status: 'ACTIVE' }, select: ['id'], take: limit });
  return rows.map((u) => u.id);
}

/** The active (verified) members of an organization. */
export async function activeMemberIds(manager: EntityManager, organizationId: string): Promise<string[]> {
  const members = await manager.find(UserEntity, { where: { organizationId, status: UserStatus.ACTIVE }, select: ['id'] });
  return members.map((m) => m.id);
}
