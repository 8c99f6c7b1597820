import { isIP } from 'node:net';

export const TRUST_PROXY_RULE =
  'TRUST_PROXY must be false, true, a hop count from 0 to 32, or comma-separated addresses, CIDRs or the names loopback, linklocal, uniquelocal';

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustedEntry(entry: string): boolean {
  if (NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as the value Express's `trust proxy` setting takes, or undefined
 * when it is not one. Only forms Express reads the same way are accepted, so
 * the setting cannot silently mean something else (e.g. "1.2.3.4/" or "yes").
 */
export function parseTrustProxy(value: unknown): boolean | number | string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw) <= 32 ? Number(raw) : undefined;
  const entries = raw.split(',').map((e) => e.trim());
  return entries.every(isTrustedEntry) ? entries : undefined;
}
