import type { CountryView } from '../api/types';
import { t } from '../i18n';

export interface MapCategory {
  key: string;
  label: string;
  color: string;
}

/**
 * What the map colours by. The region layer needs only the country list; a
 * pledges or reporting-status layer (from /api/v1/stats/map, when it exists)
 * is another MapLayer with its own categories.
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
