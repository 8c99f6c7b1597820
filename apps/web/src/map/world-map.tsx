import { useMemo } from 'preact/hooks';
import { navigate } from '../app/router';
import { t } from '../i18n';
import { OTHER_AREAS, type MapLayer } from './map-layers';
import type { Shape } from './world-shapes';

export interface WorldShapes {
  list: Shape[];
  width: number;
  height: number;
}

/** The outlines are a lazily loaded chunk (d3-geo, topojson and the atlas): only the map page fetches it. */
export async function loadWorldShapes(): Promise<WorldShapes> {
  const { worldShapes } = await import('./world-shapes');
  const { shapes, width, height } = worldShapes();
  return { list: shapes, width, height };
}

interface Props {
  shapes: WorldShapes;
  layer: MapLayer;
  /** M49 code → name and link, for the States of the list. */
  states: Map<string, { name: string; href: string }>;
  selected?: string;
}

/**
 * The choropleth as SVG. Shapes are not tab stops (there would be 170 of them):
 * the table beside the map carries the same information and the links.
 */
export function WorldMap({ shapes, layer, states, selected }: Props) {
  const colors = useMemo(() => new Map(layer.categories.map((c) => [c.key, c])), [layer]);
  return (
    <svg
      class="world-map"
      viewBox={`0 0 ${shapes.width} ${shapes.height}`}
      role="img"
      aria-label={t.map.figureLabel(layer.label)}
      data-layer={layer.id}
    >
      {shapes.list.map((s) => {
        const state = states.get(s.id);
        const category = colors.get(layer.categoryOf(s.id) ?? '') ?? OTHER_AREAS;
        return (
          <path
            key={s.id}
            d={s.d}
            fill={category.color}
            class={`${state ? 'is-state' : ''}${selected && selected === s.id ? ' is-selected' : ''}`}
            data-m49={s.id}
            onClick={state ? () => navigate(state.href) : undefined}
          >
            <title>{`${state?.name ?? s.name}: ${category.label}`}</title>
          </path>
        );
      })}
    </svg>
  );
}
