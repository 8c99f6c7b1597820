import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { TableWrap } from './table-wrap';

export interface BarDatum {
  /** Short axis label, e.g. `RT2`. */
  label: string;
  /** Full name for the table and tooltip. */
  name: string;
  value: number;
  href?: string;
}

/**
 * A bar chart with its text alternatives: the canvas carries a one-sentence
 * summary, and the same numbers are available as a table under it.
 * Chart.js is loaded on first use, so pages without charts never download it.
 */
export function BarChart({ id, title, data, horizontal, max, valueTitle }: {
  id: string; title: string; data: BarDatum[]; horizontal?: boolean; max?: number; valueTitle?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let live = true;
    import('./chart-setup')
      .then(({ drawBarChart }) => {
        if (!live || !canvas.current) return;
        dispose = drawBarChart(canvas.current, {
          labels: data.map((d) => d.label),
          names: data.map((d) => d.name),
          values: data.map((d) => d.value),
          horizontal,
          max,
          valueTitle,
        });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      dispose?.();
    };
  }, [data, horizontal, max, valueTitle]);
  const summary = t.charts.summary(
    title,
    data.map((d) => `${d.name} ${d.value}`),
  );
  const height = horizontal ? Math.max(180, data.length * 34 + 40) : 260;
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div class="chart__canvas" style={{ height: `${height}px` }}>
        {failed ? <p class="status">{t.common.loadError}</p> : <canvas ref={canvas} role="img" aria-label={summary} data-chart={id} data-max={max} />}
      </div>
      <details class="chart__data">
        <summary>{t.common.showTable}</summary>
        <TableWrap label={title}>
          <table class="table table--compact">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                <th scope="col" class="num">
                  {t.charts.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{d.href ? <a href={d.href}>{d.name}</a> : d.name}</th>
                  <td class="num">{d.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
