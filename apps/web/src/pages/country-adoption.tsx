import { dashboardApi } from '../api/dashboard-api';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { formatNumber, formatPercent } from '../components/format';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

/** Progressive adoption across the five themes, cycle by cycle (the State report's figures, one rule: themeAdoption). */
export function CountryAdoptionSection({ alpha3 }: { alpha3: string }) {
  const state = useData(() => dashboardApi.countryAdoption(alpha3), [alpha3]);
  const m = t.countryAdoption;
  return (
    <section aria-labelledby="country-adoption">
      <h2 id="country-adoption">{m.title}</h2>
      <DataView state={state}>
        {(a) => a.cycles.length === 0 ? (
          <p class="muted">{m.none}</p>
        ) : (
          <>
            <p>{m.lead(formatNumber(a.totalCommitments))}</p>
            <TableWrap label={m.title}>
              <table class="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{m.cycle}</th>
                    <th scope="col">{m.themes}</th>
                    <th scope="col" class="num">{m.commitments}</th>
                    <th scope="col" class="num">{m.share}</th>
                    <th scope="col" class="num">{m.reportedThemes}</th>
                    <th scope="col" class="num">{m.reportedCommitments}</th>
                    <th scope="col">{m.goal}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.cycles.map((c) => (
                    <tr key={c.cycle} data-adopted={c.pledged.adopted ? 'yes' : 'no'}>
                      <th scope="row" class="nowrap">{c.cycle}</th>
                      <td>{c.pledged.themes.length === 0 ? '–' : c.pledged.themes.map((n) => `T${n}`).join(' ')}</td>
                      <td class="num">{formatNumber(c.pledged.commitments)}</td>
                      <td class="num">{formatPercent(c.pledged.commitmentShare)}</td>
                      <td class="num">{formatNumber(c.reported.themes.length)}</td>
                      <td class="num">{formatNumber(c.reported.commitments)}</td>
                      <td>{c.pledged.adopted ? m.yes : m.no}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <DataAsOf of={[a.provenance]} />
          </>
        )}
      </DataView>
    </section>
  );
}
