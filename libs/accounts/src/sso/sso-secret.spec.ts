import { decryptClientSecret, encryptClientSecret } from './sso-secret';

const SECRET = 'a-test-auth-secret-of-at-least-32-characters';

describe('client secret at rest', () => {
  it('round-trips, differs each time and never contains the secret', () => {
    const a = encryptClientSecret(SECRET, 'shh-client-secret');
    const b = encryptClientSecret(SECRET, 'shh-client-secret');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('shh');
    expect(decryptClientSecret(SECRET, a)).toBe('shh-client-secret');
  });

  it('refuses another key or a tampered value', () => {
    const stored = encryptClientSecret(SECRET, 'shh-client-secret');
    expect(() => decryptClientSecret(`${SECRET}-other`, stored)).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptClientSecret(SECRET, parts.join('.'))).toThrow();
  });
});
