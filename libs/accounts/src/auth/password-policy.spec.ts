import { randomBytes } from 'node:crypto';
import { passwordWeakness } from './password-policy';

const owner = { email: 'amina.diallo@un-network.example', name: 'Amina Diallo' };

describe('password policy (ASVS 6.2.4, 6.2.11)', () => {
  it.each(['password1234', '123456789012', 'qwertyuiop12', 'iloveyou2026', 'P@ssw0rd2026', 'aaaaaaaaaaaa', 'abcabcabcabc'])(
    'refuses the common or easily guessed %s',
    (password) => {
      expect(passwordWeakness(password, owner)).toMatch(/^password is too easy to guess: /);
    },
  );

  it.each(['amina.diallo@un-network.example', 'Amina.Diallo@UN-network.example!', 'amina.diallo-2026', 'xx-Diallo-xx-2026', 'aminadiallo+1'])(
    'refuses %s, built from the own e-mail or name',
    (password) => {
      expect(passwordWeakness(password, owner)).toBe('password must not contain your e-mail address or name');
    },
  );

  it('names the reason a person can act on', () => {
    expect(passwordWeakness('123456789012', owner)).toBe('password is too easy to guess: it is one of the most common passwords');
    expect(passwordWeakness('abcabcabcabc', owner)).toBe('password is too easy to guess: repeated patterns such as abcabc are easy to guess');
    expect(passwordWeakness('password1234', owner)).toBe('password is too easy to guess: it is a common password with small changes');
  });

  it.each(['correct horse battery staple', 'late-but-strong-pw', 'Tr0ub4dor&3-migration', 'a-brand-new-kenyan-password'])(
    'accepts the hard-to-guess %s',
    (password) => {
      expect(passwordWeakness(password, owner)).toBeNull();
    },
  );

  it('accepts a 200-character random password (the estimate reads its first 100 characters)', () => {
    expect(passwordWeakness(randomBytes(100).toString('hex'), owner)).toBeNull();
  });
});
