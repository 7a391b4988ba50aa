import { permissionsFor } from '@xkx/contracts';
import { CurrentUserDto } from './dto/auth.dto';
import { UserEntity } from '@xkx/api/modules/users/user.entity';

/** Explicit mapping: the password hash and internal columns never leave the service layer. */
export function toCurrentUserDto(user: UserEntity): CurrentUserDto {
  return Object.assign(new CurrentUserDto(), {
    id: user.id,
    email: user.email,
    name: user.name,
    mobile: user.mobile,
    role: user.role,
    status: user.status,
    organization: user.organization
      ? { id: user.organization.id, nameZh: user.organization.nameZh, kind: user.organization.kind }
      : null,
    permissions: permissionsFor(user.role, user.status),
  });
}
