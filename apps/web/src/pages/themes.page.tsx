import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

export function ThemesPage() {
  const state = useData(publicApi.themes, []);
  return (
    <>
      <PageHeader title={t.themes.title} lead={t.themes.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(themes) => (
          <ul class="card-list">
            {themes.map((th) => (
              <li key={th.code} class="card">
                <p class="kicker">{th.code}</p>
                <h2 class="card__title">
                  <a href={`/themes/${th.code}`}>{th.title}</a>
                </h2>
                <p class="muted">
                  {t.themes.commitmentsCount(th.commitments.length)} · {t.themes.primaryFor}{' '}
                  {th.objectives
                    .filter((o) => o.primary)
                    .map((o) => o.number)
                    .join(', ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </DataView>
    </>
  );
}
