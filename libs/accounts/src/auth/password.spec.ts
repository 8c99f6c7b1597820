import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

describe('scrypt passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!!'), hashPassword('same password!!')]);
    expect(a).not.toBe(b);
  });

  it('refuses malformed stored values and never matches the dummy hash', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
  });
});
