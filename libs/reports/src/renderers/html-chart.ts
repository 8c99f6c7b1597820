import { ChartBlock } from '../model/document.types';
import type { ReportText } from '../i18n/report-text';
import { Align, ChartLayout, Shape, chartValuesText, layoutChart } from './chart-layout';
import { escapeHtml } from './html-escape';

/** Layout units of the SVG: a 360-unit box scales to the column (viewBox), so 11-unit text stays readable at 390 px. */
const WIDTH = 360;
const FONT = 11;

/**
 * Width of a text in the browser's font, estimated (the page carries no font
 * of its own): CJK ideographs and full-width forms a whole em, other letters
 * a little over half. Generous, so labels are cut rather than overflow.
 */
function estimate(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : bold ? 0.62 : 0.58;
  return em * size;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * A chart as inline SVG: no script, no external resource, no inline style
 * (CSP-safe), `role="img"` with a <title> and a <desc> that gives every
 * value and names the table beside it. `uid` keeps the ids of the title and
 * the fill patterns unique in the page.
 */
export function chartSvg(c: ChartBlock, rt: ReportText, uid: string): string {
  const rtl = rt.dir === 'rtl';
  const l = layoutChart(c, { width: WIDTH, fontSize: FONT, rtl, locale: rt.locale, measure: estimate });
  const desc = rt.t('chartAlt', { title: c.title, caption: c.tableCaption, values: chartValuesText(c, rt.locale) });
  return `<svg class="chart" viewBox="0 0 ${l.width} ${l.height}" role="img" ` +
    `aria-labelledby="${uid}-t ${uid}-d" font-family="inherit"${rtl ? ' direction="rtl"' : ''}>` +
    `<title id="${uid}-t">${escapeHtml(c.title)}</title><desc id="${uid}-d">${escapeHtml(desc)}</desc>` +
    `${patterns(l, uid)}${l.shapes.map((s) => shape(s, uid, rtl)).join('')}</svg>`;
}

/** The fill patterns the chart uses: diagonal hatching and dots in white over the series colour. */
function patterns(l: ChartLayout, uid: string): string {
  const used = new Map<string, { color: string; pattern: string }>();
  for (const s of l.shapes) if (s.kind === 'rect' && s.pattern !== 'solid') used.set(`${s.pattern}-${s.color.slice(1)}`, s);
  if (used.size === 0) return '';
  return `<defs>${[...used].map(([key, s]) => `<pattern id="${uid}-${key}" width="5" height="5" patternUnits="userSpaceOnUse"${s.pattern === 'hatch' ? ' patternTransform="rotate(45)"' : ''}>` +
    `<rect width="5" height="5" fill="${s.color}"/>` +
    (s.pattern === 'hatch' ? '<rect width="1.6" height="5" fill="#ffffff"/>' : '<circle cx="2.5" cy="2.5" r="1" fill="#ffffff"/>') +
    '</pattern>').join('')}</defs>`;
}

function anchor(align: Align, rtl: boolean): string {
  if (align === 'center') return 'middle';
  // With direction="rtl" the start of a text is its right end.
  return (align === 'left') !== rtl ? 'start' : 'end';
}

function shape(s: Shape, uid: string, rtl: boolean): string {
  switch (s.kind) {
    case 'rect': {
      const fill = s.pattern === 'solid' ? s.color : `url(#${uid}-${s.pattern}-${s.color.slice(1)})`;
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${fill}" stroke="${s.color}" stroke-width="0.6"/>`;
    }
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash * 1.5} ${s.dash}"` : ''}/>`;
    case 'polyline':
      return `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash * 1.5} ${s.dash}"` : ''}/>`;
    case 'marker':
      if (s.marker === 'circle') return `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r * 1.1)}" fill="${s.color}"/>`;
      if (s.marker === 'square') return `<rect x="${n(s.x - s.r)}" y="${n(s.y - s.r)}" width="${n(2 * s.r)}" height="${n(2 * s.r)}" fill="${s.color}"/>`;
      return `<polygon points="${n(s.x)},${n(s.y - s.r * 1.3)} ${n(s.x + s.r * 1.3)},${n(s.y)} ${n(s.x)},${n(s.y + s.r * 1.3)} ${n(s.x - s.r * 1.3)},${n(s.y)}" fill="${s.color}"/>`;
    case 'text': {
      const x = s.align === 'center' ? s.x + s.width / 2 : (s.align === 'left') ? s.x : s.x + s.width;
      return `<text x="${n(x)}" y="${n(s.y + s.size * 1.08)}" font-size="${n(s.size)}"${s.bold ? ' font-weight="600"' : ''} fill="${s.color}" ` +
        `text-anchor="${anchor(s.align, rtl)}">${escapeHtml(s.text)}</text>`;
    }
  }
}
