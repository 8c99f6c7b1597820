import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_STATUS } from './domain-error';
import { currentContext } from '../context/request-context';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/** PostgreSQL SQLSTATEs that are the client's fault, not the server's. */
const PG_CLIENT_ERRORS: Record<string, [HttpStatus, string]> = {
  '23505': [HttpStatus.CONFLICT, 'A record with the same unique value already exists'],
  '23503': [HttpStatus.CONFLICT, 'The record is referenced by, or references, another record'],
  '22P02': [HttpStatus.BAD_REQUEST, 'A value has an invalid format'],
  '22003': [HttpStatus.BAD_REQUEST, 'A numeric value is out of range'],
  '22001': [HttpStatus.BAD_REQUEST, 'A value is too long'],
  '22007': [HttpStatus.BAD_REQUEST, 'A date value is invalid'],
  '22008': [HttpStatus.BAD_REQUEST, 'A date value is out of range'],
  '40001': [HttpStatus.CONFLICT, 'The record was changed concurrently; retry'],
  '40P01': [HttpStatus.CONFLICT, 'The record was changed concurrently; retry'],
};

/** The one error shape of the API; never leaks stack traces or SQL. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { body, headers } = this.toBody(exception);
    body.correlationId = currentContext()?.correlationId ?? (req.headers['x-correlation-id'] as string | undefined);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, path: req.url }, 'unhandled error');
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): { body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      const status = ERROR_STATUS[exception.code];
      return {
        body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: exception.message, details: exception.details },
        headers: exception.headers,
      };
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
      return { body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, details } };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception as QueryFailedError & { code?: string }).code ?? '';
      const mapped = PG_CLIENT_ERRORS[code];
      if (mapped) {
        const [status, message] = mapped;
        return { body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message } };
      }
    }
    const bodyError = exception as { type?: string; status?: number };
    if (bodyError?.type === 'entity.too.large') {
      return { body: { statusCode: 413, error: STATUS_CODES[413] as string, message: 'Request body is too large' } };
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return { body: { statusCode: 400, error: STATUS_CODES[400] as string, message: 'Request body is not valid JSON' } };
    }
    return { body: { statusCode: 500, error: STATUS_CODES[500] as string, message: 'Internal server error' } };
  }
}
