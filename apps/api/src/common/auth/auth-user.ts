import { createSecretKey, KeyObject } from 'node:crypto';
import { Permission, permissionsFor, Role, UserStatus } from '@xkx/contracts';

/** The signed-in caller, as the guards put it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  /**
   * The organization the caller is a verified member of; null while the membership is pending. Every
   * organization-scoped check reads this field, so a pending account matches no organization at all.
   */
  organizationId: string | null;
  /**
   * The organization the account registered with, verified or not. Only for what the caller owns
   * alone (the organization its own drafts are filed under), never to grant access.
   */
  requestedOrganizationId?: string | null;
  permissions: Permission[];
}

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  typ: 'access';
  /** The sign-in (refresh-token family) the token belongs to: when it ends, the token stops working. */
  sid: string;
}

/** Who issues access tokens and who they are for; both are verified, with the algorithm pinned. */
export const JWT_ISSUER = 'xiakexing';
export const JWT_AUDIENCE = 'xiakexing-api';
export const JWT_ALGORITHM = 'HS256';

/**
 * The HS256 secret as a key object, made once. Given a string, jsonwebtoken first tries to parse it as a PEM
 * public key on every sign and verify, and that failed parse (an exception) cost about 1 ms of CPU per
 * authenticated request.
 */
export function jwtSigningKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** The one place an account becomes a caller: membership and permissions follow the account's status. */
export function toAuthUser(user: { id: string; email: string; name: string; role: Role; status: UserStatus; organizationId: string | null }): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    organizationId: user.status === UserStatus.ACTIVE ? user.organizationId : null,
    requestedOrganizationId: user.organizationId,
    permissions: permissionsFor(user.role, user.status),
  };
}
