import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { PasswordResetTokenEntity } from '../modules/auth/password-reset-token.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { OutboxMailEntity } from '../modules/mail/outbox-mail.entity';
import { OrganizationEntity } from '../modules/organizations/organization.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity, listed once: the app, tests and migration CLI share this list. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  PasswordResetTokenEntity,
  AuditLogEntity,
  OutboxMailEntity,
];
