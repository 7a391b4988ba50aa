import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
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

/**
 * Every route Nest registered, with the access it declares: read from the router's own metadata, with
 * Nest's MetadataScanner walking the prototype chain as the router explorer does, so the routes a
 * controller inherits (results and needs from the listing controller factory) are included.
 */
export function listRoutes(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function') continue;
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

/**
 * The routes the HTTP server actually answers, read from Express's router (not from Nest's metadata),
 * as `METHOD /api/path`. Whatever way a route came to be declared, it is in this list.
 */
export function servedRoutes(app: INestApplication): string[] {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const path of [layer.route.path].flat()) {
      if (!path.startsWith(`/${API_PREFIX}`)) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${path.replace(/\/$/, '')}`);
    }
  }
  return [...routes].sort();
}
