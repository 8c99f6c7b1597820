import { publicApi } from '../api/public-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

export function RoundTablePage({ params }: RouteProps) {
  const state = useData(() => publicApi.roundTable(params.code), [params.code]);
  return (
    <DataView state={state}>
      {(rt) => (
        <article>
          <PageHeader
            kicker={`${rt.code} · ${rt.year}`}
            title={rt.title}
            crumbs={[
              { href: '/', label: t.nav.home },
              { href: '/round-tables', label: t.nav.roundTables },
            ]}
          />
          <section aria-labelledby="objectives">
            <h2 id="objectives">
              {t.roundTables.objectives} <span class="count">({rt.objectives.length})</span>
            </h2>
            <ul class="result-list">
              {rt.objectives.map((o) => (
                <li key={o.number} class="result">
                  <p class="result__meta">
                    <span class="code">{t.common.objective(o.number)}</span>
                  </p>
                  <h3 class="result__title">
                    <a href={`/objectives/${o.number}`}>{o.title}</a>
                  </h3>
                  <p class="result__org" lang={o.shortLabelLang}>{o.shortLabel}</p>
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </DataView>
  );
}
