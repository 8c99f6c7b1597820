import { createServer } from 'node:net';
import Redis from 'ioredis';
import { Client } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ReportInputError } from '../../model/report-kind.types';
import { classifyError, classifyMessage, infraDelayMs, RenderAbortedError } from './job-errors';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('classifyError: what a failed report attempt says', () => {
  it('calls the error of connecting to a stopped PostgreSQL infrastructure', async () => {
    const client = new Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x' });
    const err = await client.connect().then(() => null, (e: Error) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED' });
    expect(classifyError(err)).toBe('infra');
  });

  it('calls a Redis that is down infrastructure', async () => {
    const redis = new Redis({ port: await closedPort(), maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    const err = await redis.connect().then(() => null, (e: Error) => e);
    redis.disconnect();
    expect(classifyError(err)).toBe('infra');
  });

  it('sees through TypeORM: a failover in progress (57P03, 57P01, class 08) is infrastructure', () => {
    const wrapped = (code: string, message: string) => new QueryFailedError('SELECT 1', [], pgError(code, message));
    expect(classifyError(wrapped('57P03', 'the database system is starting up'))).toBe('infra');
    expect(classifyError(wrapped('57P03', 'the database system is shutting down'))).toBe('infra');
    expect(classifyError(wrapped('57P01', 'terminating connection due to administrator command'))).toBe('infra');
    expect(classifyError(wrapped('08006', 'connection failure'))).toBe('infra');
    expect(classifyError(wrapped('53300', 'sorry, too many clients already'))).toBe('infra');
  });

  it('recognises pg and pool messages that carry no code, and errors wrapped as causes or aggregates', () => {
    expect(classifyError(new Error('Connection terminated unexpectedly'))).toBe('infra');
    expect(classifyError(new Error('timeout exceeded when trying to connect'))).toBe('infra');
    expect(classifyError(new Error('Client was closed and is not queryable'))).toBe('infra');
    expect(classifyError(new QueryRunnerAlreadyReleasedError())).toBe('infra');
    expect(classifyError(new Error('wrapper', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }))).toBe('infra');
    expect(classifyError(new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], ''))).toBe('infra');
  });

  it('keeps real build errors as build errors, SQL errors included', () => {
    expect(classifyError(new ReportInputError('objective 99 does not exist'))).toBe('build');
    expect(classifyError(new TypeError("Cannot read properties of undefined (reading 'title')"))).toBe('build');
    expect(classifyError(new QueryFailedError('SELECT', [], pgError('23505', 'duplicate key value violates unique constraint')))).toBe('build');
    expect(classifyError(new QueryFailedError('SELECT', [], pgError('42P01', 'relation "x" does not exist')))).toBe('build');
    expect(classifyError(null)).toBe('build');
  });

  it('calls a render cut off by the worker shutting down aborted', () => {
    expect(classifyError(new RenderAbortedError())).toBe('aborted');
    expect(classifyError(new Error('render pool closed'))).toBe('aborted');
  });

  it('classifies stored messages (a run error, a BullMQ failedReason) the same way', () => {
    expect(classifyMessage('Error: connect ECONNREFUSED 127.0.0.1:5432')).toBe('infra');
    expect(classifyMessage('QueryFailedError: the database system is starting up')).toBe('infra');
    expect(classifyMessage('ReportInputError: objective 99 does not exist')).toBe('build');
    expect(classifyMessage(null)).toBe('build');
  });
});

describe('infraDelayMs', () => {
  it('doubles from one second and stops at thirty, within ±20 %', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => infraDelayMs(n, mid))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(infraDelayMs(10, () => 0)).toBe(24_000);
    expect(infraDelayMs(10, () => 1)).toBe(36_000);
  });
});
