import { Global, Injectable, Module } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { NotificationRecipient, NotificationRecipients } from '@xkx/api/modules/notifications/notification-recipients.port';
import { OrganizationMembers } from '@xkx/api/modules/organizations/organization-members.port';
import { activeMemberIds } from './user-reader';
import { UserEntity } from './user.entity';

/** The users module's implementation of notifications' NotificationRecipients port (its own table). */
@Injectable()
export class UserNotificationRecipients extends NotificationRecipients {
  async contacts(manager: EntityManager, ids: readonly string[]): Promise<NotificationRecipient[]> {
    if (ids.length === 0) return [];
    const users = await manager.find(UserEntity, { where: { id: In([...ids]) }, select: ['id', 'email', 'status'] });
    return users.map((u) => ({ id: u.id, email: u.email, status: u.status }));
  }
}

/** The users module's implementation of organizations' OrganizationMembers port. */
@Injectable()
export class UserOrganizationMembers extends OrganizationMembers {
  activeMemberIds(manager: EntityManager, organizationId: string): Promise<string[]> {
    return activeMemberIds(manager, organizationId);
  }
}

/**
 * Provides the ports to the notifications and organizations modules, which the users module depends on and
 * which therefore may not import it. Imported once, by AppModule.
 */
@Global()
@Module({
  providers: [
    { provide: NotificationRecipients, useClass: UserNotificationRecipients },
    { provide: OrganizationMembers, useClass: UserOrganizationMembers },
  ],
  exports: [NotificationRecipients, OrganizationMembers],
})
export class UserPortsModule {}
