import { publicApi } from '../api/public-api';
import { BarChart, type BarDatum } from '../components/bar-chart';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

async function loadOverview() {
  const [objectives, roundTables, themes, sessions, countries] = await Promise.all([
    publicApi.objectives(),
    publicApi.roundTables(),
    publicApi.themes(),
    publicApi.practiceSessions(),
    publicApi.countries(),
  ]);
  const commitments = themes.reduce((n, th) => n + th.commitments.length, 0);
  const practices = sessions.reduce((n, s) => n + s.practices, 0);
  return {
    figures: [
      { value: objectives.length, label: t.home.figures.objectives, href: '/objectives' },
      { value: themes.length, label: t.home.figures.themes, href: '/themes' },
      { value: commitments, label: t.home.figures.commitments, href: '/themes' },
      { value: practices, label: t.home.figures.practices, href: '/practices' },
      { value: countries.length, label: t.home.figures.states, href: '/countries' },
    ],
    byRoundTable: roundTables.map<BarDatum>((rt) => ({
      label: t.charts.roundTableLabel(rt.code),
      name: `${rt.code}: ${rt.objectives.map((o) => o.number).join(', ')}`,
      value: rt.objectives.length,
      href: `/round-tables/${rt.code}`,
    })),
    byTheme: themes.map<BarDatum>((th) => ({
      label: t.charts.themeLabel(th.code),
      name: `${th.code}: ${th.title}`,
      value: th.commitments.length,
      href: `/themes/${th.code}`,
    })),
    bySession: sessions.map<BarDatum>((s) => ({
      label: s.code,
      name: `${t.charts.sessionLabel(s.code)}: ${s.title}`,
      value: s.practices,
      href: `/practices?session=${s.number}`,
    })),
  };
}

/** Until /api/v1/stats exists, the home page shows the framework itself: real counts from the catalogue. */
export function HomePage() {
  const state = useData(loadOverview, []);
  return (
    <>
      <PageHeader title={t.home.title} lead={t.home.lead} />
      <DataView state={state}>
        {(o) => (
          <>
            <section aria-labelledby="glance">
              <h2 id="glance">{t.home.atAGlance}</h2>
              <ul class="figures">
                {o.figures.map((f) => (
                  <li key={f.label}>
                    <a href={f.href} class="figure">
                      <span class="figure__value">{f.value}</span>
                      <span class="figure__label">{f.label}</span>
                    </a>
                  </li>
                ))}
              </ul>
              <div class="chart-grid">
                <BarChart id="chart-round-tables" title={t.home.chartObjectivesByRoundTable} data={o.byRoundTable} />
                <BarChart id="chart-themes" title={t.home.chartCommitmentsByTheme} data={o.byTheme} />
                <BarChart id="chart-sessions" title={t.home.chartPracticesBySession} data={o.bySession} />
              </div>
            </section>
            <section aria-labelledby="explore">
              <h2 id="explore">{t.home.explore}</h2>
              <ul class="link-cards">
                <li>
                  <a href="/objectives">{t.home.exploreLinks.objectives}</a>
                </li>
                <li>
                  <a href="/practices">{t.home.exploreLinks.practices}</a>
                </li>
                <li>
                  <a href="/map">{t.home.exploreLinks.map}</a>
                </li>
                <li>
                  <a href="/recommendations">{t.home.exploreLinks.recommendations}</a>
                </li>
              </ul>
            </section>
          </>
        )}
      </DataView>
    </>
  );
}
