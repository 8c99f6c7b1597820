import { HttpStatus } from '@nestjs/common';

/** Domain failures by code; the HTTP edge maps codes to statuses so services never speak HTTP. */
export enum ErrorCode {
  NotFound = 'not_found',
  Invalid = 'invalid',
  Conflict = 'conflict',
  VersionConflict = 'version_conflict',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  InvalidState = 'invalid_state',
  TooManyRequests = 'too_many_requests',
  PreconditionRequired = 'precondition_required',
}

export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.VersionConflict]: HttpStatus.CONFLICT,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.InvalidState]: HttpStatus.CONFLICT,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.PreconditionRequired]: HttpStatus.PRECONDITION_REQUIRED,
};

export interface FieldError {
  field: string;
  messages: string[];
}

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
    return new DomainError(ErrorCode.Invalid, 'Validation failed', [{ field, messages: [message] }]);
  }

  static invalidFields(details: FieldError[]): DomainError {
    return new DomainError(ErrorCode.Invalid, 'Validation failed', details);
  }
}
