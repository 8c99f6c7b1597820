import { isIP } from 'node:net';
import { isPrivateAddress } from '@gcm/platform';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL cannot be a webhook target, or null. `http:` only for a loopback host (a receiver on this machine, as in tests). */
export function webhookUrlProblem(raw: string, allowPrivateNetwork: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL, e.g. https://example.org/hooks/gcm';
  }
  if (url.username || url.password) return 'url must not carry credentials; use the signing secret';
  if (url.hash) return 'url must not have a #fragment';
  const loopback = LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'url must use https (http only for a loopback receiver)';
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateNetwork && (loopback || (isIP(literal) && isPrivateAddress(literal)))) {
    return 'url points to a private or loopback address; allow private networks for this webhook to use it';
  }
  return null;
}
