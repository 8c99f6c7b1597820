import type { DataSource } from 'typeorm';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'string[]' | 'integer[]' | 'json';

/** One column of an open-data file: the same name, type and meaning in CSV and JSON. */
export interface DatasetColumn<Row> {
  name: string;
  type: ColumnType;
  description: string;
  value(row: Row): unknown;
}

/**
 * A bulk open-data file. Rows are read in batches in order of their stable id
 * (keyset, never OFFSET), so a download holds one batch in memory and no
 * database connection between batches.
 */
export interface Dataset<Row> {
  name: 'pledges' | 'updates' | 'practices';
  title: string;
  description: string;
  /** The column holding the stable public id. */
  idColumn: string;
  columns: DatasetColumn<Row>[];
  /** Up to `size` rows after the row whose id is `after` (all from the start when null), in id order. */
  batch(db: DataSource, after: string | null, size: number): Promise<{ rows: Row[]; lastId: string | null }>;
}

export type AnyDataset = Dataset<never>;

export const DATASET_NAMES = ['pledges', 'updates', 'practices'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];
