import { Block, ChartBlock, FootnotesBlock, ProseBlock, ReportDocument, StatusDistributionBlock, TableBlock } from '../model/document.types';
import { wholePercent } from '../builders/statistics';
import { EMPTY, formatFigure, formatValue, isNumeric } from './format';
import { ReportText, reportText } from '../i18n/report-text';
import { PRINT_CSS } from './html.styles';
import { commentaryOf, introductionOf, richHtml } from './editorial';
import { escapeHtml } from './html-escape';
import { chartSvg } from './html-chart';

export { escapeHtml } from './html-escape';

const slug = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A self-contained printable page: no script, no external stylesheet, font or
 * image, so it prints and archives as it is. Tables carry captions and scoped
 * headers; the distribution bars are decorative (the numbers are in the table).
 * Charts are inline SVG printed beside the table that carries their numbers.
 */
export function renderHtml(doc: ReportDocument): Buffer {
  const m = doc.metadata;
  const rt = reportText(m.language);
  const intro = introductionOf(doc);
  const introTitle = rt.t('editorialIntroduction');
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${m.language}" dir="${rt.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="GCM Tracker reports, schema ${doc.schemaVersion}">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : '',
    '<dl class="meta">',
    `<dt>${escapeHtml(rt.t('cycles'))}</dt><dd>${escapeHtml(m.cycles.map((c) => rt.cycleItem(c)).join('; '))}</dd>`,
    `<dt>${escapeHtml(rt.t('dataAsOf'))}</dt><dd><time datetime="${escapeHtml(m.snapshot.takenAt)}">${escapeHtml(m.language === 'en' ? m.snapshot.takenAt : formatValue(m.snapshot.takenAt, 'date', m.language))}</time></dd>`,
    `<dt>${escapeHtml(rt.t('snapshot'))}</dt><dd>${escapeHtml(rt.t('snapshotItem', { id: m.snapshot.id, version: String(m.snapshot.frameworkVersion) }))}</dd>`,
    '</dl>',
    '</header>',
    `<nav aria-label="${escapeHtml(rt.t('contents'))}"><h2>${escapeHtml(rt.t('contents'))}</h2><ul class="toc">`,
    intro.length > 0 ? `<li><a href="#introduction">${escapeHtml(introTitle)}</a></li>` : '',
    ...doc.sections.map((s) => `<li><a href="#${slug(s.id)}">${escapeHtml(s.title)}</a></li>`),
    '</ul></nav>',
    '<main>',
    intro.length > 0
      ? `<section id="introduction" class="editorial" aria-labelledby="introduction-h"><h2 id="introduction-h">${escapeHtml(introTitle)}</h2>${richHtml(intro)}</section>`
      : '',
  ];
  const charts = { count: 0 };
  for (const s of doc.sections) {
    out.push(`<section id="${slug(s.id)}" aria-labelledby="${slug(s.id)}-h">`, `<h2 id="${slug(s.id)}-h">${escapeHtml(s.title)}</h2>`);
    const commentary = commentaryOf(doc, s.id);
    if (commentary.length > 0) out.push(`<aside class="editorial commentary" aria-label="${escapeHtml(rt.t('editorialCommentary'))}">${richHtml(commentary)}</aside>`);
    out.push(...renderBlocks(s.blocks, rt, charts));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return Buffer.from(out.filter((l) => l !== '').join('\n'), 'utf8');
}

/**
 * A section's blocks; charts (which the builder puts just before the table
 * holding their numbers) are grouped with that table, side by side where
 * there is room and the table is narrow, the chart above a wide table.
 */
function renderBlocks(blocks: Block[], rt: ReportText, charts: { count: number }): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== 'chart') {
      out.push(renderBlock(b, rt));
      continue;
    }
    const group: ChartBlock[] = [b];
    let next = blocks[i + 1];
    while (next?.type === 'chart' && next.tableId === b.tableId) {
      group.push(next);
      next = blocks[++i + 1];
    }
    const table = next && (next.type === 'table' || next.type === 'status_distribution') && next.id === b.tableId ? next : null;
    if (table) i++;
    const wide = table?.type === 'table' && table.columns.length > 4;
    const figures = group.map((c) => `<figure class="chart-figure"><figcaption>${escapeHtml(c.title)}</figcaption>${chartSvg(c, rt, `chart-${++charts.count}`)}</figure>`);
    out.push(`<div class="chart-pair${wide ? ' stacked' : ''}"><div class="charts">${figures.join('')}</div>${table ? renderBlock(table, rt) : ''}</div>`);
  }
  return out;
}

function renderBlock(b: Block, rt: ReportText): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<aside class="note ${b.tone}" role="note"><p>${escapeHtml(b.text)}</p></aside>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}${b.lang ? ` lang="${escapeHtml(b.lang)}"` : ''}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'key_figures':
      return `<dl class="figures" id="${slug(b.id)}">${b.items.map((f) =>
        `<div class="figure"><dt>${escapeHtml(f.label)}</dt><dd>${linked(`<data value="${f.value ?? ''}">${escapeHtml(formatFigure(f, rt.locale))}</data>`, f.href)}` +
        `${f.detail ? `<span class="detail">${escapeHtml(f.detail)}</span>` : ''}</dd></div>`).join('')}</dl>`;
    case 'table':
      return renderTable(b, rt);
    case 'status_distribution':
      return renderDistribution(b, rt);
    case 'prose':
      return renderProse(b);
    case 'footnotes':
      return renderFootnotes(b, rt);
    case 'chart':
      // Charts are drawn with their table (renderBlocks).
      return '';
  }
}

/** Only site-relative paths and http(s) URLs become links; anything else stays text. */
const safeHref = (href: string | null): string | null => (href && /^(\/(?!\/)|https?:\/\/)/.test(href) ? href : null);

/** Escaped HTML as a link to a figure's pledge list when it has one (a safe address). */
function linked(html: string, href: string | undefined): string {
  const safe = safeHref(href ?? null);
  return safe ? `<a href="${escapeHtml(safe)}">${html}</a>` : html;
}

/** Runs in order: a link where the run has one, its citations as superscript links to the footnotes. */
function renderProse(b: ProseBlock): string {
  return `<p class="prose">${b.runs.map((r) => {
    const href = safeHref(r.href);
    const text = href ? `<a href="${escapeHtml(href)}">${escapeHtml(r.text)}</a>` : escapeHtml(r.text);
    const cites = r.citations.length === 0 ? ''
      : `<sup class="cite">${r.citations.map((n) => `<a href="#fn-${n}">${n}</a>`).join(',')}</sup>`;
    return text + cites;
  }).join('')}</p>`;
}

function renderFootnotes(b: FootnotesBlock, rt: ReportText): string {
  return `<ol class="footnotes" id="${slug(b.id)}">${b.items.map((f) => {
    const href = safeHref(f.href);
    const ref = href ? `<a href="${escapeHtml(href)}">${escapeHtml(f.reference)}</a>` : escapeHtml(f.reference);
    const text = escapeHtml(rt.footnote(f)).replace(escapeHtml(f.reference), () => ref);
    return `<li id="fn-${f.number}" value="${f.number}">${text}</li>`;
  }).join('')}</ol>`;
}

/**
 * The box a table scrolls sideways in on a narrow screen: a named region
 * keyboard users can focus and scroll (axe: scrollable-region-focusable).
 */
const tableWrap = (caption: string) => `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(caption)}">`;

function renderTable(t: TableBlock, rt: ReportText): string {
  if (t.rows.length === 0) return `<p class="empty" id="${slug(t.id)}">${escapeHtml(rt.noneRows(t.caption))}</p>`;
  const head = t.columns.map((c) => `<th scope="col"${isNumeric(c.type) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const rows = t.rows.map((r, ri) => `<tr>${t.columns.map((c, i) => {
    const value = escapeHtml(formatValue(r[c.key], c.type, rt.locale));
    const text = linked(value, t.links?.[ri]?.[c.key]);
    const cls = isNumeric(c.type) ? ' class="num"' : '';
    return i === 0 ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
  }).join('')}</tr>`);
  return `${tableWrap(t.caption)}<table id="${slug(t.id)}"><caption>${escapeHtml(t.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function renderDistribution(d: StatusDistributionBlock, rt: ReportText): string {
  const n = (v: number | null, type: 'integer' | 'percent') => formatValue(v, type, rt.locale);
  const rows = d.entries.map((e) => {
    const pct = e.ratio === null ? 0 : wholePercent(e.ratio);
    return `<tr class="status-${e.status}"><th scope="row">${escapeHtml(e.label)}</th><td class="num">${linked(n(e.count, 'integer'), e.href)}</td>` +
      `<td class="num">${e.ratio === null ? EMPTY : n(e.ratio, 'percent')}</td>` +
      `<td class="bar-cell" aria-hidden="true"><span class="bar" style="width:${pct}%"></span></td></tr>`;
  });
  return `${tableWrap(d.caption)}<table class="distribution" id="${slug(d.id)}"><caption>${escapeHtml(d.caption)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(rt.status)}</th><th scope="col" class="num">${escapeHtml(rt.pledges)}</th><th scope="col" class="num">${escapeHtml(rt.share)}</th><td></td></tr></thead>` +
    `<tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">${escapeHtml(rt.total)}</th><td class="num">${linked(n(d.total, 'integer'), d.href)}</td><td></td><td></td></tr></tfoot></table></div>`;
}
