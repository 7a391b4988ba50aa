import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, ErrorCode, NotificationKind, Role, UserStatus } from '@xkx/contracts';
import { normalizeMobileCN } from '@xkx/util';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { MailService } from '@xkx/api/modules/mail/mail.service';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { findOrganizationFacts, OrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { Credentials } from './credentials.port';
import { CreateUserDto, InviteUserDto, ListUsersQueryDto } from './dto/users.dto';
import { activeMemberIds } from './user-reader';
import { UserEntity } from './user.entity';

/** An invitation's set-password link stays valid for a week (a reset link: an hour). */
const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly credentials: Credentials,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async list(query: ListUsersQueryDto): Promise<{ items: UserEntity[]; total: number }> {
    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.organization', 'o');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.organizationId) qb.andWhere('u.organization_id = :org', { org: query.organizationId });
    if (query.q?.trim()) {
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q OR o.name_zh ILIKE :q)', { q: `%${query.q.trim().replace(/[\\%_]/g, '\\$&')}%` });
    }
    // The verification queue reads oldest first; everything else newest first.
    qb.orderBy('u.createdAt', query.status === UserStatus.PENDING ? 'ASC' : 'DESC').take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async create(dto: CreateUserDto, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    const passwordHash = await this.credentials.hashAcceptable(dto.password, 'password', { email: dto.email, name: dto.name });
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await findOrganizationFacts(manager, dto.organizationId))) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
      if (await manager.existsBy(UserEntity, { email: dto.email })) {
        throw new DomainException(ErrorCode.EMAIL_TAKEN, HttpStatus.CONFLICT, [{ field: 'email', constraint: 'emailTaken', args: [] }]);
      }
      const user = await manager.save(
        manager.create(UserEntity, {
          email: dto.email,
          name: dto.name,
          mobile: dto.mobile ? normalizeMobileCN(dto.mobile) : null,
          role: dto.role,
          // Accounts an admin creates are vouched for by the admin.
          status: UserStatus.ACTIVE,
          passwordHash,
          organizationId: dto.organizationId,
          lastLoginAt: null,
          verifiedAt: new Date(),
          verifiedById: actor.id,
        }),
      );
      await this.audit.record({ action: AuditAction.USER_CREATED, actorId: actor.id, subjectType: 'user', subjectId: user.id, meta, details: { role: user.role } }, manager);
      return user.id;
    });
    return this.get(id);
  }

  /**
   * Opens an active account without a usable password and mails a set-password link (the reset
   * page and token, valid for a week). Until the invitee sets one, nobody can sign in as them.
   */
  async invite(dto: InviteUserDto, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    const unusable = await this.credentials.unusableHash();
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await findOrganizationFacts(manager, dto.organizationId))) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
      if (await manager.existsBy(UserEntity, { email: dto.email })) {
        throw new DomainException(ErrorCode.EMAIL_TAKEN, HttpStatus.CONFLICT, [{ field: 'email', constraint: 'emailTaken', args: [] }]);
      }
      const user = await manager.save(
        manager.create(UserEntity, {
          email: dto.email,
          name: dto.name,
          mobile: dto.mobile ? normalizeMobileCN(dto.mobile) : null,
          role: dto.role,
          status: UserStatus.ACTIVE,
          passwordHash: unusable,
          organizationId: dto.organizationId,
          lastLoginAt: null,
          verifiedAt: new Date(),
          verifiedById: actor.id,
        }),
      );
      const token = await this.credentials.issueSetPasswordToken(manager, user.id, INVITATION_TTL_MS);
      await this.audit.record({ action: AuditAction.USER_INVITED, actorId: actor.id, subjectType: 'user', subjectId: user.id, meta, details: { role: user.role, organizationId: dto.organizationId } }, manager);
      await this.mail.enqueue(
        {
          to: user.email,
          subject: '霞科行：邀请您加入 / You are invited to Xiakexing',
          body: `${user.name}，您好：平台管理员为您开通了霞科行账号。请在七天内打开以下链接设置密码，然后用本邮箱登录：\n\n/reset-password?token=${token}\n\nAn administrator opened a Xiakexing account for you. Open the link above within seven days to choose your password, then sign in with this e-mail.`,
        },
        manager,
      );
      return user.id;
    });
    return this.get(id);
  }

  /** Approves the account and with it the membership of its organization (issue 11). */
  async verify(id: string, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockPending(manager, id);
      await manager.update(UserEntity, user.id, { status: UserStatus.ACTIVE, verifiedAt: new Date(), verifiedById: actor.id });
      const org = await this.organizationOf(manager, user);
      await this.audit.record({ action: AuditAction.USER_VERIFIED, actorId: actor.id, subjectType: 'user', subjectId: user.id, meta, details: { organizationId: user.organizationId } }, manager);
      // The bell and the mail both come from the notification.
      await this.notifications.notify(manager, [user.id], {
        kind: NotificationKind.MEMBERSHIP_APPROVED,
        titleZh: '账号已通过审核',
        titleEn: 'Account verified',
        body: `${user.name}，您好：您的账号已通过审核${org ? `，已确认为「${org.nameZh}」的成员` : ''}，现在可以发布信息和发起对接。\n\nYour account is verified${org ? ` as a member of ${org.nameZh}` : ''}: you can now publish and contact others.`,
      });
      await this.notifications.notify(manager, await this.memberIds(manager, user), {
        kind: NotificationKind.MEMBERSHIP_APPROVED,
        titleZh: `新成员加入「${org?.nameZh ?? ''}」`,
        titleEn: `A new member joined ${org?.nameZh ?? ''}`,
        body: `技术经理人确认 ${user.name}（${user.email}）为本机构成员，可查看和编辑本机构的信息。如不认识此人，请联系平台。\n\nA broker confirmed ${user.name} (${user.email}) as a member of your organization. If you do not know this person, contact the platform.`,
      });
    });
    return this.get(id);
  }

  /** Refuses the account and its membership request; the account is closed with the reason. */
  async reject(id: string, reason: string, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockPending(manager, id);
      const org = await this.organizationOf(manager, user);
      // Notified before the account closes: mail is not sent to suspended accounts.
      await this.notifications.notify(manager, [user.id], {
        kind: NotificationKind.MEMBERSHIP_REFUSED,
        titleZh: '注册未通过审核',
        titleEn: 'Registration declined',
        body: `${user.name}，您好：您的注册${org ? `（加入「${org.nameZh}」）` : ''}未通过审核。原因：${reason}\n\nYour registration${org ? ` (joining ${org.nameZh})` : ''} was declined. Reason: ${reason}`,
      });
      await this.notifications.notify(manager, await this.memberIds(manager, user), {
        kind: NotificationKind.MEMBERSHIP_REFUSED,
        titleZh: `加入「${org?.nameZh ?? ''}」的申请未通过`,
        titleEn: `A request to join ${org?.nameZh ?? ''} was refused`,
        body: `${user.name}（${user.email}）申请加入本机构，技术经理人未予确认。原因：${reason}\n\n${user.name} (${user.email}) asked to join your organization; a broker refused. Reason: ${reason}`,
      });
      await manager.update(UserEntity, user.id, { status: UserStatus.SUSPENDED });
      await this.credentials.endSessions(manager, user.id);
      await this.audit.record({ action: AuditAction.USER_REJECTED, actorId: actor.id, subjectType: 'user', subjectId: user.id, meta, details: { reason, organizationId: user.organizationId } }, manager);
    });
    return this.get(id);
  }

  async changeStatus(id: string, status: 'ACTIVE' | 'SUSPENDED', reason: string | undefined, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    if (id === actor.id) throw new DomainException(ErrorCode.CANNOT_CHANGE_SELF, HttpStatus.BAD_REQUEST);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, id);
      if (user.status === status) return;
      await manager.update(UserEntity, id, status === UserStatus.ACTIVE ? { status, verifiedAt: user.verifiedAt ?? new Date(), verifiedById: user.verifiedById ?? actor.id } : { status });
      if (status === UserStatus.SUSPENDED) await this.credentials.endSessions(manager, id);
      await this.audit.record({ action: AuditAction.STATUS_CHANGED, actorId: actor.id, subjectType: 'user', subjectId: id, subjectLabel: `${user.name} ${user.email}`, meta, changes: { status: { from: user.status, to: status } }, details: { reason: reason ?? null } }, manager);
    });
    return this.get(id);
  }

  async changeRole(id: string, role: Role, actor: AuthUser, meta: RequestMeta): Promise<UserEntity> {
    if (id === actor.id) throw new DomainException(ErrorCode.CANNOT_CHANGE_SELF, HttpStatus.BAD_REQUEST);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, id);
      if (user.role === role) return;
      await manager.update(UserEntity, id, { role });
      // Their sessions end at once: the next sign-in starts with the new role's rights.
      await this.credentials.endSessions(manager, id);
      await this.audit.record({ action: AuditAction.ROLE_CHANGED, actorId: actor.id, subjectType: 'user', subjectId: id, subjectLabel: `${user.name} ${user.email}`, meta, changes: { role: { from: user.role, to: role } } }, manager);
    });
    return this.get(id);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id }, relations: { organization: true } });
    if (!user) throw DomainException.notFound(ErrorCode.USER_NOT_FOUND);
    return user;
  }

  private organizationOf(manager: EntityManager, user: UserEntity): Promise<OrganizationFacts | null> {
    return user.organizationId ? findOrganizationFacts(manager, user.organizationId) : Promise.resolve(null);
  }

  /** The verified members of the organization a pending account asked to join (none for a new one). */
  private async memberIds(manager: EntityManager, user: UserEntity): Promise<string[]> {
    if (!user.organizationId) return [];
    return (await activeMemberIds(manager, user.organizationId)).filter((memberId) => memberId !== user.id);
  }

  private async lockUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.getRepository(UserEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
    if (!user) throw DomainException.notFound(ErrorCode.USER_NOT_FOUND);
    return user;
  }

  private async lockPending(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.lockUser(manager, id);
    if (user.status !== UserStatus.PENDING) throw new DomainException(ErrorCode.USER_NOT_PENDING, HttpStatus.CONFLICT);
    return user;
  }
}
