import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses an outgoing request (a webhook delivery, an evidence-link check)
 * may not reach unless private networks are allowed for it: loopback, private (RFC 1918, ULA), link-local (incl. cloud
 * metadata 169.254.169.254), shared (CGNAT), unspecified, multicast and
 * reserved ranges, and their IPv4-mapped IPv6 forms.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(address, 'ipv6');
  }
  return true;
}

/**
 * A `lookup` for http(s).request that resolves the host once and refuses a
 * private address (unless allowed) before any connection: the address checked
 * is the address connected to, so a DNS answer cannot be swapped in between.
 */
export function guardedLookup(allowPrivateNetwork: boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as { address: string; family: number }[];
      const allowed = allowPrivateNetwork ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (!allowed.length) {
        const refused = Object.assign(new Error(`${hostname} resolves only to private addresses, which this request may not reach`), { code: 'EPRIVATE' });
        return callback(refused, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof allowed) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}
