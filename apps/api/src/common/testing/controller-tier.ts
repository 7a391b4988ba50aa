// The controller tier's harness (unit tests of apps/api, `*.controller.spec.ts`): one controller behind the
// app's real global guard (AccessGuard with the real JWT strategy), the real global pipes (TextInputPipe,
// the ValidationPipe) and the real error filter, its services replaced by the test's jest mocks. It checks
// the request-to-response contract (status codes, 400 field messages, 401/403, what reaches the service)
// in milliseconds; the API tier checks the same routes against a database.
import { INestApplication, Module, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { getStorageToken, ThrottlerStorageService } from '@nestjs/throttler';
import { API_PREFIX, Role, UserStatus } from '@xkx/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '../auth/auth-user';
import { AllExceptionsFilter } from '../filters/all-exceptions.filter';
import { AccessGuard } from '../guards/access.guard';
import { TextInputPipe } from '../validation/text-input.pipe';
import { createValidationPipe } from '../validation/validation.pipe';
import { AppConfig, loadConfig } from '../../config/app-config';
import { JwtStrategy } from '../../modules/auth/jwt.strategy';

export interface TierAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  organizationId: string | null;
}

export interface ControllerTier {
  app: INestApplication;
  /** An account the JWT strategy will find (active unless said otherwise). */
  account(role: Role, status?: UserStatus): TierAccount;
  /** `Bearer …`: a real access token for the account, signed with the app's secret. */
  bearer(account: TierAccount): string;
  close(): Promise<void>;
}

/** Starts `controller` with `providers` (the mocks of its services) behind the app's global guard, pipes and filter. */
export async function startControllerTier(controller: Type<unknown>, providers: Provider[]): Promise<ControllerTier> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const accounts: TierAccount[] = [];
  // The strategy's one query (the user, if their sign-in is live), answered from `accounts`.
  let wanted: unknown;
  const query = {
    select: () => query,
    addSelect: () => query,
    from: () => query,
    where: (_sql: string, params: { id: unknown }) => ((wanted = params.id), query),
    andWhere: () => query,
    setParameter: () => query,
    getRawOne: async () => accounts.find((a) => a.id === wanted),
  };

  @Module({
    imports: [PassportModule],
    controllers: [controller],
    providers: [
      ...providers,
      { provide: AppConfig, useValue: config },
      { provide: DataSource, useValue: { createQueryBuilder: () => query } },
      JwtStrategy,
      // The rate limits' counters (routes may declare one), in memory.
      { provide: getStorageToken(), useClass: ThrottlerStorageService },
      { provide: APP_GUARD, useClass: AccessGuard },
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
    ],
  })
  class ControllerTierModule {}

  // What @nestjs/testing's createTestingModule would build (that package is not a dependency).
  const app = await NestFactory.create(ControllerTierModule, { logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new TextInputPipe(), createValidationPipe());
  await app.init();
  const jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE } });
  return {
    app,
    account: (role, status = UserStatus.ACTIVE) => {
      const account = { id: randomUUID(), email: `${role.toLowerCase()}-${accounts.length}@example.cn`, name: role, role, status, organizationId: randomUUID() };
      accounts.push(account);
      return account;
    },
    bearer: (account) => `Bearer ${jwt.sign({ sub: account.id, role: account.role, typ: 'access', sid: randomUUID() }, { expiresIn: 600 })}`,
    close: () => app.close(),
  };
}
