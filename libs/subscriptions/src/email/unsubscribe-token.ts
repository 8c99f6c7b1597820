import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one-click unsubscribe token of a subscriber: its id and an HMAC of it
 * under the server's secret. It must be in every mail (and RFC 8058's header),
 * so it is derived, not stored; it stops working once the subscriber is gone.
 */
export function unsubscribeToken(secret: string, subscriberId: string): string {
  return `${subscriberId}.${mac(secret, subscriberId)}`;
}

/** The subscriber id a token names, or null when the token was not made with this secret. */
export function subscriberOfToken(secret: string, token: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(secret, m[1]));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}

function mac(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`email-unsubscribe:${id}`).digest('base64url');
}
