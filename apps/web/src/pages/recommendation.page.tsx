import { ApiError } from '../api/client';
import { publicApi } from '../api/public-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { RecommendationBody } from '../components/recommendation-body';
import { useData } from '../components/use-data';
import { UnofficialNote } from '../components/unofficial-note';
import { t } from '../i18n';

export function RecommendationPage({ params }: RouteProps) {
  const paragraph = Number(params.paragraph);
  const state = useData(
    () =>
      Number.isInteger(paragraph) && paragraph > 0 ? publicApi.recommendation(paragraph) : Promise.reject(ApiError.local(404, 'not_found', 'Not found')),
    [paragraph],
  );
  return (
    <DataView state={state}>
      {(r) => (
        <article>
          <PageHeader
            kicker={t.common.paragraph(r.paragraph)}
            title={r.shortTitle}
            crumbs={[
              { href: '/', label: t.nav.home },
              { href: '/recommendations', label: t.nav.recommendations },
            ]}
          />
          <RecommendationBody r={r} level={2} />
          <UnofficialNote sources={[r.shortTitleSource, r.textSource]} />
        </article>
      )}
    </DataView>
  );
}
