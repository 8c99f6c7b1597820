import { useEffect, useMemo, useState } from 'preact/hooks';
import { publicApi } from '../api/public-api';
import type { CountryView } from '../api/types';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { combine, useData } from '../components/use-data';
import { t } from '../i18n';
import { OTHER_AREAS, regionLayer } from '../map/map-layers';
import { loadWorldShapes, WorldMap, type WorldShapes } from '../map/world-map';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash.slice(1));
  useEffect(() => {
    const on = () => setHash(window.location.hash.slice(1));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function MapView({ countries, shapes }: { countries: CountryView[]; shapes: WorldShapes }) {
  const layer = useMemo(() => regionLayer(countries), [countries]);
  const states = useMemo(() => new Map(countries.map((c) => [c.m49, { name: c.name, href: `/countries/${c.alpha3}` }])), [countries]);
  const hash = useHash().toUpperCase();
  const selected = countries.find((c) => c.alpha3 === hash)?.m49;
  const members = (key: string) => countries.filter((c) => layer.categoryOf(c.m49) === key);
  const drawn = useMemo(() => new Set(shapes.list.map((s) => s.id)), [shapes]);
  const notDrawn = countries.filter((c) => !drawn.has(c.m49));
  return (
    <>
      <figure class="map-figure">
        <WorldMap shapes={shapes} layer={layer} states={states} selected={selected} />
        <figcaption>
          <h2 class="visually-hidden">{t.map.legend}</h2>
          <ul class="legend" aria-label={`${t.map.legend}: ${layer.label}`}>
            {[...layer.categories, OTHER_AREAS].map((c) => (
              <li key={c.key}>
                <span class="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.label}
              </li>
            ))}
          </ul>
          <p class="map-note">{t.map.disclaimer}</p>
        </figcaption>
      </figure>
      <section aria-labelledby="map-table">
        <h2 id="map-table">{t.map.tableTitle}</h2>
        <TableWrap label={t.map.tableTitle}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.map.category}</th>
                <th scope="col" class="num">
                  {t.map.stateCount}
                </th>
                <th scope="col">{t.map.states}</th>
              </tr>
            </thead>
            <tbody>
              {layer.categories.map((c) => {
                const list = members(c.key);
                return (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td class="num">{list.length}</td>
                    <td>
                      <details>
                        <summary>{t.map.listStates(list.length)}</summary>
                        <ul class="inline-list inline-list--comma">
                          {list.map((s) => (
                            <li key={s.m49}>
                              <a href={`/countries/${s.alpha3}`}>{s.name}</a>
                            </li>
                          ))}
                        </ul>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        {notDrawn.length > 0 && (
          <p class="muted">
            {t.map.notDrawn}: {notDrawn.map((c) => c.name).join(', ')}.
          </p>
        )}
        <p class="muted small">{t.map.attribution}</p>
      </section>
    </>
  );
}

export function MapPage() {
  const state = combine(useData(publicApi.countries, []), useData(loadWorldShapes, []));
  return (
    <>
      <PageHeader title={t.map.title} lead={t.map.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>{([countries, shapes]) => <MapView countries={countries} shapes={shapes} />}</DataView>
    </>
  );
}
