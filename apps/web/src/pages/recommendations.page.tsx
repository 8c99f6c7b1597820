import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { RecommendationBody } from '../components/recommendation-body';
import { useData } from '../components/use-data';
import { UnofficialNote } from '../components/unofficial-note';
import { t } from '../i18n';

export function RecommendationsPage() {
  const state = useData(publicApi.recommendations, []);
  return (
    <>
      <PageHeader title={t.recommendations.title} lead={t.recommendations.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(items) => (
          <div class="stack">
            {items.map((r) => (
              <section key={r.paragraph} class="card" aria-labelledby={`rec-${r.paragraph}`}>
                <p class="kicker">{t.common.paragraph(r.paragraph)}</p>
                <h2 id={`rec-${r.paragraph}`} class="card__title">
                  <a href={`/recommendations/${r.paragraph}`} lang={r.shortTitleLang}>{r.shortTitle}</a>
                </h2>
                <RecommendationBody r={r} level={3} />
              </section>
            ))}
            <UnofficialNote sources={items.flatMap((r) => [r.shortTitleSource, r.textSource])} />
          </div>
        )}
      </DataView>
    </>
  );
}
