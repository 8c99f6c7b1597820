import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from '@gcm/platform';

export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** Every route handler of every controller in the app's module graph, with its access rule (handler first, then class). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  const seen = new Set<unknown>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!cls || seen.has(cls)) continue;
      seen.add(cls);
      const base: string | string[] = Reflect.getMetadata(PATH_METADATA, cls) ?? '';
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler as () => void, cls]);
        for (const b of [base].flat()) {
          for (const s of [sub].flat()) routes.push({ controller: cls.name, handler: name, method, path: join(b, s), rule });
        }
      }
    }
  }
  return routes;
}

/** The routes Express actually serves (method + path), from its router stack; Nest's own catch-all 404 handler is left out. */
export function expressRoutes(app: INestApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  return stack
    .filter((l) => l.route && l.route.path !== '/{*path}')
    .flatMap((l) => Object.keys(l.route!.methods).filter((m) => l.route!.methods[m]).map((m) => `${m.toUpperCase()} ${l.route!.path}`));
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}
