import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode, ROLE_PERMISSIONS } from '@xkx/contracts';
import type { Request } from 'express';
import { AuthUser } from '../auth/auth-user';
import { ACCESS_KEY, RouteAccess } from '../decorators/public.decorator';
import { DomainException } from '../exceptions/domain.exception';

/**
 * The one global guard: every route needs a signed-in user unless it is @Public, and the user must
 * hold the permission the route declares. Secure by default: a route without a declaration still
 * requires sign-in (and the authorization test fails it).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (access?.kind === 'public') {
      // Identify the caller when a token comes along; a bad one just means anonymous here.
      if (request.headers.authorization) await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      return true;
    }
    await (super.canActivate(context) as Promise<boolean>);
    const user = request.user;
    if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    const permission = access?.permission ?? null;
    if (permission && !user.permissions.includes(permission)) {
      // "Not verified" only where verification would help: the role holds it once verified.
      const pendingBlocked = user.status === 'PENDING' && ROLE_PERMISSIONS[user.role].includes(permission);
      throw new DomainException(pendingBlocked ? ErrorCode.ACCOUNT_NOT_VERIFIED : ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A bad token arrives as `user === false`; an error here is the user lookup failing (the database
    // away): the filter answers 503, where a 401 would sign the user out for an outage.
    if (error) throw error;
    if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    return user;
  }
}
