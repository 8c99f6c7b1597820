import type { DataSource } from 'typeorm';

export interface FlowState {
  cycleStatus: string;
  runs: number;
  byStatus: Record<string, number>;
  /** Report keys (kind/scope) with more than one run of the flow. */
  duplicateRuns: string[];
  versions: number;
  /** Report keys with more than one version. */
  duplicateVersions: string[];
  files: number;
  /** Versions without all five formats. */
  incompleteVersions: number;
  /** Runs whose completion was recorded more than once (audit log). */
  completedTwice: number;
  summaryLast: boolean;
}

/** What the database says about a cycle's report flow: the exactly-once checks of the crash test and the chaos script. */
export async function flowState(ds: DataSource, cycleId: string): Promise<FlowState> {
  const q = async <T>(sql: string): Promise<T[]> => ds.query(sql, [cycleId]);
  const [cycle] = await q<{ status: string }>('SELECT status FROM reporting_cycle WHERE id = $1');
  const runs = await q<{ key: string; status: string; n: number }>(
    `SELECT kind || '/' || scope AS key, status, count(*)::int n FROM report_run WHERE cycle_id = $1 GROUP BY 1, 2`,
  );
  const byStatus: Record<string, number> = {};
  const perKey = new Map<string, number>();
  for (const r of runs) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    perKey.set(r.key, (perKey.get(r.key) ?? 0) + r.n);
  }
  const versions = await q<{ key: string; n: number; files: number }>(
    `SELECT v.kind || '/' || v.scope AS key, count(DISTINCT v.id)::int n, count(f.format)::int files
       FROM report_version v LEFT JOIN report_file f ON f.version_id = v.id WHERE v.cycle_id = $1 GROUP BY 1`,
  );
  const [{ incomplete }] = await q<{ incomplete: number }>(
    `SELECT count(*)::int incomplete FROM report_version v WHERE v.cycle_id = $1 AND (SELECT count(*) FROM report_file f WHERE f.version_id = v.id) <> 5`,
  );
  const [{ twice }] = await q<{ twice: number }>(
    `SELECT count(*)::int twice FROM (
       SELECT a.entity_id FROM audit_log a JOIN report_run r ON r.id::text = a.entity_id
        WHERE a.action = 'report.run_completed' AND r.cycle_id = $1 GROUP BY a.entity_id HAVING count(*) > 1) x`,
  );
  const [{ last }] = await q<{ last: boolean }>(
    `SELECT coalesce(bool_and(s.finished_at >= c.finished_at), false) AS last
       FROM report_run s JOIN report_run c ON c.parent_run_id = s.id
      WHERE s.cycle_id = $1 AND s.kind = 'imrf_summary' AND s.status = 'completed' AND c.status = 'completed'`,
  );
  return {
    cycleStatus: cycle?.status,
    runs: runs.reduce((n, r) => n + r.n, 0),
    byStatus,
    duplicateRuns: [...perKey].filter(([, n]) => n > 1).map(([k]) => k),
    versions: versions.reduce((n, v) => n + v.n, 0),
    duplicateVersions: versions.filter((v) => v.n > 1).map((v) => v.key),
    files: versions.reduce((n, v) => n + v.files, 0),
    incompleteVersions: incomplete,
    completedTwice: twice,
    summaryLast: last,
  };
}
