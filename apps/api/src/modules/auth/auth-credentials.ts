import { Global, Injectable, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Credentials } from '@xkx/api/modules/users/credentials.port';
import { AuthModule } from './auth.module';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { PasswordService } from './password.service';
import { sha256, TokenService } from './token.service';

/** The auth module's implementation of the users module's Credentials port (its own tables and policy). */
@Injectable()
export class AuthCredentials extends Credentials {
  constructor(
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {
    super();
  }

  async hashAcceptable(password: string, field: string, owner: { email?: string; name?: string }): Promise<string> {
    this.passwords.assertAcceptable(password, field, owner);
    return this.passwords.hash(password);
  }

  unusableHash(): Promise<string> {
    return this.passwords.hash(randomBytes(32).toString('base64url'));
  }

  endSessions(manager: EntityManager, userId: string): Promise<void> {
    return this.tokens.revokeAllForUser(userId, manager);
  }

  async issueSetPasswordToken(manager: EntityManager, userId: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.getRepository(PasswordResetTokenEntity).insert({ userId, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs), usedAt: null });
    return token;
  }
}

/**
 * Provides the port to the users module without users importing auth (auth reads accounts through
 * `users/accounts.ts`). Imported once, by AppModule.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [{ provide: Credentials, useClass: AuthCredentials }],
  exports: [Credentials],
})
export class CredentialsModule {}
