import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, OrganizationKind, UserStatus } from '@xkx/contracts';
import { normalizeMobileCN } from '@xkx/util';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { MailService } from '@xkx/api/modules/mail/mail.service';
import { createRegisteredEnterprise } from '@xkx/api/modules/organizations/new-organization';
import { findOrganizationFacts, findOrganizationFactsByCreditCode, OrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { Account, AccountPatch, createAccount, findAccount, findAccountByEmail, updateAccount } from '@xkx/api/modules/users/accounts';
import { toCurrentUserDto } from './current-user.mapper';
import { ChangePasswordDto, CurrentUserDto, LoginDto, RegisterDto, ResetPasswordDto, SessionDto, UpdateProfileDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { PasswordService } from './password.service';
import { sha256, TokenService } from './token.service';
import { AuthTokens } from '@xkx/contracts';

const RESET_TTL_MS = 60 * 60 * 1000;
const INSTITUTION_KINDS: string[] = [OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE];

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /**
   * Self-registration of researchers and enterprise staff. New accounts are pending until verified.
   * The answer is the same whether or not the e-mail is taken (no tokens: the account signs in like
   * any other); the owner of a taken e-mail is mailed instead, and nothing else is written.
   */
  async register(dto: RegisterDto, meta: RequestMeta): Promise<void> {
    this.passwords.assertAcceptable(dto.password, 'password', { email: dto.email, name: dto.name });
    // Hashed either way, so a taken e-mail answers as slowly as a new one.
    const passwordHash = await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const owner = await findAccountByEmail(manager, dto.email);
      // Checked before the e-mail matters, so a bad organization is refused alike for new and taken e-mails.
      const organization = await this.registrationOrganization(dto, manager, owner === null, meta);
      if (owner) {
        await this.audit.record({ action: AuditAction.REGISTRATION_EMAIL_TAKEN, actorEmail: dto.email, subjectType: 'user', subjectId: owner.id, meta }, manager);
        await this.mail.enqueue(
          {
            to: owner.email,
            subject: '霞科行：该邮箱已注册 / This e-mail is already registered',
            body: `${owner.name}，您好：

有人刚刚尝试用本邮箱在霞科行注册新账号。您已经有账号：请直接登录；如忘记密码，可在 /forgot-password 重置。如非本人操作，请忽略本邮件，您的账号没有任何变化。

Someone just tried to register a new Xiakexing account with this e-mail. You already have an account: sign in, or reset your password at /forgot-password. If this was not you, ignore this mail; nothing changed on your account.`,
          },
          manager,
        );
        return;
      }
      const created = await createAccount(manager, {
        email: dto.email,
        name: dto.name,
        mobile: dto.mobile ? normalizeMobileCN(dto.mobile) : null,
        role: dto.role,
        status: UserStatus.PENDING,
        passwordHash,
        organizationId: organization.id,
        verifiedAt: null,
        verifiedById: null,
      });
      await this.audit.record({ action: AuditAction.REGISTERED, actorId: created.id, actorEmail: created.email, subjectType: 'user', subjectId: created.id, meta, details: { role: created.role, organizationId: organization.id } }, manager);
      await this.mail.enqueue(
        {
          to: created.email,
          subject: '霞科行：注册已收到 / Registration received',
          body: `${created.name}，您好：\n\n您在霞科行的注册已收到，技术经理人审核通过后即可发布信息和发起对接。\n\nYour registration on Xiakexing was received; you can publish and contact others once a broker verifies your account.`,
        },
        manager,
      );
    });
  }

  /** The registrant's organization; a new enterprise is created only when `create` (the e-mail is new). */
  private async registrationOrganization(dto: RegisterDto, manager: EntityManager, create: boolean, meta: RequestMeta): Promise<OrganizationFacts | { id: null }> {
    if (dto.role === 'RESEARCHER') {
      if (!dto.organizationId) throw DomainException.validation([{ field: 'organizationId', constraint: 'isDefined', args: [] }]);
      const found = await findOrganizationFacts(manager, dto.organizationId);
      if (!found) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
      if (!INSTITUTION_KINDS.includes(found.kind)) throw new DomainException(ErrorCode.INSTITUTION_REQUIRED, HttpStatus.BAD_REQUEST, [{ field: 'organizationId', constraint: 'invalid', args: [] }]);
      return found;
    }
    if (!dto.enterprise) throw DomainException.validation([{ field: 'enterprise', constraint: 'isDefined', args: [] }]);
    const existing = await findOrganizationFactsByCreditCode(manager, dto.enterprise.creditCode);
    if (existing) {
      if (existing.kind !== OrganizationKind.ENTERPRISE) throw new DomainException(ErrorCode.ORGANIZATION_KIND_MISMATCH, HttpStatus.BAD_REQUEST, [{ field: 'enterprise.creditCode', constraint: 'invalid', args: [] }]);
      return existing;
    }
    if (!dto.enterprise.nameZh) throw new DomainException(ErrorCode.ENTERPRISE_NAME_REQUIRED, HttpStatus.BAD_REQUEST, [{ field: 'enterprise.nameZh', constraint: 'isDefined', args: [] }]);
    if (!create) return { id: null };
    const organization = await createRegisteredEnterprise(manager, { nameZh: dto.enterprise.nameZh, creditCode: dto.enterprise.creditCode, address: dto.enterprise.address ?? null });
    await this.audit.record({ action: AuditAction.ORGANIZATION_CREATED, actorEmail: dto.email, subjectType: 'organization', subjectId: organization.id, meta, details: { via: 'registration' } }, manager);
    return organization;
  }

  /** Unknown email and wrong password answer alike and take as long (a real argon2 verify either way). */
  async login(dto: LoginDto, meta: RequestMeta): Promise<SessionDto> {
    await this.throttle.assertAllowed(dto.email, meta.ip);
    const user = await findAccountByEmail(this.dataSource.manager, dto.email, { organization: true });
    const ok = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) {
      await this.audit.record({ action: AuditAction.LOGIN_FAILED, actorId: user?.id ?? null, actorEmail: dto.email, meta });
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS, HttpStatus.UNAUTHORIZED);
    }
    if (user.status === UserStatus.SUSPENDED) {
      await this.audit.record({ action: AuditAction.LOGIN_FAILED, actorId: user.id, actorEmail: dto.email, meta, details: { reason: 'suspended' } });
      // Only after the right password: a declined registration says so, with the reviewer's reason.
      const decision = await this.audit.lastStatusDecision(user.id);
      if (decision?.action === AuditAction.USER_REJECTED) {
        throw new DomainException(ErrorCode.REGISTRATION_REJECTED, HttpStatus.FORBIDDEN, undefined, { reason: decision.reason });
      }
      throw new DomainException(ErrorCode.ACCOUNT_SUSPENDED, HttpStatus.FORBIDDEN);
    }
    await updateAccount(this.dataSource.manager, user.id, { lastLoginAt: new Date() });
    await this.audit.record({ action: AuditAction.LOGIN_SUCCEEDED, actorId: user.id, actorEmail: user.email, meta });
    return { user: toCurrentUserDto(user), tokens: await this.tokens.issue(user, meta) };
  }

  async refresh(refreshToken: string, meta: RequestMeta): Promise<AuthTokens> {
    return (await this.tokens.rotate(refreshToken, meta)).tokens;
  }

  async logout(refreshToken: string, meta: RequestMeta): Promise<void> {
    const userId = await this.tokens.revoke(refreshToken);
    if (userId) await this.audit.record({ action: AuditAction.LOGOUT, actorId: userId, meta });
  }

  async me(userId: string): Promise<CurrentUserDto> {
    return toCurrentUserDto(await this.loadUser(userId));
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<CurrentUserDto> {
    const patch: AccountPatch = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.mobile !== undefined) patch.mobile = dto.mobile === null ? null : normalizeMobileCN(dto.mobile);
    if (Object.keys(patch).length > 0) await updateAccount(this.dataSource.manager, userId, patch);
    return this.me(userId);
  }

  async changePassword(userId: string, dto: ChangePasswordDto, meta: RequestMeta): Promise<AuthTokens> {
    const user = await this.loadUser(userId);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainException(ErrorCode.PASSWORD_WRONG, HttpStatus.BAD_REQUEST, [{ field: 'currentPassword', constraint: 'invalid', args: [] }]);
    }
    this.passwords.assertAcceptable(dto.newPassword, 'newPassword', user);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    return this.dataSource.transaction(async (manager) => {
      await updateAccount(manager, user.id, { passwordHash });
      // Every other session ends; this one continues with fresh tokens.
      await this.tokens.revokeAllForUser(user.id, manager);
      await this.audit.record({ action: AuditAction.PASSWORD_CHANGED, actorId: user.id, subjectType: 'user', subjectId: user.id, meta }, manager);
      return this.tokens.issue(user, meta, manager);
    });
  }

  /** Always accepted, so the answer does not reveal whether the email is registered. */
  async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
    const user = await findAccountByEmail(this.dataSource.manager, email);
    if (!user || user.status === UserStatus.SUSPENDED) return;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PasswordResetTokenEntity).insert({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS), usedAt: null });
      await this.audit.record({ action: AuditAction.PASSWORD_RESET_REQUESTED, actorId: user.id, subjectType: 'user', subjectId: user.id, meta }, manager);
      await this.mail.enqueue(
        {
          to: user.email,
          subject: '霞科行：重置密码 / Reset your password',
          body: `请在一小时内打开以下链接重置密码 / Open this link within an hour to reset your password:\n\n/reset-password?token=${token}\n\n如非本人操作，请忽略本邮件。If you did not ask for this, ignore this mail.`,
        },
        manager,
      );
    });
  }

  async resetPassword(dto: ResetPasswordDto, meta: RequestMeta): Promise<void> {
    // Judged against the token's owner; an unknown token is refused below, inside the transaction.
    const owner = await this.dataSource.getRepository(PasswordResetTokenEntity).findOneBy({ tokenHash: sha256(dto.token) });
    const user = owner ? await findAccount(this.dataSource.manager, owner.userId) : null;
    this.passwords.assertAcceptable(dto.newPassword, 'newPassword', user ?? {});
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(PasswordResetTokenEntity);
      const token = await repo.createQueryBuilder('t').setLock('pessimistic_write').where('t.token_hash = :hash', { hash: sha256(dto.token) }).getOne();
      if (!token || token.usedAt || token.expiresAt.getTime() <= Date.now()) {
        throw new DomainException(ErrorCode.TOKEN_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'token', constraint: 'invalid', args: [] }]);
      }
      await repo.update(token.id, { usedAt: new Date() });
      await repo.update({ userId: token.userId, usedAt: IsNull() }, { usedAt: new Date() });
      await updateAccount(manager, token.userId, { passwordHash });
      await this.tokens.revokeAllForUser(token.userId, manager);
      await this.audit.record({ action: AuditAction.PASSWORD_RESET, actorId: token.userId, subjectType: 'user', subjectId: token.userId, meta }, manager);
    });
  }

  private async loadUser(id: string): Promise<Account> {
    const user = await findAccount(this.dataSource.manager, id, { organization: true });
    if (!user) throw DomainException.notFound(ErrorCode.USER_NOT_FOUND);
    return user;
  }
}
