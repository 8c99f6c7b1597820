import { DomainError, ErrorCode } from '../errors/domain-error';
import { expectedVersion, requireVersion, staleVersion } from './if-match';

describe('If-Match / version', () => {
  it('reads strong, weak and bare ETags, or else the body version', () => {
    expect(expectedVersion('"4"', undefined)).toBe(4);
    expect(expectedVersion('W/"12"', undefined)).toBe(12);
    expect(expectedVersion('7', 7)).toBe(7);
    expect(expectedVersion(undefined, 3)).toBe(3);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
  });

  it('rejects a malformed header or one that contradicts the body with 400', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect((e as DomainError).code).toBe(ErrorCode.ValidationFailed);
        return (e as DomainError).details;
      }
      throw new Error('not refused');
    };
    expect(fieldOf(() => expectedVersion('"abc"', undefined))).toEqual([
      { field: 'If-Match', messages: ['If-Match must be the ETag of the record, such as "3"'] },
    ]);
    expect(fieldOf(() => expectedVersion('*', undefined))).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    expect(fieldOf(() => expectedVersion('"2"', 3))).toEqual([{ field: 'version', messages: ['version and If-Match disagree'] }]);
  });

  it('asks for a precondition (428) when no version is given at all', () => {
    try {
      requireVersion(undefined, undefined);
      throw new Error('not refused');
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.PreconditionRequired);
    }
  });

  it('reports the current version and ETag on a stale write', () => {
    const err = staleVersion('pledge', 5);
    expect(err.code).toBe(ErrorCode.VersionConflict);
    expect(err.headers).toEqual({ ETag: '"5"' });
    expect(err.details).toEqual({ currentVersion: 5 });
  });
});
