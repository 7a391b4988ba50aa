import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import type { Request } from 'express';
import { AuthUser } from '../auth/auth-user';
import { ErrorResponseDto } from '../http/error-response.dto';

export const ACCESS_KEY = 'xkx:access';

/** What a route requires. Every route declares one; the authorization matrix test checks it. */
export type RouteAccess = { kind: 'public' } | { kind: 'authenticated'; permission: Permission | null };

/** Anyone, signed in or not. A valid token, if sent, still identifies the caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies RouteAccess);

/**
 * A signed-in user, holding `permission` when one is given (null: any signed-in user).
 * One line per route, in the spirit of Immich's `@Authenticated({ permission })`.
 */
export const Authenticated = (permission: Permission | null): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'authenticated', permission } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in, or the token is invalid or expired' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: permission ? `Requires ${permission}` : 'Forbidden' }),
  );

/** The signed-in user (routes behind @Authenticated), or undefined on public routes. */
export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | undefined => ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>().user,
);
