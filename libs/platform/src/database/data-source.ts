import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Used only by the TypeORM CLI (`npm run migration:generate|run|revert`), run
 * through ts-node: entities are found by file name so this file imports no feature.
 */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gcm_tracker', [
    `${__dirname}/../../../*/src/**/*.entity.{ts,js}`,
  ]),
);
