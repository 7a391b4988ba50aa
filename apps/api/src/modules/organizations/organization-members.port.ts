import { EntityManager } from 'typeorm';

/**
 * Who belongs to an organization, which the users module knows (accounts carry their organization). A port
 * the organizations module declares and users implements (`users/user-ports.ts`, global `UserPortsModule`):
 * users reads organizations, so organizations may not import users.
 */
export abstract class OrganizationMembers {
  /** The organization's active (verified) members, in the caller's transaction. */
  abstract activeMemberIds(manager: EntityManager, organizationId: string): Promise<string[]>;
}
