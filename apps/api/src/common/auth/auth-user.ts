import { Permission, Role, UserStatus } from '@xkx/contracts';

/** The signed-in caller, as the guards put it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  organizationId: string | null;
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
