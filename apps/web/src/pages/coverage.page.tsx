import { dashboardApi } from '../api/dashboard-api';
import type { Coverage } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { GapsView } from './coverage-gaps';

/** Five shades from 0 up to the largest cell, so a column or row standing out is visible at a glance. */
function level(n: number, max: number): number {
  if (n === 0 || max === 0) return 0;
  return Math.min(4, 1 + Math.floor((4 * n) / (max + 1)));
}

function Matrix({ c }: { c: Coverage }) {
  const max = Math.max(0, ...c.regions.flatMap((r) => r.counts));
  return (
    <TableWrap label={t.coverage.matrix}>
      <table class="table table--compact heat">
        <caption class="visually-hidden">{t.coverage.matrix}</caption>
        <thead>
          <tr>
            <th scope="col">{t.coverage.region}</th>
            {c.objectives.map((o) => (
              <th key={o.number} scope="col" class="num">
                <abbr title={t.coverage.objectiveHeader(o.number, o.label)}>{o.number}</abbr>
              </th>
            ))}
            <th scope="col" class="num">
              {t.coverage.all}
            </th>
          </tr>
        </thead>
        <tbody>
          {c.regions.map((r) => (
            <tr key={r.code} data-region={r.code}>
              <th scope="row">
                <a href={`/pledges?region=${r.code}`}>{r.name}</a>
              </th>
              {r.counts.map((n, i) => (
                <td key={i} class="num" data-level={level(n, max)}>
                  {n}
                </td>
              ))}
              <td class="num">{r.pledges}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The coverage matrix (regions × objectives) and the gap view, both from the stats API. */
export function CoveragePage({ query }: RouteProps) {
  const threshold = Math.min(50, Math.max(1, Number(query.get('threshold')) || 3));
  const coverage = useData(dashboardApi.coverage, []);
  const gaps = useData(() => dashboardApi.gaps(threshold), [threshold]);
  return (
    <>
      <PageHeader title={t.coverage.title} lead={t.coverage.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <section aria-labelledby="matrix">
        <h2 id="matrix">{t.coverage.matrix}</h2>
        <p class="muted small">{t.coverage.matrixNote}</p>
        <DataView state={coverage}>
          {(c) => (
            <>
              <Matrix c={c} />
              <DataAsOf of={[c.provenance]} />
            </>
          )}
        </DataView>
      </section>
      <section aria-labelledby="gaps">
        <h2 id="gaps">{t.coverage.gaps}</h2>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="threshold">{t.coverage.threshold}</label>
            <select id="threshold" value={threshold} onChange={(e) => navigate(`/coverage?threshold=${e.currentTarget.value}`, { replace: true })}>
              {[1, 2, 3, 5, 10, 20].map((n) => (
                <option key={n} value={n}>
                  {n} {t.coverage.thresholdUnit}
                </option>
              ))}
            </select>
          </div>
        </form>
        <DataView state={gaps}>
          {(g) => (
            <>
              <GapsView gaps={g} />
              <DataAsOf of={[g.provenance]} />
            </>
          )}
        </DataView>
      </section>
    </>
  );
}
