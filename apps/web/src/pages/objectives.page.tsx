import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

export function ObjectivesPage() {
  const state = useData(publicApi.objectives, []);
  return (
    <>
      <PageHeader title={t.objectives.title} lead={t.objectives.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(objectives) => (
          <TableWrap label={t.objectives.title}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t.objectives.number}
                  </th>
                  <th scope="col">{t.objectives.objective}</th>
                  <th scope="col">{t.objectives.roundTable}</th>
                  <th scope="col">{t.objectives.themes}</th>
                </tr>
              </thead>
              <tbody>
                {objectives.map((o) => (
                  <tr key={o.number}>
                    <td class="num">{o.number}</td>
                    <th scope="row">
                      <a href={`/objectives/${o.number}`}>{o.title}</a>
                      <span class="muted block" lang={o.shortLabelLang}>{o.shortLabel}</span>
                    </th>
                    <td>{o.roundTable ? <a href={`/round-tables/${o.roundTable}`}>{o.roundTable}</a> : t.common.none}</td>
                    <td>
                      <ul class="inline-list">
                        {o.themes.map((th) => (
                          <li key={th.code}>
                            <a href={`/themes/${th.code}`} title={th.title} class={th.primary ? 'tag tag--primary' : 'tag'}>
                              {th.code}
                              {th.primary && <span class="visually-hidden"> ({t.common.primary})</span>}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted small">{t.objectives.primaryNote}</p>
          </TableWrap>
        )}
      </DataView>
    </>
  );
}
