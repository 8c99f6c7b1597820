import { clientIp } from './client-ip';

const req = (ip: string | undefined, remoteAddress?: string) => ({ ip, socket: { remoteAddress } }) as Parameters<typeof clientIp>[0];

describe('clientIp', () => {
  it('counts an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(clientIp(req('::ffff:203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIp(req('::FFFF:127.0.0.1'))).toBe('127.0.0.1');
  });

  it('keeps IPv6 and plain IPv4 addresses as they are', () => {
    expect(clientIp(req('2001:db8::1'))).toBe('2001:db8::1');
    expect(clientIp(req('198.51.100.4'))).toBe('198.51.100.4');
    expect(clientIp(req('::ffff:not-an-ip'))).toBe('::ffff:not-an-ip');
  });

  it('falls back to the socket, and is null once neither knows', () => {
    expect(clientIp(req(undefined, '::ffff:192.0.2.1'))).toBe('192.0.2.1');
    expect(clientIp(req(undefined))).toBeNull();
  });
});
