import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

// Only what bar charts need, so the rest of Chart.js is tree-shaken away.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const INK = '#1f2933';
const GRID = '#e3e8ee';
export const BAR = '#0072bc';

export interface BarSpec {
  labels: string[];
  /** Full names for tooltips (labels on the axis stay short). */
  names: string[];
  values: number[];
  horizontal?: boolean;
}

export function drawBarChart(canvas: HTMLCanvasElement, spec: BarSpec): () => void {
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  Chart.defaults.color = INK;
  const axis = spec.horizontal ? 'y' : 'x';
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [{ data: spec.values, backgroundColor: BAR, borderRadius: 2, maxBarThickness: 36 }],
    },
    options: {
      indexAxis: axis,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => spec.names[items[0]?.dataIndex ?? 0] ?? '' } },
      },
      scales: {
        [axis]: { grid: { display: false }, ticks: { autoSkip: false } },
        [axis === 'x' ? 'y' : 'x']: { beginAtZero: true, grid: { color: GRID }, ticks: { precision: 0 } },
      },
    },
  });
  return () => chart.destroy();
}
