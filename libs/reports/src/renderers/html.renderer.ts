import { Block, ReportDocument, StatusDistributionBlock, TableBlock } from '../model/document.types';
import { wholePercent } from '../builders/statistics';
import { EMPTY, formatFigure, formatValue, isNumeric } from './format';
import { PRINT_CSS } from './html.styles';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of user or catalogue text goes through here, in content and attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const slug = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A self-contained printable page: no script, no external stylesheet, font or
 * image, so it prints and archives as it is. Tables carry captions and scoped
 * headers; the distribution bars are decorative (the numbers are in the table).
 */
export function renderHtml(doc: ReportDocument): Buffer {
  const m = doc.metadata;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
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
    `<dt>Cycles</dt><dd>${escapeHtml(m.cycles.map((c) => `${c.code} (${c.periodStart} to ${c.periodEnd}, deadline ${c.deadline})`).join('; '))}</dd>`,
    `<dt>Data as of</dt><dd><time datetime="${escapeHtml(m.snapshot.takenAt)}">${escapeHtml(m.snapshot.takenAt)}</time></dd>`,
    `<dt>Snapshot</dt><dd>${escapeHtml(m.snapshot.id)}, framework version ${m.snapshot.frameworkVersion}</dd>`,
    '</dl>',
    '</header>',
    '<nav aria-label="Contents"><h2>Contents</h2><ul class="toc">',
    ...doc.sections.map((s) => `<li><a href="#${slug(s.id)}">${escapeHtml(s.title)}</a></li>`),
    '</ul></nav>',
    '<main>',
  ];
  for (const s of doc.sections) {
    out.push(`<section id="${slug(s.id)}" aria-labelledby="${slug(s.id)}-h">`, `<h2 id="${slug(s.id)}-h">${escapeHtml(s.title)}</h2>`);
    for (const b of s.blocks) out.push(renderBlock(b));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return Buffer.from(out.filter((l) => l !== '').join('\n'), 'utf8');
}

function renderBlock(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<aside class="note ${b.tone}" role="note"><p>${escapeHtml(b.text)}</p></aside>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'key_figures':
      return `<dl class="figures" id="${slug(b.id)}">${b.items.map((f) =>
        `<div class="figure"><dt>${escapeHtml(f.label)}</dt><dd><data value="${f.value ?? ''}">${escapeHtml(formatFigure(f))}</data>` +
        `${f.detail ? `<span class="detail">${escapeHtml(f.detail)}</span>` : ''}</dd></div>`).join('')}</dl>`;
    case 'table':
      return renderTable(b);
    case 'status_distribution':
      return renderDistribution(b);
  }
}

function renderTable(t: TableBlock): string {
  if (t.rows.length === 0) return `<p class="empty" id="${slug(t.id)}">${escapeHtml(t.caption)}: none.</p>`;
  const head = t.columns.map((c) => `<th scope="col"${isNumeric(c.type) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${t.columns.map((c, i) => {
    const text = escapeHtml(formatValue(r[c.key], c.type));
    const cls = isNumeric(c.type) ? ' class="num"' : '';
    return i === 0 ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
  }).join('')}</tr>`);
  return `<div class="table-wrap"><table id="${slug(t.id)}"><caption>${escapeHtml(t.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function renderDistribution(d: StatusDistributionBlock): string {
  const rows = d.entries.map((e) => {
    const pct = e.ratio === null ? 0 : wholePercent(e.ratio);
    return `<tr class="status-${e.status}"><th scope="row">${escapeHtml(e.label)}</th><td class="num">${formatValue(e.count, 'integer')}</td>` +
      `<td class="num">${e.ratio === null ? EMPTY : `${pct}%`}</td>` +
      `<td class="bar-cell" aria-hidden="true"><span class="bar" style="width:${pct}%"></span></td></tr>`;
  });
  return `<div class="table-wrap"><table class="distribution" id="${slug(d.id)}"><caption>${escapeHtml(d.caption)}</caption>` +
    '<thead><tr><th scope="col">Status</th><th scope="col" class="num">Pledges</th><th scope="col" class="num">Share</th><td></td></tr></thead>' +
    `<tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">Total</th><td class="num">${formatValue(d.total, 'integer')}</td><td></td><td></td></tr></tfoot></table></div>`;
}
