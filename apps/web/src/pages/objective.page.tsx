import { dashboardApi } from '../api/dashboard-api';
import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { ApiError } from '../api/client';
import { PageHeader } from '../components/page-header';
import { PracticeList } from '../components/practice-list';
import { useData } from '../components/use-data';
import type { RouteProps } from '../app/router';
import { t } from '../i18n';
import { SubscribeSection } from '../subscriptions/subscribe-form';
import { ObjectiveStatsSection } from './objective-stats';

async function load(n: number) {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw ApiError.local(404, 'not_found', 'Not found');
  // Fetched together, and the page renders once: a section loading after it would push the rest down (layout shift).
  const practicesLoad = publicApi.practices({ objective: n, limit: 100 });
  const statsLoad = dashboardApi.objective(n);
  // Handled at once: for an objective that does not exist, "not found" is the answer, whatever these two say.
  for (const load of [practicesLoad, statsLoad]) load.catch(() => undefined);
  const all = await publicApi.objectives();
  const i = all.findIndex((o) => o.number === n);
  if (i < 0) throw ApiError.local(404, 'not_found', 'Not found');
  const [practices, stats] = await Promise.all([practicesLoad, statsLoad]);
  return { objective: all[i], previous: all[i - 1], next: all[i + 1], practices, stats };
}

export function ObjectivePage({ params }: RouteProps) {
  const n = Number(params.number);
  const state = useData(() => load(n), [n]);
  return (
    <DataView state={state}>
      {({ objective: o, previous, next, practices, stats }) => {
        const primary = o.themes.find((th) => th.primary);
        return (
          <article>
            <PageHeader
              kicker={t.common.objective(o.number)}
              title={o.title}
              lead={<span lang={o.shortLabelLang}>{o.shortLabel}</span>}
              crumbs={[
                { href: '/', label: t.nav.home },
                { href: '/objectives', label: t.nav.objectives },
              ]}
            />
            <dl class="facts">
              <div>
                <dt>{t.objectives.roundTable}</dt>
                <dd>{o.roundTable ? <a href={`/round-tables/${o.roundTable}`}>{o.roundTable}</a> : t.common.none}</dd>
              </div>
              {primary && (
                <div>
                  <dt>{t.objectives.primaryTheme}</dt>
                  <dd>
                    <a href={`/themes/${primary.code}`}>{primary.code}</a>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t.objectives.practicesFact}</dt>
                <dd>
                  <a href={`/practices?objective=${o.number}`}>{t.objectives.practicesCount(practices.total)}</a>
                </dd>
              </div>
            </dl>
            <ObjectiveStatsSection n={o.number} stats={stats} />
            <section aria-labelledby="themes">
              <h2 id="themes">{t.objectives.themes}</h2>
              <ul class="plain-list">
                {o.themes.map((th) => (
                  <li key={th.code}>
                    <a href={`/themes/${th.code}`}>
                      {th.code}: {th.title}
                    </a>
                    {th.primary && <span class="badge badge--primary">{t.common.primary}</span>}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="recommendations">
              <h2 id="recommendations">{t.objectives.recommendations}</h2>
              {o.recommendations.length === 0 ? (
                <p class="muted">{t.objectives.noRecommendations}</p>
              ) : (
                <ul class="plain-list">
                  {o.recommendations.map((r) => (
                    <li key={r.paragraph}>
                      <a href={`/recommendations/${r.paragraph}`}>{t.recommendations.paragraphTitle(r.paragraph, r.shortTitle)}</a>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="practices">
              <h2 id="practices">
                {t.objectives.practices} <span class="count">({t.objectives.practicesCount(practices.total)})</span>
              </h2>
              {practices.total === 0 ? <p class="muted">{t.objectives.noPractices}</p> : <PracticeList items={practices.items} />}
            </section>
            <nav class="pager" aria-label={t.objectives.title}>
              {previous && (
                <a href={`/objectives/${previous.number}`} rel="prev">
                  <span class="dir-icon" aria-hidden="true">←</span> {t.common.objective(previous.number)}
                </a>
              )}
              {next && (
                <a href={`/objectives/${next.number}`} rel="next">
                  {t.common.objective(next.number)} <span class="dir-icon" aria-hidden="true">→</span>
                </a>
              )}
            </nav>
            <SubscribeSection topic="objective" topicKey={String(o.number)} />
          </article>
        );
      }}
    </DataView>
  );
}
