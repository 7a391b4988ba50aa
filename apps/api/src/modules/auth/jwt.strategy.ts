import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { permissionsFor } from '@xkx/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';
import { AccessTokenPayload, AuthUser } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';
import { UserEntity } from '../users/user.entity';

/**
 * Bearer access tokens. The user is read on every request so that a suspension or a role change
 * takes effect at once, not when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') return false;
    const user = await this.users.findOneBy({ id: payload.sub });
    if (!user || user.status === 'SUSPENDED') return false;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status,
      organizationId: user.organizationId,
      permissions: permissionsFor(user.role, user.status),
    };
  }
}
