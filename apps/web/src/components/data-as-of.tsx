import { formatDateTime } from './format';
import { t } from '../i18n';

export interface Provenance {
  dataAsOf: string;
  snapshotId: string;
}

/** The latest of several answers' snapshots (ids are counts of public changes: the larger, the later). */
export function latestProvenance(...of: Provenance[]): Provenance {
  return of.reduce((a, b) => (BigInt(b.snapshotId) > BigInt(a.snapshotId) ? b : a));
}

/** "Data as of …, snapshot …" under a page's figures: the snapshot the stats API computed them from (issue 16 item 7). */
export function DataAsOf({ of }: { of: Provenance[] }) {
  if (!of.length) return null;
  const p = latestProvenance(...of);
  return (
    <p class="muted small data-as-of" data-snapshot={p.snapshotId}>
      {t.reports.dataAsOf(formatDateTime(p.dataAsOf), p.snapshotId)}
    </p>
  );
}
