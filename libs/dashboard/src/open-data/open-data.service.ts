import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AnyDataset, ColumnType, Dataset, DatasetName } from './dataset';
import { OPEN_DATA_DATASETS } from './datasets';
import { OpenDataFormat, streamDataset } from './open-data.writer';
import { DataProvenance } from '../stats/provenance';
import { currentProvenance } from '../stats/stats-query.runner';

/** Frictionless Table Schema field types of the dictionary's column types. */
const FIELD_TYPES: Record<ColumnType, string> = {
  string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', datetime: 'datetime',
  'string[]': 'array', 'integer[]': 'array', json: 'any',
};

export const OPEN_DATA_CONVENTIONS = {
  encoding: 'UTF-8',
  csvListSeparator: '; ',
  csvFormulaGuard: 'A text cell starting with =, +, -, @, tab or carriage return is prefixed with an apostrophe.',
  dates: 'date: YYYY-MM-DD; datetime: ISO 8601 in UTC',
  emptyValue: 'CSV: empty cell; JSON: null',
  json: 'An array of objects whose keys are exactly the columns listed here; lists are arrays, numbers are numbers.',
  licence: 'Published data of GCM Tracker; drafts, submissions under review and contact details are never included.',
};

/** Bulk downloads of everything public, and the data dictionary describing them. */
@Injectable()
export class OpenDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  dataset(name: DatasetName): AnyDataset {
    return OPEN_DATA_DATASETS[name];
  }

  dictionary() {
    return {
      conventions: OPEN_DATA_CONVENTIONS,
      datasets: Object.values(OPEN_DATA_DATASETS).map((d: Dataset<never>) => ({
        name: d.name,
        title: d.title,
        description: d.description,
        idColumn: d.idColumn,
        files: { csv: `/api/v1/open-data/${d.name}.csv`, json: `/api/v1/open-data/${d.name}.json` },
        columns: d.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
      })),
    };
  }

  /**
   * The snapshot a download starts from (see provenance.ts); it moves on
   * every committed change to public data (organisation names included),
   * whoever made it, so it also serves as the download's validator.
   */
  provenance(): Promise<DataProvenance> {
    return currentProvenance(this.dataSource);
  }

  etag(name: DatasetName, format: OpenDataFormat, provenance: DataProvenance): string {
    return `W/"${name}.${format}-${provenance.snapshotId}"`;
  }

  /**
   * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
   * describing every file, with the snapshot the files are served from: the
   * CSV files' sidecar, since a CSV file has no room for metadata.
   */
  async datapackage(): Promise<string> {
    const provenance = await this.provenance();
    const resources = Object.values(OPEN_DATA_DATASETS).flatMap((d: Dataset<never>) =>
      (['csv', 'json'] as const).map((format) => ({
        name: `${d.name}-${format}`,
        title: d.title,
        description: d.description,
        path: `/api/v1/open-data/${d.name}.${format}`,
        format,
        mediatype: format === 'csv' ? 'text/csv' : 'application/json',
        encoding: 'utf-8',
        schema: {
          fields: d.columns.map((c) => ({ name: c.name, type: FIELD_TYPES[c.type], description: c.description })),
          primaryKey: d.idColumn,
        },
      })),
    );
    return JSON.stringify({
      profile: 'data-package',
      name: 'gcm-tracker',
      title: 'GCM Tracker open data',
      description: OPEN_DATA_CONVENTIONS.licence,
      created: provenance.dataAsOf,
      provenance,
      resources,
    });
  }

  stream(name: DatasetName, format: OpenDataFormat, res: Response): Promise<void> {
    return streamDataset(this.dataSource, this.dataset(name), format, res);
  }
}
