import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { API_PREFIX } from '@xkx/contracts';
import { ACCESS_KEY, RouteAccess } from '../common/decorators/public.decorator';

export interface DeclaredRoute {
  method: string;
  path: string;
  handler: string;
  access: RouteAccess | undefined;
  /** The handler reads a request body (@Body). */
  hasBody: boolean;
}

/** Every route Nest registered, with the access it declares: read from the router's own metadata. */
export function listRoutes(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
        const path = ['', API_PREFIX, base, sub].join('/').replace(/\/+/g, '/').replace(/\/$/, '');
        const access =
          (Reflect.getMetadata(ACCESS_KEY, handler) as RouteAccess | undefined) ??
          (Reflect.getMetadata(ACCESS_KEY, controller) as RouteAccess | undefined);
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as Record<string, unknown> | undefined) ?? {};
        const hasBody = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
        routes.push({ method: RequestMethod[method], path, handler: `${controller.name}.${name}`, access, hasBody });
      }
    }
  }
  return routes;
}
