import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StatsCache } from '@gcm/platform';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AnyDataset, Dataset, DatasetName } from './dataset';
import { OPEN_DATA_DATASETS } from './datasets';
import { OpenDataFormat, streamDataset } from './open-data.writer';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: StatsCache,
  ) {}

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
   * A validator for a download without reading it: the stats cache
   * generation, which moves on every committed change to public data
   * (organisation names included), whoever made it.
   */
  async etag(name: DatasetName, format: OpenDataFormat): Promise<string> {
    return `W/"${name}.${format}-${await this.cache.generation()}"`;
  }

  stream(name: DatasetName, format: OpenDataFormat, res: Response): Promise<void> {
    return streamDataset(this.dataSource, this.dataset(name), format, res);
  }
}
