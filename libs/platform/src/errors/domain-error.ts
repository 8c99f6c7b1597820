import { HttpStatus } from '@nestjs/common';

/**
 * The stable, machine-readable `code` of every error body. Clients switch on it
 * (never on the status number or the message text), so a value here is never
 * renamed; add new ones instead.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  /** A unique or referential rule of the data refused the write. */
  Conflict = 'conflict',
  /** The client's `version` / If-Match is not the record's current one. */
  VersionConflict = 'version_conflict',
  /** The record's lifecycle does not allow the action now (e.g. submitting a published pledge). */
  InvalidState = 'invalid_state',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  PreconditionRequired = 'precondition_required',
  RateLimited = 'rate_limited',
  Unavailable = 'unavailable',
  /** PostgreSQL is unreachable (down, restarting, failing over): retry after `Retry-After` seconds. */
  DatabaseUnavailable = 'database_unavailable',
  /** Redis (the job queue and the shared counters, e.g. sign-in limits) is unreachable: retry after `Retry-After` seconds. */
  QueueUnavailable = 'queue_unavailable',
  Internal = 'internal',
}

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.VersionConflict]: HttpStatus.CONFLICT,
  [ErrorCode.InvalidState]: HttpStatus.CONFLICT,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.PreconditionRequired]: HttpStatus.PRECONDITION_REQUIRED,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.QueueUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The code of an error raised outside the services (Nest's own HttpExceptions, body parser, multer), by status. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
    case 405:
    case 410:
      return ErrorCode.NotFound;
    case 409:
    case 423:
      return ErrorCode.Conflict;
    case 412:
      return ErrorCode.VersionConflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 428:
      return ErrorCode.PreconditionRequired;
    case 429:
      return ErrorCode.RateLimited;
    case 503:
      return ErrorCode.Unavailable;
    default:
      return status < 500 ? ErrorCode.ValidationFailed : ErrorCode.Internal;
  }
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** A failure of the domain, by code; the one exception filter maps codes to HTTP so services never speak HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }

  static invalid(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, 'Validation failed', [{ field, messages: [message] }]);
  }

  static invalidFields(details: FieldError[]): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, 'Validation failed', details);
  }
}
