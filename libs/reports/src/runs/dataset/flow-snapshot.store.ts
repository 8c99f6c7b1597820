import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import { LoadedDataset, ReportDatasetLoader } from './report-dataset.loader';

const zip = promisify(gzip);
const unzip = promisify(gunzip);
/** Data sets kept parsed in this process: the flow being built and the one before. */
const KEEP = 2;

/**
 * The data set of a cycle's flow (see ReportSnapshot): read from PostgreSQL
 * by whichever report of the flow starts first, under an advisory lock so
 * concurrent workers read it once, stored, and then shared; kept parsed in
 * memory for the next reports this process builds.
 */
@Injectable()
export class FlowSnapshotStore {
  private readonly cache = new Map<string, Promise<LoadedDataset>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: ReportDatasetLoader,
  ) {}

  get(rootRunId: string, cycleIds: string[]): Promise<LoadedDataset> {
    let entry = this.cache.get(rootRunId);
    if (!entry) {
      entry = this.fetch(rootRunId, cycleIds);
      entry.catch(() => this.cache.delete(rootRunId));
      this.cache.set(rootRunId, entry);
      while (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value as string);
    }
    return entry;
  }

  private async fetch(rootRunId: string, cycleIds: string[]): Promise<LoadedDataset> {
    const stored = await this.read(rootRunId);
    if (stored) return stored;
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`report_snapshot:${rootRunId}`]);
      const meanwhile = await this.read(rootRunId);
      if (meanwhile) return meanwhile;
      const data = await this.loader.load(cycleIds);
      const bytes = await zip(Buffer.from(JSON.stringify(data)), { level: 1 });
      await m.query('INSERT INTO report_snapshot (root_run_id, cycle_ids, size, bytes) VALUES ($1, $2, $3, $4)', [rootRunId, cycleIds, bytes.length, bytes]);
      return data;
    });
  }

  private async read(rootRunId: string): Promise<LoadedDataset | null> {
    const [row] = await this.dataSource.query('SELECT bytes FROM report_snapshot WHERE root_run_id = $1', [rootRunId]);
    return row ? (JSON.parse((await unzip(row.bytes)).toString('utf8')) as LoadedDataset) : null;
  }
}
