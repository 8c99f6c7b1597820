import { DomainError, ErrorCode } from '@gcm/platform';
import { assertCycleOpen, nextCycleStatus, nextUpdateStatus } from './lifecycle';

const conflict = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect((e as DomainError).code).toBe(ErrorCode.InvalidState);
    return (e as DomainError).message;
  }
  throw new Error('not refused');
};

describe('reporting lifecycles', () => {
  it('moves a cycle scheduled → open → closed → compiled, reopening a closed one', () => {
    expect(nextCycleStatus('scheduled', 'open')).toBe('open');
    expect(nextCycleStatus('open', 'close')).toBe('closed');
    expect(nextCycleStatus('closed', 'open')).toBe('open');
    expect(nextCycleStatus('closed', 'compile')).toBe('compiled');
    expect(conflict(() => nextCycleStatus('compiled', 'open'))).toBe('A compiled reporting cycle cannot be opened');
    expect(conflict(() => nextCycleStatus('scheduled', 'close'))).toBe('A scheduled reporting cycle cannot be closed');
  });

  it('compiles a cycle with failed reports as compiled_with_failures, and compiles it once they are retried', () => {
    expect(nextCycleStatus('closed', 'compile_with_failures')).toBe('compiled_with_failures');
    expect(nextCycleStatus('compiled_with_failures', 'compile_with_failures')).toBe('compiled_with_failures');
    expect(nextCycleStatus('compiled_with_failures', 'compile')).toBe('compiled');
    expect(conflict(() => nextCycleStatus('compiled', 'compile_with_failures'))).toBe('A compiled reporting cycle cannot be compiled with failures');
    expect(conflict(() => nextCycleStatus('compiled_with_failures', 'open'))).toBe('A compiled_with_failures reporting cycle cannot be opened');
    expect(conflict(() => nextCycleStatus('open', 'compile'))).toBe('A open reporting cycle cannot be compiled');
  });

  it('moves an update draft → submitted → returned → submitted → validated, and no further', () => {
    expect(nextUpdateStatus('draft', 'submit')).toBe('submitted');
    expect(nextUpdateStatus('submitted', 'return')).toBe('returned');
    expect(nextUpdateStatus('returned', 'edit')).toBe('returned');
    expect(nextUpdateStatus('returned', 'submit')).toBe('submitted');
    expect(nextUpdateStatus('submitted', 'validate')).toBe('validated');
    expect(conflict(() => nextUpdateStatus('validated', 'edit'))).toMatch(/final/);
    expect(conflict(() => nextUpdateStatus('submitted', 'edit'))).toMatch(/until the secretariat/);
    expect(conflict(() => nextUpdateStatus('draft', 'validate'))).toMatch(/Only a submitted/);
  });

  it('allows writing updates only in an open cycle', () => {
    expect(() => assertCycleOpen('open', '2026-H1')).not.toThrow();
    expect(conflict(() => assertCycleOpen('closed', '2026-H1'))).toMatch(/2026-H1 is closed/);
  });
});
