import { HttpStatus } from '@nestjs/common';
import { AuditAction, ErrorCode, Role, UserStatus } from '@xkx/contracts';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { PasswordService } from '@xkx/api/modules/auth/password.service';
import { Account, administratorExists, createAccount, emailTaken } from '@xkx/api/modules/users/accounts';

export interface NewAdministrator {
  email: string;
  name: string;
  password: string;
}

/** How an administrator came to be: the command line, or the first-start setup link. */
export type AdministratorOrigin = 'command-line' | 'setup-link';

/**
 * Creates administrator accounts outside the admin pages (there is nobody to sign in to them yet).
 * A plain class so `npm run admin:create` can use it without booting the whole app.
 */
export class Administrators {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async exists(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return administratorExists(manager);
  }

  /**
   * Refuses a taken e-mail; with `onlyIfNone` (the setup link) also refuses once any administrator
   * exists, checked under a transaction-scoped lock so two racing links cannot both succeed.
   */
  async create(input: NewAdministrator, origin: AdministratorOrigin, options: { onlyIfNone?: boolean; meta?: RequestMeta } = {}): Promise<Account> {
    const email = input.email.trim().toLowerCase();
    const name = input.name.trim();
    const issues = [
      ...(isEmail(email) && email.length <= 254 ? [] : [{ field: 'email', constraint: 'isEmail', args: [] }]),
      ...(name.length >= 1 && name.length <= 100 ? [] : [{ field: 'name', constraint: 'isLength', args: [1, 100] }]),
    ];
    if (issues.length > 0) throw DomainException.validation(issues);
    this.passwords.assertAcceptable(input.password, 'password');
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('xkx-create-administrator'))`);
      if (options.onlyIfNone && (await this.exists(manager))) throw new DomainException(ErrorCode.SETUP_NOT_NEEDED, HttpStatus.CONFLICT);
      if (await emailTaken(manager, email)) {
        throw new DomainException(ErrorCode.EMAIL_TAKEN, HttpStatus.CONFLICT, [{ field: 'email', constraint: 'emailTaken', args: [] }]);
      }
      const user = await createAccount(manager, {
        email,
        name,
        mobile: null,
        role: Role.ADMIN,
        status: UserStatus.ACTIVE,
        passwordHash,
        organizationId: null,
        verifiedAt: new Date(),
        verifiedById: null,
      });
      await this.audit.record({ action: AuditAction.ADMIN_CREATED, actorId: null, actorEmail: email, subjectType: 'user', subjectId: user.id, meta: options.meta, details: { via: origin } }, manager);
      return user;
    });
  }
}
