import { useEffect, useMemo, useState } from 'preact/hooks';
import { dashboardApi } from '../api/dashboard-api';
import { publicApi } from '../api/public-api';
import type { MapStats } from '../api/models';
import type { CountryView } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { combine, useData } from '../components/use-data';
import { t } from '../i18n';
import { type MapLayer, OTHER_AREAS, pledgesLayer, regionLayer, reportingLayer } from '../map/map-layers';
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

export const MAP_LAYERS = ['pledges', 'reporting', 'region'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

function buildLayer(id: MapLayerId, countries: CountryView[], stats: MapStats): MapLayer {
  if (id === 'region') return regionLayer(countries);
  return id === 'reporting' ? reportingLayer(countries, stats) : pledgesLayer(countries, stats);
}

function mapHref(layer: MapLayerId, cycle: string | null): string {
  return `/map?layer=${layer}${layer === 'reporting' && cycle ? `&cycle=${encodeURIComponent(cycle)}` : ''}${window.location.hash}`;
}

/** Which cycle the reporting layer shows: any that has opened (a scheduled one has no reports yet). */
function CyclePicker({ cycles, current }: { cycles: { code: string }[]; current: string | null }) {
  if (cycles.length === 0) return null;
  return (
    <div class="field field--inline">
      <label for="map-cycle">{t.names.mapCycle}</label>
      <select id="map-cycle" value={current ?? ''} onChange={(e) => navigate(mapHref('reporting', e.currentTarget.value), { replace: true })}>
        {cycles.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code}
          </option>
        ))}
      </select>
    </div>
  );
}

function LayerSwitch({ current, stats }: { current: MapLayerId; stats: MapStats }) {
  const labels: Record<MapLayerId, string> = {
    pledges: t.mapLayers.pledges, reporting: t.mapLayers.reporting(stats.cycle?.code ?? null), region: t.map.layers.region,
  };
  return (
    <fieldset class="layer-switch">
      <legend>{t.mapLayers.chooseLayer}</legend>
      {MAP_LAYERS.map((id) => (
        <label key={id}>
          <input type="radio" name="layer" value={id} checked={id === current}
            onChange={() => navigate(mapHref(id, new URLSearchParams(window.location.search).get('cycle')), { replace: true })} />{' '}
          {labels[id]}
        </label>
      ))}
    </fieldset>
  );
}

interface MapViewProps {
  countries: CountryView[];
  shapes: WorldShapes;
  stats: MapStats;
  layerId: MapLayerId;
  cycles: { code: string }[];
}

function MapView({ countries, shapes, stats, layerId, cycles }: MapViewProps) {
  const layer = useMemo(() => buildLayer(layerId, countries, stats), [layerId, countries, stats]);
  const states = useMemo(() => new Map(countries.map((c) => [c.m49, { name: c.name, href: `/countries/${c.alpha3}` }])), [countries]);
  const hash = useHash().toUpperCase();
  const selected = countries.find((c) => c.alpha3 === hash)?.m49;
  const members = (key: string) => countries.filter((c) => layer.categoryOf(c.m49) === key);
  const drawn = useMemo(() => new Set(shapes.list.map((s) => s.id)), [shapes]);
  const notDrawn = countries.filter((c) => !drawn.has(c.m49));
  return (
    <>
      <LayerSwitch current={layerId} stats={stats} />
      {layerId === 'reporting' && <CyclePicker cycles={cycles} current={stats.cycle?.code ?? null} />}
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

async function loadMapData(cycle: string | null) {
  const [countries, stats, cycles] = await Promise.all([publicApi.countries(), dashboardApi.map(cycle ?? undefined), dashboardApi.cycles()]);
  return { countries, stats, cycles: cycles.filter((c) => c.status !== 'scheduled').reverse() };
}

/** The world map coloured by pledges led, reporting status in a chosen cycle (the current one by default), or region; the table repeats it as text. */
export function MapPage({ query }: RouteProps) {
  const requested = query.get('layer') as MapLayerId | null;
  const layerId: MapLayerId = requested && MAP_LAYERS.includes(requested) ? requested : 'pledges';
  const cycle = layerId === 'reporting' ? query.get('cycle') : null;
  const state = combine(useData(() => loadMapData(cycle), [cycle]), useData(loadWorldShapes, []));
  return (
    <>
      <PageHeader title={t.map.title} lead={t.map.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {([data, shapes]) => (
          <>
            <MapView countries={data.countries} shapes={shapes} stats={data.stats} layerId={layerId} cycles={data.cycles} />
            <DataAsOf of={[data.stats.provenance]} />
          </>
        )}
      </DataView>
    </>
  );
}
