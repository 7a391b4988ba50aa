import { Role, UserOrganization, UserStatus } from '@xkx/contracts';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * The account store that auth (sign-in, registration, passwords) and setup (the first administrator) use:
 * the users module owns the `app_user` table, these functions are the only way in from outside. Each runs
 * on the caller's manager, so it joins the caller's transaction.
 */

/** The table's name, for auth's bearer-token check: one query joins it with auth's own sign-in table. */
export const USER_TABLE = 'app_user';

export interface Account {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  role: Role;
  status: UserStatus;
  /** For auth's password check only; never mapped into an answer. */
  passwordHash: string;
  organizationId: string | null;
  /** Loaded only with `{ organization: true }`; null otherwise and for accounts without one. */
  organization: UserOrganization | null;
}

export type NewAccount = Omit<Account, 'id' | 'organization'> & { verifiedAt: Date | null; verifiedById: string | null };

/** What an account's owner (and auth, for sign-ins) may change: the profile, the password, the last sign-in. */
export type AccountPatch = Partial<Pick<UserEntity, 'name' | 'mobile' | 'passwordHash' | 'lastLoginAt'>>;

const toAccount = (u: UserEntity): Account => ({
  id: u.id,
  email: u.email,
  name: u.name,
  mobile: u.mobile,
  role: u.role,
  status: u.status,
  passwordHash: u.passwordHash,
  organizationId: u.organizationId,
  organization: u.organization ? { id: u.organization.id, nameZh: u.organization.nameZh, kind: u.organization.kind } : null,
});

export async function findAccount(manager: EntityManager, id: string, options: { organization?: boolean } = {}): Promise<Account | null> {
  const user = await manager.findOne(UserEntity, { where: { id }, relations: options.organization ? { organization: true } : {} });
  return user ? toAccount(user) : null;
}

/** By e-mail (stored lower-cased; the caller's DTO lower-cases it). */
export async function findAccountByEmail(manager: EntityManager, email: string, options: { organization?: boolean } = {}): Promise<Account | null> {
  const user = await manager.findOne(UserEntity, { where: { email }, relations: options.organization ? { organization: true } : {} });
  return user ? toAccount(user) : null;
}

export function emailTaken(manager: EntityManager, email: string): Promise<boolean> {
  return manager.existsBy(UserEntity, { email });
}

export function administratorExists(manager: EntityManager): Promise<boolean> {
  return manager.existsBy(UserEntity, { role: Role.ADMIN });
}

export async function createAccount(manager: EntityManager, input: NewAccount): Promise<Account> {
  const saved = await manager.save(manager.create(UserEntity, { ...input, lastLoginAt: null }));
  return toAccount(saved);
}

export async function updateAccount(manager: EntityManager, id: string, patch: AccountPatch): Promise<void> {
  await manager.update(UserEntity, id, patch);
}
