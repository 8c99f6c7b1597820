import { publicApi } from '../api/public-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { SubscribeSection } from '../subscriptions/subscribe-form';
import { CountryStatsSection } from './country-stats';
import { CountryAdoptionSection } from './country-adoption';

export function CountryPage({ params }: RouteProps) {
  const state = useData(() => publicApi.country(params.code), [params.code]);
  return (
    <DataView state={state}>
      {(c) => (
        <article>
          <PageHeader
            kicker={c.unStatus === 'member' ? t.countries.member : t.countries.observer}
            title={c.name}
            crumbs={[
              { href: '/', label: t.nav.home },
              { href: '/countries', label: t.nav.countries },
            ]}
          />
          <dl class="facts">
            <div>
              <dt>{t.countries.region}</dt>
              <dd>
                <a href={`/countries?region=${encodeURIComponent(c.region)}`}>{c.region}</a>
              </dd>
            </div>
            <div>
              <dt>{t.countries.subregion}</dt>
              <dd>{c.subregion}</dd>
            </div>
            {c.intermediateRegion && (
              <div>
                <dt>{t.countries.intermediateRegion}</dt>
                <dd>{c.intermediateRegion}</dd>
              </div>
            )}
            <div>
              <dt>{t.countries.iso}</dt>
              <dd>
                {c.alpha3} · {c.alpha2}
              </dd>
            </div>
            <div>
              <dt>{t.countries.m49}</dt>
              <dd>{c.m49}</dd>
            </div>
          </dl>
          <p>
            <a href={`/map#${c.alpha3}`}>{t.countries.onMap}</a>
          </p>
          {/* The form first: the two sections below fill in when their figures arrive, and nothing under them moves then. */}
          <SubscribeSection topic="country" topicKey={c.alpha3} />
          <CountryStatsSection alpha3={c.alpha3} />
          <CountryAdoptionSection alpha3={c.alpha3} />
        </article>
      )}
    </DataView>
  );
}
