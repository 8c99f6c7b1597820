import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { IncomingMessage, STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { codeForStatus, DomainError, ErrorCode, ERROR_STATUS } from './domain-error';
import { currentContext } from '../context/request-context';
import { unavailable, unavailableDependency } from './unavailable';
import { localisedErrorMessage } from '../i18n/localise';

export interface ErrorBody {
  statusCode: number;
  /** Stable and machine-readable: what clients switch on. */
  code: ErrorCode;
  error: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/** PostgreSQL SQLSTATEs that are the client's fault, not the server's. */
const PG_CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  '23505': [ErrorCode.Conflict, 'A record with the same unique value already exists'],
  '23503': [ErrorCode.Conflict, 'The record is referenced by, or references, another record'],
  '22P02': [ErrorCode.ValidationFailed, 'A value has an invalid format'],
  '22003': [ErrorCode.ValidationFailed, 'A numeric value is out of range'],
  '22001': [ErrorCode.ValidationFailed, 'A value is too long'],
  '22007': [ErrorCode.ValidationFailed, 'A date value is invalid'],
  '22008': [ErrorCode.ValidationFailed, 'A date value is out of range'],
  '40001': [ErrorCode.VersionConflict, 'The record was changed concurrently; retry'],
  '40P01': [ErrorCode.VersionConflict, 'The record was changed concurrently; retry'],
};

function bodyOf(code: ErrorCode, message: string, details?: unknown, status = ERROR_STATUS[code]): ErrorBody {
  return { statusCode: status, code, error: STATUS_CODES[status] ?? 'Error', message, details };
}

/** The one error shape of the API; never leaks stack traces or SQL. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { body, headers } = this.render(exception, req);
    if (body.statusCode === 503) {
      this.logger.warn({ err: (exception as Error)?.message, code: body.code, path: req.url }, 'dependency unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: req.url }, 'unhandled error');
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(body.statusCode).json(body);
  }

  /** The answer to `exception` as the client sees it: localised, with the request's correlation id. Also for routes that write their own responses (tus). */
  render(exception: unknown, req: IncomingMessage): { body: ErrorBody; headers?: Record<string, string> } {
    const rendered = this.toBody(exception);
    rendered.body.message = localisedErrorMessage(rendered.body.code, rendered.body.message);
    rendered.body.correlationId = currentContext()?.correlationId ?? (req.headers['x-correlation-id'] as string | undefined);
    return rendered;
  }

  toBody(exception: unknown): { body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      return { body: bodyOf(exception.code, exception.message, exception.details), headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? 'Validation failed'
            : String((response as { message?: unknown }).message ?? exception.message);
      const details = typeof response === 'object' ? (response as { details?: unknown }).details : undefined;
      return { body: bodyOf(codeForStatus(status), message, details, status) };
    }
    const dependency = unavailableDependency(exception);
    if (dependency) {
      const err = unavailable(dependency);
      return { body: bodyOf(err.code, err.message), headers: err.headers };
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception as QueryFailedError & { code?: string }).code ?? '';
      const mapped = PG_CLIENT_ERRORS[sqlState];
      if (mapped) {
        const [code, message] = mapped;
        return { body: bodyOf(code, message) };
      }
    }
    const tusError = exception as { status_code?: unknown; body?: unknown };
    if (typeof tusError?.status_code === 'number' && tusError.status_code < 500 && typeof tusError.body === 'string') {
      // @tus/server's own protocol errors (409 offset mismatch, 412 Tus-Resumable, 413 …): its text, in the one shape.
      return { body: bodyOf(codeForStatus(tusError.status_code), tusError.body.trim(), undefined, tusError.status_code) };
    }
    const bodyError = exception as { type?: string; status?: number };
    if (bodyError?.type === 'entity.too.large') {
      return { body: bodyOf(ErrorCode.PayloadTooLarge, 'Request body is too large') };
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return { body: bodyOf(ErrorCode.ValidationFailed, 'Request body is not valid JSON') };
    }
    return { body: bodyOf(ErrorCode.Internal, 'Internal server error') };
  }
}
