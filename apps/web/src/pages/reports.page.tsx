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

/** Published report versions, newest first, with a download per format. */
export function ReportsPage({ query }: RouteProps) {
  const kind = KINDS.find((k) => k === query.get('kind'));
  const state = useData(() => dashboardApi.reports({ kind, limit: 100 }), [kind]);
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
