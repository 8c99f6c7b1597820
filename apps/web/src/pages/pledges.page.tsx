import { dashboardApi } from '../api/dashboard-api';
import type { PledgeQuery } from '../api/models';
import { publicApi } from '../api/public-api';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { regionName } from '../components/format';
import { PageHeader } from '../components/page-header';
import { PledgeList, toListItem } from '../components/pledge-list';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { PledgesFilters } from './pledges-filters';
import { PledgesSortAndExport } from './pledges-sort';
import { isFiltered, pledgesHref, readPledgeQuery } from './pledges-query';

async function loadOptions() {
  const [objectives, themes, countries] = await Promise.all([publicApi.objectives(), publicApi.themes(), publicApi.countries()]);
  const regions = [...new Map(countries.map((c) => [c.regionM49, c.region]))].map(([code, name]) => ({ code, name }));
  regions.sort((a, b) => a.name.localeCompare(b.name));
  return { objectives, themes, regions };
}

function focusResults() {
  document.getElementById('results')?.focus();
}

/**
 * What a report figure's link lists (its population, libs/reports figure-links):
 * "Pledges that reported a validated update in 2026-H1: 12", and the narrowing filters.
 */
function PopulationNote({ q, total, lead, regions }: { q: PledgeQuery; total: number; lead: string | undefined; regions: { code: string; name: string }[] }) {
  const p = t.pledges.population;
  const reported = q.reported === 'not-reported' ? 'notReported' : (q.reported ?? 'validated');
  // One cycle, or a span's cycles: the status is as of the latest of them.
  const scope = q.cycles ? q.cycles.join(', ') : q.cycle!;
  const asOf = q.cycles ? q.cycles.reduce((a, b) => (b > a ? b : a)) : q.cycle!;
  const status = q.statusInCycle && (q.statusInCycle === 'no_update' ? p.noUpdate : t.status[q.statusInCycle]);
  const region = q.leadRegion && regionName(q.leadRegion, regions.find((r) => r.code === q.leadRegion)?.name ?? q.leadRegion);
  const facets = [
    q.objective !== undefined && p.objective(q.objective),
    q.theme !== undefined && p.theme(q.theme),
    q.primaryTheme !== undefined && p.primaryTheme(q.primaryTheme),
    q.roundTable && p.roundTable(q.roundTable),
    q.commitment && p.commitment(q.commitment),
    q.recommendation !== undefined && p.recommendation(q.recommendation),
    region && p.leadRegion(region),
    status && p.status(asOf, status),
    q.organisation && lead && p.lead(lead),
  ].filter((f): f is string => Boolean(f));
  return (
    <section class="population" aria-label={p.label}>
      <h2>{p[reported](scope, total)}</h2>
      {facets.length > 0 && <ul>{facets.map((f) => <li key={f}>{f}</li>)}</ul>}
    </section>
  );
}

/** Browse, filter and search the published pledges; the query is the URL. */
export function PledgesPage({ query }: RouteProps) {
  const current = readPledgeQuery(query);
  const pageNo = (current.offset ?? 0) / (current.limit ?? 1) + 1;
  const key = pledgesHref(current, pageNo);
  const results = useData(() => dashboardApi.pledges(current), [key]);
  const options = useData(loadOptions, []);
  return (
    <>
      <PageHeader title={t.pledges.title} lead={t.pledges.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={options}>{(o) => <PledgesFilters current={current} options={o} apply={(next) => navigate(pledgesHref(next))} />}</DataView>
      <section id="results" aria-label={t.pledges.resultsLabel} class="results" tabIndex={-1}>
        {/* Results wait for the filters on first load, so the filters never appear above them and push them down. */}
        {options.status !== 'loading' && (
        <DataView state={results}>
          {(page) => {
            const last = Math.max(1, Math.ceil(page.total / page.limit));
            return (
              <>
                {(current.cycle || current.cycles) && (
                  <PopulationNote q={current} total={page.total} lead={page.items[0]?.leadOrganisation.name} regions={options.status === 'ready' ? options.data.regions : []} />
                )}
                <div class="results-bar">
                  <p role="status" class="results-count">
                    {t.pledges.results(page.total, page.offset + 1, page.offset + page.items.length)}
                  </p>
                  {isFiltered(current) && <a href="/pledges">{t.pledges.clear}</a>}
                </div>
                <PledgesSortAndExport current={current} apply={(next) => navigate(pledgesHref(next))} />
                <PledgeList items={page.items.map(toListItem)} />
                {last > 1 && (
                  <nav class="pager" aria-label={t.pledges.pagination}>
                    {pageNo > 1 && (
                      <a href={pledgesHref(current, pageNo - 1)} rel="prev" onClick={focusResults}>
                        ← {t.pledges.previous}
                      </a>
                    )}
                    {pageNo < last && (
                      <a href={pledgesHref(current, pageNo + 1)} rel="next" onClick={focusResults}>
                        {t.pledges.next} →
                      </a>
                    )}
                  </nav>
                )}
              </>
            );
          }}
        </DataView>
        )}
      </section>
    </>
  );
}
