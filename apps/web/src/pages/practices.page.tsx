import { publicApi } from '../api/public-api';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { PracticeList } from '../components/practice-list';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { PracticesFilters } from './practices-filters';
import { practicesHref, readQuery } from './practices-query';

async function loadOptions() {
  const [objectives, sessions] = await Promise.all([publicApi.objectives(), publicApi.practiceSessions()]);
  return { objectives, sessions };
}

/** Paging replaces the list in place: reading goes on at its top, not at the pager below it. */
function focusResults() {
  document.getElementById('results')?.focus();
}

export function PracticesPage({ query }: RouteProps) {
  const current = readQuery(query);
  const pageNo = (current.offset ?? 0) / (current.limit ?? 1) + 1;
  const key = practicesHref(current, pageNo);
  const results = useData(() => publicApi.practices(current), [key]);
  const options = useData(loadOptions, []);
  const filtered = !!(current.q || current.objective || current.session || current.brieflyReferred !== undefined);
  return (
    <>
      <PageHeader title={t.practices.title} lead={t.practices.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={options}>
        {({ objectives, sessions }) => (
          <PracticesFilters current={current} objectives={objectives} sessions={sessions} apply={(next) => navigate(practicesHref(next))} />
        )}
      </DataView>
      <section id="results" aria-label={t.practices.resultsLabel} class="results" tabIndex={-1}>
        {/* Results wait for the filters on first load, so the filters never appear above them and push them down. */}
        {options.status !== 'loading' && (
        <DataView state={results}>
          {(page) => {
            const last = Math.max(1, Math.ceil(page.total / page.limit));
            return (
              <>
                <div class="results-bar">
                  <p role="status" class="results-count">
                    {t.practices.results(page.total, page.offset + 1, page.offset + page.items.length)}
                  </p>
                  {filtered && <a href="/practices">{t.practices.clear}</a>}
                </div>
                <PracticeList items={page.items} />
                {last > 1 && (
                  <nav class="pager" aria-label={t.practices.pagination}>
                    {pageNo > 1 && (
                      <a href={practicesHref(current, pageNo - 1)} rel="prev" onClick={focusResults}>
                        ← {t.practices.previous}
                      </a>
                    )}
                    {pageNo < last && (
                      <a href={practicesHref(current, pageNo + 1)} rel="next" onClick={focusResults}>
                        {t.practices.next} →
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
