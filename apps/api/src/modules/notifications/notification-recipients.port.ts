import { UserStatus } from '@xkx/contracts';
import { EntityManager } from 'typeorm';

export interface NotificationRecipient {
  id: string;
  email: string;
  status: UserStatus;
}

/**
 * Where a notification's mail goes, which the users module knows. A port the notifications module declares and
 * users implements (`users/user-ports.ts`, global `UserPortsModule`): users notifies, so notifications may
 * not import users.
 */
export abstract class NotificationRecipients {
  /** E-mail and standing of the given accounts (any order; unknown ids are absent), in the caller's transaction. */
  abstract contacts(manager: EntityManager, ids: readonly string[]): Promise<NotificationRecipient[]>;
}
