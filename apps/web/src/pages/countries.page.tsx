import { publicApi } from '../api/public-api';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

export function CountriesPage({ query }: RouteProps) {
  const state = useData(publicApi.countries, []);
  const region = query.get('region') ?? '';
  return (
    <>
      <PageHeader title={t.countries.title} lead={t.countries.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(countries) => {
          const regions = [...new Set(countries.map((c) => c.region))].sort();
          const shown = countries.filter((c) => !region || c.region === region);
          return (
            <>
              <form class="filters" onSubmit={(e) => e.preventDefault()}>
                <div class="field">
                  <label for="region">{t.countries.filterRegion}</label>
                  <select
                    id="region"
                    value={region}
                    onChange={(e) =>
                      navigate(`/countries${e.currentTarget.value ? `?region=${encodeURIComponent(e.currentTarget.value)}` : ''}`, {
                        replace: true,
                      })
                    }
                  >
                    <option value="">{t.countries.allRegions}</option>
                    {regions.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </div>
                <p class="filters__count" role="status">
                  {t.countries.count(shown.length)}
                </p>
              </form>
              <TableWrap label={t.countries.title}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.countries.name}</th>
                      <th scope="col">{t.countries.region}</th>
                      <th scope="col">{t.countries.subregion}</th>
                      <th scope="col">{t.countries.status}</th>
                    </tr>
                  </thead>
                  {/* Grouped by UN M49 region as the lead says: one body per region, sub-region then name within it. */}
                  {regions.filter((r) => !region || r === region).map((r) => (
                    <tbody key={r}>
                      <tr class="table__group">
                        <th scope="colgroup" colSpan={4}>
                          {r}
                        </th>
                      </tr>
                      {shown
                        .filter((c) => c.region === r)
                        .sort((a, b) => a.subregion.localeCompare(b.subregion) || a.name.localeCompare(b.name))
                        .map((c) => (
                          <tr key={c.alpha3}>
                            <th scope="row">
                              <a href={`/countries/${c.alpha3}`}>{c.name}</a>
                            </th>
                            <td>{c.region}</td>
                            <td>{c.subregion}</td>
                            <td>{c.unStatus === 'member' ? t.countries.member : t.countries.observer}</td>
                          </tr>
                        ))}
                    </tbody>
                  ))}
                </table>
              </TableWrap>
            </>
          );
        }}
      </DataView>
    </>
  );
}
