import { reportApi, REPORT_KINDS } from '../api/report-api';
import { query as toQuery } from '../api/client';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

/** Published reports for everyone: every format a plain download link. */
export function ReportsPage({ query }: RouteProps) {
  const kind = query.get('kind') ?? '';
  const cycle = query.get('cycle') ?? '';
  const state = useData(() => reportApi.published({ kind: kind || undefined, cycle: cycle || undefined }), [kind, cycle]);
  return (
    <>
      <PageHeader title={t.publicReports.title} lead={t.publicReports.lead} />
      <form
        class="filters"
        role="search"
        aria-label={t.publicReports.filters}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          navigate(`/reports${toQuery({ kind: String(data.get('kind') ?? ''), cycle: String(data.get('cycle') ?? '').trim() })}`);
        }}
      >
        <label class="field">
          <span>{t.reports.kind}</span>
          <select name="kind" defaultValue={kind}>
            <option value="">{t.reports.anyKind}</option>
            {REPORT_KINDS.map((k) => <option key={k} value={k}>{t.reports.kinds[k]}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t.reports.cycle}</span>
          <input name="cycle" defaultValue={cycle} placeholder="2026-H1" />
        </label>
        <button class="button" type="submit">
          {t.ws.common.apply}
        </button>
      </form>
      <DataView state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t.publicReports.none}</p>
          ) : (
            <ul class="card-list">
              {page.items.map((v) => (
                <li key={v.id} class="card">
                  <h2 class="card__title">{v.title}</h2>
                  <p class="muted small">{t.publicReports.meta(t.reports.kinds[v.kind], v.cycles.join(' + '), v.number, formatDate(v.publishedAt))}</p>
                  <ul class="inline-list" aria-label={t.publicReports.downloads(v.title)}>
                    {v.files.map((f) => (
                      <li key={f.format}>
                        <a class="tag" href={f.url} download data-format={f.format}>
                          {t.publicReports.format[f.format]}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </DataView>
    </>
  );
}
