import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A provider's client secret at rest: AES-256-GCM under a key derived from
 * AUTH_SECRET (HKDF, its own label), so a database dump alone does not reveal
 * it. Changing AUTH_SECRET means entering the client secrets again.
 */
function key(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'gcm-tracker', 'sso-client-secret', 32));
}

export function encryptClientSecret(authSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(authSecret), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptClientSecret(authSecret: string, stored: string): string {
  const [v, iv, tag, body] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unreadable client secret');
  const decipher = createDecipheriv('aes-256-gcm', key(authSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
