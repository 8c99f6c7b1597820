import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmLogger } from './typeorm-logger';

export const MIGRATIONS_GLOB = join(__dirname, 'migrations', '*.{js,ts}');

/** One definition of how every process (API, worker, CLI, tests) talks to PostgreSQL. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities']): DataSourceOptions {
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
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: process.env.APP_NAME ?? 'gcm-tracker' },
  };
}
