import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmLogger } from './typeorm-logger';

export const MIGRATIONS_GLOB = join(__dirname, 'migrations', '*.{js,ts}');

export interface PoolOptions {
  /** pg pool `max` (DATABASE_POOL_SIZE). */
  size: number;
  /** PostgreSQL application_name (APP_NAME). */
  appName: string;
  /** pg `connectionTimeoutMillis` (DATABASE_CONNECT_TIMEOUT_MS): bounds both a new connection and the wait for a free one. */
  connectTimeoutMs?: number;
}

/**
 * One definition of how every process (API, worker, CLI, tests) talks to
 * PostgreSQL. The pool comes from the validated config; the CLI and tests that
 * have none get its defaults.
 */
export function dataSourceOptions(
  url: string, entities: DataSourceOptions['entities'], pool: PoolOptions = { size: 10, appName: 'gcm-tracker' },
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    // keepAlive: a connection to a server that vanished (failover, partition) errors instead of hanging.
    extra: { max: pool.size, application_name: pool.appName, connectionTimeoutMillis: pool.connectTimeoutMs ?? 2000, keepAlive: true },
  };
}
