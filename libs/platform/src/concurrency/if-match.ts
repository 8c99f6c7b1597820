import { DomainError, ErrorCode } from '../errors/domain-error';

/** The ETag of a record whose optimistic-concurrency version is `version`. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write was based on: the `If-Match` header (`"3"`, `W/"3"` or
 * `3`) or else a `version` field of the body. Returns undefined when neither
 * is given; `requireVersion` turns that into 428.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  if (ifMatch !== undefined && ifMatch.trim() !== '') {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!m) throw DomainError.invalid('If-Match', 'If-Match must be the ETag of the record, such as "3"');
    const fromHeader = Number(m[1]);
    if (bodyVersion !== undefined && bodyVersion !== fromHeader) {
      throw DomainError.invalid('version', 'version and If-Match disagree');
    }
    return fromHeader;
  }
  return bodyVersion;
}

export function requireVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const v = expectedVersion(ifMatch, bodyVersion);
  if (v === undefined) {
    throw new DomainError(
      ErrorCode.PreconditionRequired,
      'This write needs the version it is based on: send If-Match with the ETag you read, or a version field',
    );
  }
  return v;
}

/** 409 with the current version in `details` and as ETag, so a client can reload and retry. */
export function staleVersion(what: string, current: number): DomainError {
  return new DomainError(
    ErrorCode.VersionConflict,
    `The ${what} was changed by someone else (now at version ${current}); reload it and apply your change again`,
    { currentVersion: current },
    { ETag: versionEtag(current) },
  );
}

/** The early check before any work: a write based on another version than the current one is stale. No expectation, no check. */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw staleVersion(what, current);
}
