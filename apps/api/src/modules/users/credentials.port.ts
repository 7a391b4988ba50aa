import { EntityManager } from 'typeorm';

/**
 * What account administration needs of credentials (passwords, sign-ins, set-password links), which the auth
 * module owns. A port the users module declares and auth implements (`auth/auth-credentials.ts`, provided by
 * the global `CredentialsModule`), so users does not import auth: auth reads accounts through
 * `users/accounts.ts`, and the dependency runs one way.
 */
export abstract class Credentials {
  /** Refuses an unacceptable password (a 400 naming `field`), else hashes it. */
  abstract hashAcceptable(password: string, field: string, owner: { email?: string; name?: string }): Promise<string>;
  /** A hash nobody knows the password of: the account cannot sign in until its owner sets one. */
  abstract unusableHash(): Promise<string>;
  /** Ends every sign-in of the account (its refresh-token families), in the caller's transaction. */
  abstract endSessions(manager: EntityManager, userId: string): Promise<void>;
  /** A single-use set-password token (the reset page's), valid for `ttlMs`; returns the token to mail. */
  abstract issueSetPasswordToken(manager: EntityManager, userId: string, ttlMs: number): Promise<string>;
}
