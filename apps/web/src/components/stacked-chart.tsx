import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { StackedSpec } from './chart-setup';
import { TableWrap } from './table-wrap';

/**
 * A stacked bar chart with the same text alternatives as BarChart: a summary
 * on the canvas and the full numbers as a table (rows: bars, columns: series).
 */
export function StackedChart({ id, title, spec, rowHeader }: { id: string; title: string; spec: StackedSpec; rowHeader: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let live = true;
    import('./chart-setup')
      .then(({ drawStackedChart }) => {
        if (live && canvas.current) dispose = drawStackedChart(canvas.current, spec);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      dispose?.();
    };
  }, [spec]);
  const summary = t.charts.summary(
    title,
    spec.labels.map((label, i) => `${label}: ${spec.series.map((s) => `${s.name} ${s.values[i]}`).join(', ')}`),
  );
  return (
    <figure class="chart chart--wide" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div class="chart__canvas" style={{ height: '300px' }}>
        {failed ? <p class="status">{t.common.loadError}</p> : <canvas ref={canvas} role="img" aria-label={summary} data-chart={id} />}
      </div>
      <details class="chart__data">
        <summary>{t.common.showTable}</summary>
        <TableWrap label={title}>
          <table class="table table--compact">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {spec.series.map((s) => (
                  <th key={s.name} scope="col" class="num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spec.labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {spec.series.map((s) => (
                    <td key={s.name} class="num">
                      {s.values[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
