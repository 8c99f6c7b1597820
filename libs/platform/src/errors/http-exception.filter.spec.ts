import { BadRequestException, ForbiddenException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, ERROR_STATUS } from './domain-error';
import { HttpExceptionFilter } from './http-exception.filter';

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
});
