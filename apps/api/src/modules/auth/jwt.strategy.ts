import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ACCESS_TOKEN_TTL_SECONDS, Role, UserStatus } from '@xkx/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AccessTokenPayload, AuthUser, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, jwtSigningKey, toAuthUser } from '../../common/auth/auth-user';
import { bindUserToLogs } from '../../common/http/log-context';
import { AppConfig } from '../../config/app-config';
import { USER_TABLE } from '@xkx/api/modules/users/accounts';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Clock skew tolerated between the issuing and the verifying process. */
const SKEW_SECONDS = 60;

/**
 * Bearer access tokens: HS256 only, our issuer and audience, an `exp` no later than the configured
 * lifetime after `iat`. The user and their sign-in are read on every request (one query, primary key
 * plus the refresh-token family index), so logout, a password change or reset, a refresh-token reuse,
 * a suspension or a role change (all of which revoke the family) end the token at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object (jsonwebtoken accepts one; passport-jwt's types only name string and Buffer).
      secretOrKey: jwtSigningKey(config.jwtSecret) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: Partial<AccessTokenPayload> & { exp?: unknown; iat?: unknown }): Promise<AuthUser | false> {
    if (payload.typ !== 'access' || !isUuid(payload.sub) || !isUuid(payload.sid)) return false;
    if (!hasBoundedLifetime(payload.iat, payload.exp)) return false;
    // A valid token: from here on (its user lookup included) the request's log lines name the user.
    bindUserToLogs(payload.sub);
    // One query on every request: the account (the users module's table, by its exported name and plain
    // columns, no entity) joined with the sign-in's liveness (this module's table).
    const user = await this.dataSource
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect('u.email', 'email')
      .addSelect('u.name', 'name')
      .addSelect('u.role', 'role')
      .addSelect('u.status', 'status')
      .addSelect('u.organization_id', 'organizationId')
      .from(USER_TABLE, 'u')
      .where('u.id = :id', { id: payload.sub })
      .andWhere((qb) => {
        const live = qb.subQuery().select('1').from(RefreshTokenEntity, 't').where('t.family_id = :sid').andWhere('t.user_id = u.id').andWhere('t.revoked_at IS NULL').getQuery();
        return `EXISTS ${live}`;
      })
      .setParameter('sid', payload.sid)
      .getRawOne<{ id: string; email: string; name: string; role: Role; status: UserStatus; organizationId: string | null }>();
    if (!user || user.status === 'SUSPENDED') return false;
    return toAuthUser(user);
  }
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Both claims present, not issued in the future, and living no longer than we issue them for. */
function hasBoundedLifetime(iat: unknown, exp: unknown): boolean {
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  const now = Date.now() / 1000;
  return iat <= now + SKEW_SECONDS && exp - iat <= ACCESS_TOKEN_TTL_SECONDS;
}
