import { DomainError, ErrorCode } from '@gcm/platform';
import { nextPledgeStatus } from './pledge-status';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('pledge lifecycle', () => {
  it('walks draft → submitted → returned → submitted → published → withdrawn', () => {
    expect(nextPledgeStatus('draft', 'submit', false)).toBe('submitted');
    expect(nextPledgeStatus('submitted', 'return', false)).toBe('returned');
    expect(nextPledgeStatus('returned', 'edit', false)).toBe('returned');
    expect(nextPledgeStatus('returned', 'submit', false)).toBe('submitted');
    expect(nextPledgeStatus('submitted', 'publish', false)).toBe('published');
    expect(nextPledgeStatus('published', 'withdraw', true)).toBe('withdrawn');
  });

  it('turns an edit of a published pledge into a revision draft that can still be withdrawn', () => {
    expect(nextPledgeStatus('published', 'edit', true)).toBe('draft');
    expect(nextPledgeStatus('draft', 'withdraw', true)).toBe('withdrawn');
    expect(nextPledgeStatus('submitted', 'withdraw', true)).toBe('withdrawn');
  });

  it('refuses illegal transitions with a conflict that says why', () => {
    const cases: [Parameters<typeof nextPledgeStatus>, RegExp][] = [
      [['submitted', 'edit', false], /cannot be edited until the secretariat/],
      [['withdrawn', 'edit', true], /withdrawn pledge cannot be edited/],
      [['published', 'submit', true], /published pledge cannot be submitted/],
      [['draft', 'publish', false], /Only a submitted pledge can be published/],
      [['returned', 'return', false], /Only a submitted pledge can be returned/],
      [['draft', 'withdraw', false], /Only a published pledge can be withdrawn/],
      [['withdrawn', 'withdraw', true], /already withdrawn/],
    ];
    for (const [args, message] of cases) {
      const err = refusal(() => nextPledgeStatus(...args));
      expect(err.code).toBe(ErrorCode.InvalidState);
      expect(err.message).toMatch(message);
    }
  });
});
