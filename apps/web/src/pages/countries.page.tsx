import { publicApi } from '../api/public-api';
import type { CountryView } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The States under their UN M49 region, regions and names in alphabetical order. */
function groups(countries: CountryView[]): [string, CountryView[]][] {
  const byRegion = new Map<string, CountryView[]>();
  for (const c of countries) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  return [...byRegion]
    .sort(([a], [b]) => a.localeCompare(b, t.locale))
    .map(([name, list]) => [name, list.sort((a, b) => a.name.localeCompare(b.name, t.locale))]);
}

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
              {groups(shown).map(([name, list]) => (
                <section key={name} aria-labelledby={`region-${slug(name)}`} data-region={name}>
                  <h2 id={`region-${slug(name)}`}>
                    {name} <span class="count">({t.countries.count(list.length)})</span>
                  </h2>
                  <TableWrap label={name}>
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">{t.countries.name}</th>
                          <th scope="col">{t.countries.subregion}</th>
                          <th scope="col">{t.countries.status}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {list.map((c) => (
                          <tr key={c.alpha3}>
                            <th scope="row">
                              <a href={`/countries/${c.alpha3}`}>{c.name}</a>
                            </th>
                            <td>{c.subregion}</td>
                            <td>{c.unStatus === 'member' ? t.countries.member : t.countries.observer}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </section>
              ))}
            </>
          );
        }}
      </DataView>
    </>
  );
}
