import { dashboardApi } from '../api/dashboard-api';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { formatBytes, formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { ReportCite } from './report-cite';

const KINDS = Object.keys(t.reports.kinds) as (keyof typeof t.reports.kinds)[];
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A query value when it has the form the API accepts, else nothing (a malformed link lists every report rather than failing). */
const matching = (v: string | null, pattern: RegExp) => (v !== null && pattern.test(v) ? v : undefined);

/** Published report versions, newest first, with a download per format. */
export function ReportsPage({ query }: RouteProps) {
  const kind = KINDS.find((k) => k === query.get('kind'));
  // The links of the reports' prose (a State named in an overview of progress) read `?kind=state&scope=FRA&cycle=2026-H1&language=en`.
  const scope = kind ? matching(query.get('scope'), /^[A-Za-z0-9_-]{1,40}$/) : undefined;
  const cycle = matching(query.get('cycle'), /^\d{4}-[A-Za-z0-9]{1,8}$/);
  const language = LANGUAGES.find((l) => l === query.get('language'));
  const state = useData(() => dashboardApi.reports({ kind, scope, cycle, language, limit: 100 }), [kind, scope, cycle, language]);
  return (
    <>
      <PageHeader title={t.reports.title} lead={t.reports.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="report-kind">{t.reports.kind}</label>
          <select id="report-kind" value={kind ?? ''} onChange={(e) => navigate(`/reports${e.currentTarget.value ? `?kind=${e.currentTarget.value}` : ''}`, { replace: true })}>
            <option value="">{t.reports.anyKind}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.reports.kinds[k]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <DataView state={state}>
        {(page) =>
          page.total === 0 ? (
            <p class="muted">{t.reports.none}</p>
          ) : (
            <TableWrap label={t.reports.title}>
              <table class="table">
                <caption class="visually-hidden">{t.reports.count(page.total)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.reports.report}</th>
                    <th scope="col">{t.reports.cycles}</th>
                    <th scope="col">{t.reports.published}</th>
                    <th scope="col">{t.reports.downloads}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        {r.title}
                        <span class="block muted small">
                          {t.reports.kinds[r.kind as keyof typeof t.reports.kinds] ?? r.kind}, {t.reports.version(r.number)}
                        </span>
                        <ReportCite versionId={r.id} title={r.title} />
                      </th>
                      <td>{r.cycles.join(', ')}</td>
                      <td class="nowrap">{r.publishedAt ? formatDate(r.publishedAt) : ''}</td>
                      <td>
                        <ul class="inline-list">
                          {r.files.map((f) => (
                            <li key={f.format}>
                              {/* The HTML edition opens to be read (the API serves it inline); the other formats are saved. */}
                              <a href={f.url} download={f.format === 'html' ? undefined : true}>
                                {f.format.toUpperCase()}
                              </a>{' '}
                              <span class="muted small">({formatBytes(f.size)})</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </DataView>
    </>
  );
}
