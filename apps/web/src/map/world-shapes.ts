import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;

export interface Shape {
  /** UN M49 / ISO 3166 numeric code, or the atlas name for an area without one. */
  id: string;
  name: string;
  d: string;
}

/**
 * Natural Earth draws a few areas apart from the State the UN lists them under;
 * they are drawn as part of it, as on UN maps.
 */
const PART_OF: Record<string, string> = { 'N. Cyprus': '196', Somaliland: '706' };
const LEFT_OUT = new Set(['010']); // Antarctica: no State, and half the map's height.

type Geometry = GeometryObject<{ name: string }>;
const nameOf = (g: Geometry) => (g.properties as { name?: string } | undefined)?.name ?? '';

/** Country outlines projected once (Equal Earth keeps areas comparable, as a choropleth should). */
export function worldShapes(): { shapes: Shape[]; width: number; height: number } {
  const countries = atlas.objects.countries as GeometryCollection<{ name: string }>;
  const groups = new Map<string, Geometry[]>();
  for (const g of countries.geometries as Geometry[]) {
    const name = nameOf(g);
    const id = PART_OF[name] ?? (g.id === undefined ? name : String(g.id));
    if (LEFT_OUT.has(id)) continue;
    groups.set(id, [...(groups.get(id) ?? []), g]);
  }
  const outline = feature(atlas, { type: 'GeometryCollection', geometries: [...groups.values()].flat() } as GeometryCollection);
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, outline);
  const path = geoPath(projection);
  const height = Math.ceil(path.bounds(outline)[1][1]);
  const shapes: Shape[] = [];
  for (const [id, parts] of groups) {
    const geometry = parts.length === 1 ? feature(atlas, parts[0] as GeometryObject) : merge(atlas, parts as never);
    const d = path(geometry);
    const main = parts.find((p) => !PART_OF[nameOf(p)]);
    if (d) shapes.push({ id, name: main ? nameOf(main) : id, d });
  }
  return { shapes, width: MAP_WIDTH, height };
}
