import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { AuthUser } from './common/auth/auth-user';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { assignRequestId } from './common/http/request-id';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule, DatabaseModuleOptions } from './database/database.module';
import { SeedModule } from './database/seeds/seed.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditModule } from './modules/audit/audit.module';
import { CredentialsModule } from './modules/auth/auth-credentials';
import { AuthModule } from './modules/auth/auth.module';
import { CarriersModule } from './modules/carriers/carriers.module';
import { InstrumentsModule } from './modules/instruments/instruments.module';
import { DealContractsModule } from './modules/contracts/deal-contracts';
import { ContractsModule } from './modules/contracts/contracts.module';
import { ConfidentialAccessModule } from './modules/deals/deal-confidential-grants';
import { DealsModule } from './modules/deals/deals.module';
import { ExpertsModule } from './modules/experts/experts.module';
import { FeedModule } from './modules/feed/feed.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { JobsModule } from './modules/jobs/jobs.module';
import type { ProcessRole } from './modules/jobs/jobs.types';
import { KpisModule } from './modules/kpis/kpis.module';
import { ListingsModule } from './modules/listings/listings.module';
import { MailModule } from './modules/mail/mail.module';
import { MatchingModule } from './modules/matching/matching.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { SetupModule } from './modules/setup/setup.module';
import { StatsModule } from './modules/stats/stats.module';
import { PortalModule } from './modules/portal/portal.module';
import { StorageModule } from './modules/storage/storage.module';
import { TodoModule } from './modules/todo/todo.module';
import { UserPortsModule } from './modules/users/user-ports';
import { UsersModule } from './modules/users/users.module';

/** What the completion line says about the request: no headers (tokens and cookies never reach the log). */
export function logRequest(req: IncomingMessage & { id?: unknown; originalUrl?: string }): Record<string, unknown> {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress, userAgent: req.headers['user-agent'] };
}

/** …and about the response: its status (the route, duration and user are fields of their own). */
export function logResponse(res: ServerResponse): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

@Module({})
export class AppModule {
  /**
   * `logStream`: where log lines go instead of standard output (tests read them). `role`: 'worker' in
   * `npm run start:worker` (runs the BullMQ jobs; no HTTP server), 'api' otherwise.
   */
  static forRoot(config: AppConfig, logStream?: DestinationStream, database: DatabaseModuleOptions = {}, role: ProcessRole = 'api'): DynamicModule {
    const pinoHttp: PinoHttpOptions = {
      level: config.LOG_LEVEL,
      // The id observeRequests gave the request (a caller's sane X-Request-Id, or a new one), echoed back.
      genReqId: (req, res) => assignRequestId(req, res),
      // Lines logged while serving a request carry { requestId } (and { userId } once the access token is
      // verified: jwt.strategy.ts, log-context.ts), not the whole request; the completion line has both and the request.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      customProps: (req) => {
        const user = (req as { user?: AuthUser }).user;
        return (user ? { userId: user.id } : undefined) as object;
      },
      // Lean request and response objects (issue 14): pino-http binds `req` to a child logger on every
      // request, health checks included, and the standard serializers copied every header (with
      // redaction) and every response header (helmet's dozen) into each completion line. Operators read
      // method, URL, status, address, agent and time; headers carrying secrets are simply never logged.
      wrapSerializers: false,
      serializers: { req: logRequest, res: logResponse },
      autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: logStream ? [pinoHttp, logStream] : pinoHttp,
        }),
        DatabaseModule.forRoot(database),
        FeedModule,
        JobsModule.forRoot(config, role),
        RateLimitModule,
        StorageModule,
        AuditModule,
        MailModule,
        AuthModule,
        CredentialsModule,
        UsersModule,
        UserPortsModule,
        ConfidentialAccessModule,
        ListingsModule,
        ImportsModule,
        MatchingModule,
        ExpertsModule,
        NotificationsModule,
        TodoModule,
        DealsModule,
        CarriersModule,
        InstrumentsModule,
        ContractsModule,
        DealContractsModule,
        AttachmentsModule,
        KpisModule,
        SeedModule,
        HealthModule,
        OrganizationsModule,
        StatsModule,
        PortalModule,
        SetupModule,
        MetricsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
