import type { MapStats, ReportingStatus } from '../api/models';
import type { CountryView } from '../api/models';
import { t } from '../i18n';

export interface MapCategory {
  key: string;
  label: string;
  color: string;
}

/**
 * What the map colours by: pledges led per State or reporting status (from
 * /api/v1/stats/map), or the M49 region (from the country list alone).
 */
export interface MapLayer {
  id: string;
  label: string;
  categories: MapCategory[];
  /** Category key of a State by M49 code; undefined for areas outside the layer. */
  categoryOf(m49: string): string | undefined;
}

export const OTHER_AREAS: MapCategory = { key: 'other', label: t.map.otherAreas, color: '#d9dee4' };

// Muted hues that stay apart under common colour-vision deficiencies; the table under the map lists exact membership.
const REGION_COLORS: Record<string, string> = {
  '002': '#d39b3a', // Africa
  '019': '#3d7db3', // Americas
  '142': '#4b9b7b', // Asia
  '150': '#8672b4', // Europe
  '009': '#c46a50', // Oceania
};
const FALLBACK = ['#6b8e9e', '#a38b5c', '#7a7f9a'];

export function regionLayer(countries: CountryView[]): MapLayer {
  const regions = new Map<string, string>();
  for (const c of countries) regions.set(c.regionM49, c.region);
  const byCountry = new Map(countries.map((c) => [c.m49, c.regionM49]));
  const categories = [...regions]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([code, name], i) => ({ key: code, label: name, color: REGION_COLORS[code] ?? FALLBACK[i % FALLBACK.length] }));
  return { id: 'region', label: t.map.layers.region, categories, categoryOf: (m49) => byCountry.get(m49) };
}

/** Buckets of pledges led per State: none, then ranges that split the States with pledges roughly in quarters. */
function pledgeBuckets(counts: number[]): [number, number | null][] {
  const positive = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const cuts = [...new Set([0.25, 0.5, 0.75].map((q) => positive[Math.floor(q * (positive.length - 1))]))];
  const bounds: [number, number | null][] = [];
  let from = 1;
  for (const cut of cuts) {
    if (cut >= from) {
      bounds.push([from, cut]);
      from = cut + 1;
    }
  }
  if (from <= positive[positive.length - 1]) bounds.push([from, null]);
  return bounds;
}

const BLUES = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'];

export function pledgesLayer(countries: CountryView[], stats: MapStats): MapLayer {
  const byM49 = new Map(countries.map((c) => [c.alpha3, c.m49]));
  const counts = new Map(stats.countries.map((s) => [byM49.get(s.alpha3) ?? '', s.pledges]));
  const buckets = pledgeBuckets([...counts.values()]);
  const categories: MapCategory[] = [
    { key: 'none', label: t.mapLayers.none, color: '#f1eee6' },
    ...buckets.map(([from, to], i) => ({ key: `b${i}`, label: from === to ? t.mapLayers.single(from) : t.mapLayers.range(from, to), color: BLUES[i + BLUES.length - buckets.length] })),
  ];
  const categoryOf = (m49: string) => {
    const n = counts.get(m49);
    if (n === undefined) return undefined;
    if (n === 0) return 'none';
    const i = buckets.findIndex(([from, to]) => n >= from && (to === null || n <= to));
    return `b${i}`;
  };
  return { id: 'pledges', label: t.mapLayers.pledges, categories, categoryOf };
}

const REPORTING_COLORS: Record<ReportingStatus, string> = { reported: '#009e73', not_reported: '#e69f00', no_pledges: '#f1eee6' };

export function reportingLayer(countries: CountryView[], stats: MapStats): MapLayer {
  const byM49 = new Map(countries.map((c) => [c.alpha3, c.m49]));
  const status = new Map(stats.countries.map((s) => [byM49.get(s.alpha3) ?? '', s.reporting]));
  const labels: Record<ReportingStatus, string> = {
    reported: t.mapLayers.reported, not_reported: t.mapLayers.notReported, no_pledges: t.mapLayers.noPledges,
  };
  const categories = (['reported', 'not_reported', 'no_pledges'] as const).map((k) => ({ key: k, label: labels[k], color: REPORTING_COLORS[k] }));
  return { id: 'reporting', label: t.mapLayers.reporting(stats.cycle?.code ?? null), categories, categoryOf: (m49) => status.get(m49) };
}
