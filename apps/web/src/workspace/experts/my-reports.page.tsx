import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { TableWrap } from '../../components/table-wrap';
import { combine, useData } from '../../components/use-data';
import { t } from '../../i18n';
import { expertApi } from './expert-api';
import { aboutLabel, loadExpertCatalogue } from './expert-labels';

/** `/workspace/expert-reports`: the expert's own reports, any status, and the way to file a new one. */
export function MyExpertReportsPage() {
  const state = combine(useData(() => expertApi.mine(), []), useData(loadExpertCatalogue, []));
  return (
    <>
      <PageHeader title={t.experts.listTitle} lead={t.experts.listLead} />
      <p class="form__actions">
        <a class="button" href="/workspace/expert-reports/new">
          {t.experts.file}
        </a>
      </p>
      <DataView state={state}>
        {([page, catalogue]) =>
          page.items.length === 0 ? (
            <p class="muted">{t.experts.none}</p>
          ) : (
            <TableWrap label={t.experts.listTitle}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.experts.report}</th>
                    <th scope="col">{t.experts.about}</th>
                    <th scope="col" class="num">{t.experts.year}</th>
                    <th scope="col">{t.experts.status}</th>
                    <th scope="col">{t.experts.updated}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id} data-status={r.status}>
                      <th scope="row">
                        <a href={`/workspace/expert-reports/${r.id}`}>{r.title}</a>
                      </th>
                      <td>{aboutLabel(r, catalogue)}</td>
                      <td class="num">{r.year}</td>
                      <td>
                        <span class={`tag tag--expert-${r.status}`}>{t.experts.statuses[r.status]}</span>
                      </td>
                      <td class="nowrap">{formatDateTime(r.updatedAt)}</td>
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
