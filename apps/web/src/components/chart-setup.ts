import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only what bar charts need, so the rest of Chart.js is tree-shaken away.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const INK = '#1f2933';
const GRID = '#e3e8ee';
export const BAR = '#0072bc';

export interface BarSpec {
  labels: string[];
  /** Full names for tooltips (labels on the axis stay short). */
  names: string[];
  values: number[];
  horizontal?: boolean;
  /** The value axis's end when the bars are parts of a known whole (e.g. a State's pledges); otherwise the largest bar. */
  max?: number;
  /** What the value axis counts, shown under it. */
  valueTitle?: string;
}

/** Right to left (Arabic): categories read from the right, value axes start at the right, legends and tooltips run RTL. */
const isRtl = (canvas: HTMLCanvasElement) => getComputedStyle(canvas).direction === 'rtl';

export function drawBarChart(canvas: HTMLCanvasElement, spec: BarSpec): () => void {
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  Chart.defaults.color = INK;
  const axis = spec.horizontal ? 'y' : 'x';
  const rtl = isRtl(canvas);
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
        tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr', callbacks: { title: (items) => spec.names[items[0]?.dataIndex ?? 0] ?? '' } },
      },
      scales: {
        [axis]: { grid: { display: false }, ticks: { autoSkip: false }, reverse: rtl && axis === 'x', position: rtl && axis === 'y' ? 'right' : undefined },
        [axis === 'x' ? 'y' : 'x']: {
          beginAtZero: true, max: spec.max, grid: { color: GRID }, ticks: { precision: 0 }, reverse: rtl && axis === 'y',
          position: rtl && axis === 'x' ? 'right' : undefined,
          title: { display: !!spec.valueTitle, text: spec.valueTitle ?? '' },
        },
      },
    },
  });
  return () => chart.destroy();
}

export interface StackedSpec {
  labels: string[];
  series: { name: string; values: number[]; color: string }[];
}

/** Bars stacked by series (e.g. statuses per reporting cycle), with a legend. */
export function drawStackedChart(canvas: HTMLCanvasElement, spec: StackedSpec): () => void {
  Chart.defaults.font.family = getComputedStyle(canvas).fontFamily;
  Chart.defaults.color = INK;
  const rtl = isRtl(canvas);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color, maxBarThickness: 56 })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: 'bottom', rtl, textDirection: rtl ? 'rtl' : 'ltr', labels: { boxWidth: 14 } },
        tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, reverse: rtl },
        y: { stacked: true, beginAtZero: true, grid: { color: GRID }, ticks: { precision: 0 }, position: rtl ? 'right' : 'left' },
      },
    },
  });
  return () => chart.destroy();
}
