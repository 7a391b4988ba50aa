import { HttpStatus, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { PasswordService } from '@xkx/api/modules/auth/password.service';
import { Administrators } from './administrators';
import { CreateFirstAdministratorDto, FirstAdministratorDto } from './dto/setup.dto';
import { isValidSetupToken, mintSetupToken } from './setup-link';

/** The first start: with no administrator, log a one-time link to the "create the first administrator" page. */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');
  private readonly administrators: Administrators;

  constructor(
    dataSource: DataSource,
    passwords: PasswordService,
    audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.administrators = new Administrators(dataSource, passwords, audit);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Before the migrations ran (XKX_MIGRATE_ON_START=false on an empty database) there is no table to ask.
    const needed = await this.administrators.exists().then((exists) => !exists, () => false);
    if (!needed) return;
    const path = `/setup?token=${mintSetupToken(this.config.jwtSecret)}`;
    this.logger.warn(
      `No administrator exists yet. Within an hour, open http://localhost:${this.config.PORT}${path} (or this path on the public address) ` +
        'to create the first one, or run: npm run admin:create -- --email … --name …',
    );
  }

  async administratorNeeded(): Promise<boolean> {
    return !(await this.administrators.exists());
  }

  async createFirst(dto: CreateFirstAdministratorDto, meta: RequestMeta): Promise<FirstAdministratorDto> {
    if (!isValidSetupToken(this.config.jwtSecret, dto.token)) {
      throw new DomainException(ErrorCode.SETUP_LINK_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'token', constraint: 'invalid', args: [] }]);
    }
    const user = await this.administrators.create(dto, 'setup-link', { onlyIfNone: true, meta });
    return { id: user.id, email: user.email, name: user.name };
  }
}
