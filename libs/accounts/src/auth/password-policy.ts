import { DomainError } from '@gcm/platform';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * ASVS 6.2.4 / 6.2.11: a new password is checked against a list of common
 * passwords and against the account's own e-mail address and name. The list
 * is zxcvbn-ts's common dictionary (~49,000 leaked passwords, matched also
 * reversed, in l33t spelling and with digits or years around them), and its
 * estimate refuses the rest of the easy guesses: sequences (`123456789012`),
 * keyboard rows, repeats. No composition rules (NIST 800-63B).
 */
const estimator = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
/** zxcvbn's score 3: more than 10^8 guesses, "safely unguessable" for an online attack with rate limits. */
const MIN_SCORE = 3;
/** zxcvbn's run time grows with length; the first 100 characters decide any real case. */
const CHECKED_LENGTH = 100;

const WARNINGS: Record<string, string> = {
  common: 'it is one of the most common passwords',
  commonNames: 'it is built from a common name',
  similarToCommon: 'it is a common password with small changes',
  topTen: 'it is one of the ten most common passwords',
  topHundred: 'it is one of the hundred most common passwords',
  sequences: 'sequences such as 123456 or abcdef are easy to guess',
  straightRow: 'rows of keys on the keyboard are easy to guess',
  keyPattern: 'short keyboard patterns are easy to guess',
  simpleRepeat: 'repeated characters such as aaa are easy to guess',
  extendedRepeat: 'repeated patterns such as abcabc are easy to guess',
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  userInputs: 'it is built from your e-mail address or name',
};

export interface PasswordOwner {
  email: string;
  name?: string | null;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The account's own words: the address, its local part, the name and each longer word of it. */
function ownWords(owner: PasswordOwner): string[] {
  const email = fold(owner.email.trim());
  const local = email.split('@')[0];
  const names = (owner.name ?? '').split(/\s+/).map(fold).filter(Boolean);
  const words = [email, local, names.join(' '), ...names, ...local.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.filter((w) => w.length >= 4))];
}

/** Why the password is refused, or null. */
export function passwordWeakness(password: string, owner: PasswordOwner): string | null {
  const candidate = fold(password);
  const words = ownWords(owner);
  if (words.some((w) => candidate.includes(w))) return 'password must not contain your e-mail address or name';
  const result = estimator.check(password.slice(0, CHECKED_LENGTH), words);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WARNINGS[result.feedback.warning]) || 'it is too easy to guess';
  return `password is too easy to guess: ${why}`;
}

/** Throws the 400 field error on `password` for a weak password. */
export function assertStrongPassword(password: string, owner: PasswordOwner): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw DomainError.invalid('password', weakness);
}
