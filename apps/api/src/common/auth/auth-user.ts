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
}
