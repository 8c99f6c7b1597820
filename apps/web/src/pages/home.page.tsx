import { BarChart } from '../components/bar-chart';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { formatPercent } from '../components/format';
import { PageHeader } from '../components/page-header';
import { StackedChart } from '../components/stacked-chart';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { loadHome } from './home-data';

/** Headline numbers and charts of the published pledges and their reporting, with links to explore further. */
export function HomePage() {
  const state = useData(loadHome, []);
  return (
    <>
      <PageHeader title={t.home.title} lead={t.home.lead} />
      <DataView state={state}>
        {({ headline: h, charts, trend, provenance }) => (
          <>
            <section aria-labelledby="glance">
              <h2 id="glance">{t.home.atAGlance}</h2>
              <ul class="figures">
                <li>
                  <a href="/pledges" class="figure">
                    <span class="figure__value">{h.pledges}</span>
                    <span class="figure__label">{t.stats.pledges}</span>
                  </a>
                </li>
                <li>
                  <a href="/pledges" class="figure">
                    <span class="figure__value">{h.pledgers}</span>
                    <span class="figure__label">{t.stats.pledgers}</span>
                  </a>
                </li>
                <li>
                  <a href="/map?layer=reporting" class="figure">
                    <span class="figure__value">{h.statesReporting}</span>
                    <span class="figure__label">
                      {t.stats.statesReporting(h.cycle?.code ?? null)}
                      <span class="figure__note">{t.stats.statesReportingOf(h.statesReporting, h.statesPledging)}</span>
                    </span>
                  </a>
                </li>
                <li>
                  <a href="/pledges?status=achieved" class="figure">
                    <span class="figure__value">{formatPercent(h.shareAchieved)}</span>
                    <span class="figure__label">{t.stats.shareAchieved}</span>
                  </a>
                </li>
              </ul>
              {h.pledges === 0 && <p class="notice">{t.stats.noPledges}</p>}
              <DataAsOf of={provenance} />
            </section>
            {h.pledges > 0 && (
              <section aria-labelledby="dashboards">
                <h2 id="dashboards">{t.stats.dashboards}</h2>
                <div class="chart-grid">
                  {charts.map((c) => (
                    <BarChart key={c.id} id={c.id} title={c.title} data={c.data} horizontal={c.horizontal} />
                  ))}
                </div>
                {trend.labels.length > 0 ? (
                  <StackedChart id="chart-trend" title={t.stats.trend} spec={trend} rowHeader={t.stats.cycle} />
                ) : (
                  <p class="muted">{t.stats.trendEmpty}</p>
                )}
                <p class="muted small">{t.stats.statusNote}</p>
              </section>
            )}
            <section aria-labelledby="explore">
              <h2 id="explore">{t.home.explore}</h2>
              <ul class="link-cards">
                <li>
                  <a href="/pledges">{t.pledges.lead}</a>
                </li>
                <li>
                  <a href="/coverage">{t.stats.coverageLink}</a>
                </li>
                <li>
                  <a href="/map">{t.home.exploreLinks.map}</a>
                </li>
                <li>
                  <a href="/objectives">{t.home.exploreLinks.objectives}</a>
                </li>
                <li>
                  <a href="/practices">{t.home.exploreLinks.practices}</a>
                </li>
                <li>
                  <a href="/open-data">{t.stats.openDataLink}</a>
                </li>
              </ul>
            </section>
          </>
        )}
      </DataView>
    </>
  );
}
