import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { ACCESS_TOKEN_TTL_SECONDS, AuditAction, AuthTokens, ErrorCode, Role } from '@xkx/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AccessTokenPayload } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { findAccount } from '@xkx/api/modules/users/accounts';
import { RefreshTokenEntity } from './refresh-token.entity';

const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

/** Whom a token is for: the access token carries the id and the role. */
export interface TokenSubject {
  id: string;
  role: Role;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
  ) {}

  /** A new sign-in: a new token family. */
  async issue(user: TokenSubject, meta: RequestMeta, manager?: EntityManager): Promise<AuthTokens> {
    return this.issueInFamily(user, randomUUID(), meta, manager ?? this.dataSource.manager);
  }

  /**
   * Rotates a refresh token. A token that was already rotated or revoked means it leaked (or was
   * replayed): the whole family is revoked and the caller must sign in again.
   */
  async rotate(presented: string, meta: RequestMeta): Promise<{ tokens: AuthTokens; userId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RefreshTokenEntity);
      const token = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: sha256(presented) })
        .getOne();
      if (!token) throw this.invalid();
      if (token.revokedAt) {
        await repo.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record(
          { action: AuditAction.TOKEN_REUSE_DETECTED, actorId: token.userId, subjectType: 'user', subjectId: token.userId, meta, details: { familyId: token.familyId } },
          manager,
        );
        return { reuse: true as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) throw this.invalid();
      const user = await findAccount(manager, token.userId);
      if (!user || user.status === 'SUSPENDED') throw this.invalid();
      const tokens = await this.issueInFamily(user, token.familyId, meta, manager, token);
      return { tokens, userId: user.id };
    }).then((outcome) => {
      // The family revocation above must commit before we answer 401, hence outside the transaction.
      if ('reuse' in outcome) throw this.invalid();
      return outcome;
    });
  }

  async revoke(presented: string): Promise<string | null> {
    const token = await this.refreshTokens.findOneBy({ tokenHash: sha256(presented) });
    if (!token) return null;
    await this.refreshTokens.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return token.userId;
  }

  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(RefreshTokenEntity) : this.refreshTokens;
    await repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issueInFamily(
    user: TokenSubject,
    familyId: string,
    meta: RequestMeta,
    manager: EntityManager,
    previous?: RefreshTokenEntity,
  ): Promise<AuthTokens> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, typ: 'access', sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    const refreshToken = randomBytes(32).toString('base64url');
    const repo = manager.getRepository(RefreshTokenEntity);
    const saved = await repo.save(
      repo.create({
        userId: user.id,
        familyId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
        createdIp: meta.ip,
        revokedAt: null,
        replacedById: null,
      }),
    );
    if (previous) await repo.update(previous.id, { revokedAt: new Date(), replacedById: saved.id });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  private invalid(): DomainException {
    return new DomainException(ErrorCode.TOKEN_INVALID, HttpStatus.UNAUTHORIZED);
  }
}
