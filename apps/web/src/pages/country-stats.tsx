import { dashboardApi } from '../api/dashboard-api';
import { BarChart } from '../components/bar-chart';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { PledgeList } from '../components/pledge-list';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

const REPORTING_LABEL = { reported: 'reported', not_reported: 'notReported', no_pledges: 'noPledges' } as const;

/** The State's public pledges and whether it reported in each cycle. */
export function CountryStatsSection({ alpha3 }: { alpha3: string }) {
  const state = useData(() => dashboardApi.country(alpha3), [alpha3]);
  return (
    <section aria-labelledby="country-stats">
      <h2 id="country-stats">{t.countryStats.title}</h2>
      <DataView state={state}>
        {(s) => (
          <>
            {!s.organisation && <p class="muted">{t.countryStats.noOrganisation}</p>}
            <ul class="figures">
              <li>
                <a class="figure" href={`/pledges?country=${alpha3}&pledgerKind=state`}>
                  <span class="figure__value">{s.pledges}</span>
                  <span class="figure__label">{t.countryStats.led}</span>
                </a>
              </li>
              <li>
                <a class="figure" href={`/pledges?country=${alpha3}`}>
                  <span class="figure__value">{s.concerning}</span>
                  <span class="figure__label">{t.countryStats.concerning}</span>
                </a>
              </li>
            </ul>
            <h3>{t.countryStats.reporting}</h3>
            {s.reporting.length === 0 ? (
              <p class="muted">{t.countryStats.noCycles}</p>
            ) : (
              <TableWrap label={t.countryStats.reporting}>
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t.countryStats.cycle}</th>
                      <th scope="col">{t.countryStats.status}</th>
                      <th scope="col" class="num">{t.countryStats.updates}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.reporting.map((r) => (
                      <tr key={r.cycle} data-reporting={r.status}>
                        <th scope="row" class="nowrap">{r.cycle}</th>
                        <td>{t.mapLayers[REPORTING_LABEL[r.status]]}</td>
                        <td class="num">{r.updates}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {s.pledges > 0 && (
              <>
                {/* A pledge addresses several objectives, so the whole each bar is part of is the State's pledges, not their sum. */}
                <BarChart id="chart-country-objectives" title={t.countryStats.byObjective} horizontal max={s.pledges}
                  valueTitle={t.names.ofPledges(s.pledges)}
                  data={s.byObjective.filter((o) => o.pledges > 0).map((o) => ({
                    label: String(o.number), name: `${o.number}. ${o.label}`, value: o.pledges, href: `/objectives/${o.number}`,
                  }))} />
                <h3>{t.stats.recent}</h3>
                <PledgeList items={s.recentPledges} />
              </>
            )}
            <DataAsOf of={[s.provenance]} />
          </>
        )}
      </DataView>
    </section>
  );
}
