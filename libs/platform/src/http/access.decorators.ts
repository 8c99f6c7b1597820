import { SetMetadata } from '@nestjs/common';

/**
 * Every route declares who may call it; a test walks all routes and fails on
 * one that declares nothing. The guard that enforces it lives in accounts.
 */
export const ACCESS_KEY = 'gcm:access';

export type Role = 'secretariat' | 'focal_point' | 'expert';
export const ROLES: readonly Role[] = ['secretariat', 'focal_point', 'expert'];

export type AccessRule =
  | { kind: 'public' }
  /** Public, but a signed-in caller is identified (e.g. to show their own drafts). */
  | { kind: 'optional' }
  | { kind: 'roles'; roles: Role[] }
  /** Any signed-in user; ownership is checked by the service against the caller's organisation. */
  | { kind: 'authenticated' };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
export const OptionalAuth = () => SetMetadata(ACCESS_KEY, { kind: 'optional' } satisfies AccessRule);
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);

/** The rule of one route, with the guard's precedence: the handler's own, else its controller's. */
export function accessRuleOf(handler: object, controller: object): AccessRule | undefined {
  return Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, controller);
}

/**
 * A route that reads its body itself, as a stream of one of these media types
 * (tus PATCH: application/offset+octet-stream); the input guard lets such a body through, untouched.
 */
export const RAW_BODY_KEY = 'gcm:raw-body';
export const RawBody = (...types: string[]) => SetMetadata(RAW_BODY_KEY, types);
