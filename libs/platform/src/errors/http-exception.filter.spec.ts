import { BadRequestException, ForbiddenException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, ERROR_STATUS } from './domain-error';
import { HttpExceptionFilter } from './http-exception.filter';
import { RETRY_AFTER_SECONDS } from './unavailable';

const filter = new HttpExceptionFilter();

describe('error bodies carry a stable code', () => {
  it('maps every domain code to its status and names it in the body', () => {
    for (const code of Object.values(ErrorCode)) {
      const { body } = filter.toBody(new DomainError(code, 'x'));
      expect(body).toMatchObject({ statusCode: ERROR_STATUS[code], code });
    }
  });

  it('keeps a stale version apart from a lifecycle refusal, though both are 409', () => {
    const stale = filter.toBody(new DomainError(ErrorCode.VersionConflict, 'stale', { version: 4 })).body;
    const state = filter.toBody(new DomainError(ErrorCode.InvalidState, 'already published')).body;
    expect([stale.statusCode, state.statusCode]).toEqual([409, 409]);
    expect([stale.code, state.code]).toEqual(['version_conflict', 'invalid_state']);
    expect(stale.details).toEqual({ version: 4 });
  });

  it("gives Nest's, the body parser's and PostgreSQL's errors a code too", () => {
    expect(filter.toBody(new BadRequestException({ message: 'Validation failed', details: [] })).body.code).toBe('validation_failed');
    expect(filter.toBody(new ForbiddenException()).body.code).toBe('forbidden');
    expect(filter.toBody(new PayloadTooLargeException()).body.code).toBe('payload_too_large');
    expect(filter.toBody({ type: 'entity.parse.failed' }).body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    const unique = Object.assign(new QueryFailedError('INSERT', [], new Error('dup')), { code: '23505' });
    expect(filter.toBody(unique).body).toMatchObject({ statusCode: 409, code: 'conflict' });
    expect(filter.toBody(new Error('boom')).body).toMatchObject({ statusCode: 500, code: 'internal', message: 'Internal server error' });
  });

  it('answers 503 with Retry-After and the dependency for the drivers\' ways of saying it is unreachable', () => {
    const pg = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
    const database = [
      pg('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      pg('read ECONNRESET', 'ECONNRESET'),
      pg('Connection terminated unexpectedly'),
      pg('timeout exceeded when trying to connect'),
      pg('the database system is starting up', '57P03'),
      pg('terminating connection due to administrator command', '57P01'),
      Object.assign(new QueryFailedError('SELECT 1', [], pg('Connection terminated unexpectedly')), { code: undefined }),
      Object.assign(new QueryFailedError('SELECT 1', [], pg('x', '08006')), { code: '08006' }),
      Object.assign(new AggregateError([pg('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ];
    for (const err of database) {
      const { body, headers } = filter.toBody(err);
      expect([body.statusCode, body.code, headers?.['Retry-After']]).toEqual([503, 'database_unavailable', String(RETRY_AFTER_SECONDS)]);
    }
    const redis = [pg('Connection is closed.'), pg("Stream isn't writeable and enableOfflineQueue options is false"), pg('Command timed out'),
      Object.assign(pg('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })];
    for (const err of redis) expect(filter.toBody(err).body).toMatchObject({ statusCode: 503, code: 'queue_unavailable' });
    // A real bug stays a 500; a client's mistake stays its 4xx.
    expect(filter.toBody(pg('column "x" does not exist', '42703')).body.statusCode).toBe(500);
    expect(filter.toBody(Object.assign(new QueryFailedError('INSERT', [], pg('dup', '23505')), { code: '23505' })).body.statusCode).toBe(409);
  });
});
