import type { Locale } from '@gcm/platform/pure';
import { ChartBlock } from '../model/document.types';
import { formatValue } from './format';

/**
 * The geometry of a chart, shared by the HTML (SVG) and PDF editions so both
 * draw the same thing: shapes in a box `width` wide, y growing downwards,
 * text boxes with their top at y. Laid out left to right and mirrored as a
 * whole for a right-to-left report (categories, bars and axes from the
 * right, labels right-aligned). Every series has a colour and a second cue
 * (a fill pattern, a marker shape, a dash), and every bar or point carries
 * its value as text, so nothing is told by colour alone.
 */
export type Align = 'left' | 'right' | 'center';
export type Pattern = 'solid' | 'hatch' | 'dots';

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; pattern: Pattern }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash: number }
  | { kind: 'polyline'; points: [number, number][]; color: string; width: number; dash: number }
  | { kind: 'marker'; x: number; y: number; r: number; marker: Marker; color: string }
  | { kind: 'text'; x: number; y: number; width: number; text: string; size: number; bold: boolean; color: string; align: Align };

export type Marker = 'circle' | 'square' | 'diamond';

export interface ChartLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface LayoutOptions {
  width: number;
  fontSize: number;
  rtl: boolean;
  locale: Locale;
  /** Width of a text on one line at a size. */
  measure: (text: string, size: number, bold: boolean) => number;
}

export const INK = '#1a1a1a';
const MUTED = '#555555';
const GRID = '#d4d4d4';
/** Colours at 4.5:1 or more against white, each with its own pattern, marker and dash. */
const SERIES: { color: string; pattern: Pattern; marker: Marker; dash: number }[] = [
  { color: '#005a9c', pattern: 'solid', marker: 'circle', dash: 0 },
  { color: '#a34f00', pattern: 'hatch', marker: 'square', dash: 4 },
  { color: '#6b3d8f', pattern: 'dots', marker: 'diamond', dash: 1.5 },
];
export const seriesStyle = (i: number) => SERIES[i % SERIES.length];

const LINE = 1.45;

/** "Not started: 3; On track: 5", or per category with the series named: the chart's text alternative. */
export function chartValuesText(c: ChartBlock, locale: Locale): string {
  const sep = locale === 'zh' ? '；' : locale === 'ar' ? '؛ ' : '; ';
  const colon = locale === 'zh' ? '：' : locale === 'fr' ? ' : ' : ': ';
  return c.categories.map((cat, i) => {
    const values = c.series.map((s) => (c.series.length > 1 ? `${s.label} ` : '') + formatValue(s.values[i], c.format, locale));
    return `${cat.label}${colon}${values.join(locale === 'zh' ? '，' : ', ')}`;
  }).join(sep);
}

/**
 * Cuts a label to the width with an ellipsis (the full text is in the table
 * beside the chart) and isolates it (FSI…PDI), so a code such as 2025-H2
 * keeps its own direction inside a right-to-left chart.
 */
function fit(text: string, width: number, size: number, bold: boolean, o: LayoutOptions): string {
  if (o.measure(text, size, bold) <= width) return isolate(text);
  const chars = [...text];
  while (chars.length > 1 && o.measure(`${chars.join('')}…`, size, bold) > width) chars.pop();
  return isolate(`${chars.join('')}…`);
}

const isolate = (text: string) => `\u2068${text}\u2069`;

/** Round tick steps (1, 2, 5 × 10^k) for counts; 0–100 % in quarters for shares. */
function ticks(max: number, format: ChartBlock['format']): number[] {
  if (format === 'percent') return [0, 0.25, 0.5, 0.75, 1];
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

export function layoutChart(c: ChartBlock, o: LayoutOptions): ChartLayout {
  const shapes: Shape[] = [];
  const fs = o.fontSize;
  let y = 0;
  if (c.series.length > 1 || c.chart === 'line') y = legend(c, shapes, o);
  const height = c.chart === 'line' ? lineChart(c, shapes, y, o) : barChart(c, shapes, y, o);
  const laid = { width: o.width, height: Math.ceil(height + fs * 0.3), shapes };
  return o.rtl ? mirror(laid) : laid;
}

/** Swatches with the series names, wrapping to the width; returns the y below it. */
function legend(c: ChartBlock, shapes: Shape[], o: LayoutOptions): number {
  const fs = o.fontSize;
  const lh = fs * LINE;
  const sw = fs * 1.6;
  let x = 0;
  let y = 0;
  c.series.forEach((s, i) => {
    const st = seriesStyle(i);
    const text = fit(s.label, o.width - sw - fs, fs, false, o);
    const w = sw + fs * 0.4 + o.measure(text, fs, false) + fs * 1.2;
    if (x > 0 && x + w > o.width) {
      x = 0;
      y += lh;
    }
    const mid = y + lh / 2;
    if (c.chart === 'line') {
      shapes.push({ kind: 'line', x1: x, y1: mid, x2: x + sw, y2: mid, color: st.color, width: 1.6, dash: st.dash });
      shapes.push({ kind: 'marker', x: x + sw / 2, y: mid, r: fs * 0.32, marker: st.marker, color: st.color });
    } else {
      shapes.push({ kind: 'rect', x, y: mid - fs * 0.45, w: sw, h: fs * 0.9, color: st.color, pattern: st.pattern });
    }
    shapes.push({ kind: 'text', x: x + sw + fs * 0.4, y, width: w - sw, text, size: fs, bold: false, color: INK, align: 'left' });
    x += w;
  });
  return y + lh + fs * 0.5;
}

/** Horizontal bars, one row per category (grouped or stacked series); returns the height used. */
function barChart(c: ChartBlock, shapes: Shape[], top: number, o: LayoutOptions): number {
  const fs = o.fontSize;
  const lh = fs * LINE;
  const stacked = c.chart === 'stacked_bar';
  const fmt = (v: number | null) => formatValue(v, c.format, o.locale);
  const totals = c.categories.map((_, i) => c.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = stacked ? Math.max(0, ...totals) : Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const tk = ticks(max, c.format);
  const domain = tk[tk.length - 1];
  const labelW = Math.min(o.width * 0.38, Math.max(o.measure(c.categoryAxis, fs, true), ...c.categories.map((k) => o.measure(k.label, fs, false))) + fs * 0.6);
  const valueTexts = stacked ? totals.map((t) => fmt(t)) : c.series.flatMap((s) => s.values.map(fmt));
  const valueW = Math.max(...valueTexts.map((t) => o.measure(t, fs * 0.9, false)), o.measure(fmt(domain), fs * 0.85, false) / 2) + fs * 0.5;
  const x0 = labelW;
  const plotW = Math.max(fs * 4, o.width - x0 - valueW);
  const rowH = Math.max(lh, fs * (stacked ? 1.9 : 1.1 + 0.8 * c.series.length));
  const xOf = (v: number) => x0 + (plotW * v) / domain;

  shapes.push({ kind: 'text', x: 0, y: top, width: labelW - fs * 0.4, text: fit(c.categoryAxis, labelW - fs * 0.4, fs, true, o), size: fs, bold: true, color: MUTED, align: 'left' });
  const plotTop = top + lh;
  const plotBottom = plotTop + rowH * c.categories.length;
  for (const t of tk) shapes.push({ kind: 'line', x1: xOf(t), y1: plotTop, x2: xOf(t), y2: plotBottom, color: GRID, width: 0.5, dash: 0 });

  c.categories.forEach((cat, i) => {
    const ry = plotTop + rowH * i;
    shapes.push({ kind: 'text', x: 0, y: ry + (rowH - lh) / 2, width: labelW - fs * 0.4, text: fit(cat.label, labelW - fs * 0.4, fs, false, o), size: fs, bold: false, color: INK, align: 'left' });
    if (stacked) {
      const h = rowH * 0.6;
      let x = x0;
      c.series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        const w = xOf(v) - x0;
        if (w > 0) shapes.push({ kind: 'rect', x, y: ry + (rowH - h) / 2, w, h, ...paint(k) });
        x += w;
      });
      shapes.push(valueLabel(fmt(totals[i]), x + fs * 0.3, ry + (rowH - lh * 0.9) / 2, valueW + plotW, fs));
    } else {
      const n = c.series.length;
      const h = (rowH * 0.7) / n;
      c.series.forEach((s, k) => {
        const v = s.values[i];
        const by = ry + rowH * 0.15 + h * k;
        const w = v === null ? 0 : xOf(v) - x0;
        if (w > 0) shapes.push({ kind: 'rect', x: x0, y: by, w, h, ...paint(k) });
        shapes.push(valueLabel(fmt(v), x0 + w + fs * 0.3, by + h / 2 - (fs * 0.9 * LINE) / 2, valueW + plotW - w, fs));
      });
    }
  });
  shapes.push({ kind: 'line', x1: x0, y1: plotTop, x2: x0, y2: plotBottom, color: INK, width: 0.8, dash: 0 });
  shapes.push({ kind: 'line', x1: x0, y1: plotBottom, x2: x0 + plotW, y2: plotBottom, color: INK, width: 0.8, dash: 0 });
  const tickY = plotBottom + fs * 0.2;
  for (const t of tk) shapes.push(tickLabel(fmt(t), xOf(t), tickY, fs, o));
  const axisY = tickY + fs * 0.85 * LINE;
  shapes.push({ kind: 'text', x: x0, y: axisY, width: plotW, text: fit(c.valueAxis, plotW, fs, true, o), size: fs, bold: true, color: MUTED, align: 'center' });
  return axisY + lh;
}

/** Lines over the categories (cycles), the share axis on the start side; returns the height used. */
function lineChart(c: ChartBlock, shapes: Shape[], top: number, o: LayoutOptions): number {
  const fs = o.fontSize;
  const lh = fs * LINE;
  const fmt = (v: number | null) => formatValue(v, c.format, o.locale);
  const max = Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const tk = ticks(max, c.format);
  const domain = tk[tk.length - 1];
  const axisW = Math.max(...tk.map((t) => o.measure(fmt(t), fs * 0.85, false))) + fs * 0.5;
  shapes.push({ kind: 'text', x: 0, y: top, width: o.width, text: fit(c.valueAxis, o.width, fs, true, o), size: fs, bold: true, color: MUTED, align: 'left' });
  const plotTop = top + lh + fs * 0.8;
  const plotH = fs * 11;
  const plotBottom = plotTop + plotH;
  const x0 = axisW;
  const plotW = o.width - x0 - fs;
  const n = c.categories.length;
  const slot = plotW / n;
  const xOf = (i: number) => x0 + slot * (i + 0.5);
  const yOf = (v: number) => plotBottom - (plotH * v) / domain;
  for (const t of tk) {
    shapes.push({ kind: 'line', x1: x0, y1: yOf(t), x2: x0 + plotW, y2: yOf(t), color: GRID, width: 0.5, dash: 0 });
    shapes.push({ kind: 'text', x: 0, y: yOf(t) - (fs * 0.85 * LINE) / 2, width: axisW - fs * 0.3, text: fmt(t), size: fs * 0.85, bold: false, color: MUTED, align: 'right' });
  }
  shapes.push({ kind: 'line', x1: x0, y1: plotTop, x2: x0, y2: plotBottom, color: INK, width: 0.8, dash: 0 });
  shapes.push({ kind: 'line', x1: x0, y1: plotBottom, x2: x0 + plotW, y2: plotBottom, color: INK, width: 0.8, dash: 0 });
  c.series.forEach((s, k) => {
    const st = seriesStyle(k);
    // A gap in the data breaks the line; each run of known values is drawn on its own.
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1) shapes.push({ kind: 'polyline', points: run, color: st.color, width: 1.6, dash: st.dash });
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      run.push([xOf(i), yOf(v)]);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v === null) return;
      shapes.push({ kind: 'marker', x: xOf(i), y: yOf(v), r: fs * 0.32, marker: st.marker, color: st.color });
      // The first series labels its points above them, the others below, so two close lines keep their numbers apart.
      const ly = k === 0 ? yOf(v) - fs * 0.5 - fs * 0.85 * LINE : yOf(v) + fs * 0.5;
      shapes.push({ kind: 'text', x: xOf(i) - slot / 2, y: ly, width: slot, text: fmt(v), size: fs * 0.85, bold: false, color: st.color, align: 'center' });
    });
  });
  const catY = plotBottom + fs * 0.3;
  c.categories.forEach((cat, i) => {
    shapes.push({ kind: 'text', x: xOf(i) - slot / 2, y: catY, width: slot, text: fit(cat.label, slot - fs * 0.2, fs * 0.9, false, o), size: fs * 0.9, bold: false, color: INK, align: 'center' });
  });
  const axisY = catY + fs * 0.9 * LINE;
  shapes.push({ kind: 'text', x: x0, y: axisY, width: plotW, text: fit(c.categoryAxis, plotW, fs, true, o), size: fs, bold: true, color: MUTED, align: 'center' });
  return axisY + lh;
}

const paint = (k: number) => ({ color: seriesStyle(k).color, pattern: seriesStyle(k).pattern });

function valueLabel(text: string, x: number, y: number, width: number, fs: number): Shape {
  return { kind: 'text', x, y, width: Math.max(width, fs * 3), text, size: fs * 0.9, bold: false, color: INK, align: 'left' };
}

function tickLabel(text: string, x: number, y: number, fs: number, o: LayoutOptions): Shape {
  const w = o.measure(text, fs * 0.85, false) + fs;
  return { kind: 'text', x: x - w / 2, y, width: w, text, size: fs * 0.85, bold: false, color: MUTED, align: 'center' };
}

/** The same chart seen in a mirror: what is at the left goes to the right, text boxes keep their reading order. */
function mirror(l: ChartLayout): ChartLayout {
  const X = (x: number) => l.width - x;
  const flip: Record<Align, Align> = { left: 'right', right: 'left', center: 'center' };
  return {
    ...l,
    shapes: l.shapes.map((s): Shape => {
      switch (s.kind) {
        case 'rect': return { ...s, x: X(s.x + s.w) };
        case 'line': return { ...s, x1: X(s.x1), x2: X(s.x2) };
        case 'polyline': return { ...s, points: s.points.map(([x, y]) => [X(x), y]) };
        case 'marker': return { ...s, x: X(s.x) };
        case 'text': return { ...s, x: X(s.x + s.width), align: flip[s.align] };
      }
    }),
  };
}
