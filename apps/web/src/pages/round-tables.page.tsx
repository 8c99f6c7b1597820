import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

export function RoundTablesPage() {
  const state = useData(publicApi.roundTables, []);
  return (
    <>
      <PageHeader title={t.roundTables.title} lead={t.roundTables.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(tables) => (
          <ul class="card-list">
            {tables.map((rt) => (
              <li key={rt.code} class="card">
                <p class="kicker">{rt.code}</p>
                <h2 class="card__title">
                  <a href={`/round-tables/${rt.code}`}>{rt.title}</a>
                </h2>
                <p class="muted">{t.roundTables.objectivesCount(rt.objectives.length)}</p>
                <ul class="inline-list">
                  {rt.objectives.map((o) => (
                    <li key={o.number}>
                      <a class="tag" href={`/objectives/${o.number}`} title={o.title}>
                        {t.common.objectiveShort(o.number)}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </DataView>
    </>
  );
}
