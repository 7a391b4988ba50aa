import { permissionsFor } from '@xkx/contracts';
import { Account } from '@xkx/api/modules/users/accounts';
import { CurrentUserDto } from './dto/auth.dto';

/** Explicit mapping: the password hash and internal columns never leave the service layer. */
export function toCurrentUserDto(user: Account): CurrentUserDto {
  return Object.assign(new CurrentUserDto(), {
    id: user.id,
    email: user.email,
    name: user.name,
    mobile: user.mobile,
    role: user.role,
    status: user.status,
    organization: user.organization ? { id: user.organization.id, nameZh: user.organization.nameZh, kind: user.organization.kind } : null,
    permissions: permissionsFor(user.role, user.status),
  });
}
