import type { ObjectiveSummary } from '../api/models';
import { BarChart } from '../components/bar-chart';
import { PledgeList } from '../components/pledge-list';
import { DataAsOf } from '../components/data-as-of';
import { t } from '../i18n';
import { statusBars } from './home-data';

/**
 * The objective's public pledges: how many, by whom, their status and regions,
 * and the latest ones. The page loads the figures with the rest of its data, so
 * this section does not arrive later and push the sections below it down.
 */
export function ObjectiveStatsSection({ n, stats: s }: { n: number; stats: ObjectiveSummary }) {
  return (
    <section aria-labelledby="objective-stats">
      <h2 id="objective-stats">{t.objectiveStats.title}</h2>
      <ul class="figures">
        <li>
          <a class="figure" href={`/pledges?objective=${n}`}>
            <span class="figure__value">{s.pledges}</span>
            <span class="figure__label">{t.objectiveStats.pledges}</span>
          </a>
        </li>
        <li>
          <span class="figure">
            <span class="figure__value">{s.primaryPledges}</span>
            <span class="figure__label">{t.objectiveStats.primary}</span>
          </span>
        </li>
        <li>
          <span class="figure">
            <span class="figure__value">{s.pledgers}</span>
            <span class="figure__label">
              {t.objectiveStats.pledgers} <span class="figure__note">{s.statesPledging} {t.objectiveStats.states}</span>
            </span>
          </span>
        </li>
      </ul>
      {s.pledges > 0 && (
        <>
          <div class="chart-grid">
            <BarChart id="chart-objective-status" title={t.objectiveStats.byStatus} data={statusBars(s.byStatus)} />
            <BarChart id="chart-objective-regions" title={t.objectiveStats.byRegion}
              data={s.byRegion.map((r) => ({ label: r.name, name: r.name, value: r.pledges, href: `/pledges?objective=${n}&region=${r.code}` }))} />
          </div>
          <h3>{t.stats.recent}</h3>
          <PledgeList items={s.recentPledges} />
          <p>
            <a href={`/pledges?objective=${n}`}>{t.stats.browse(s.pledges)}</a>
          </p>
          <DataAsOf of={[s.provenance]} />
        </>
      )}
    </section>
  );
}
