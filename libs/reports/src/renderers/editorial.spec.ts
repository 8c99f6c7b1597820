import { sanitiseRichText } from '../editorial/rich-text';
import { ReportDocument } from '../model/document.types';
import { pdfToText } from '../testing/pdf-text';
import { handMadeSummary } from '../testing/rendered.fixture';
import { renderCsv } from './csv.renderer';
import { renderHtml } from './html.renderer';
import { renderJson } from './json.renderer';
import { renderPdf } from './pdf.renderer';

const INTRO = '<h3>Why this note</h3><p>The Forum <strong>reviews</strong> progress; see <a href="https://www.un.org/imrf">the IMRF page</a>.</p><ul><li>First point</li><li>Second point</li></ul>';
const COMMENT = '<p>Coverage of objective 8 remains low.</p>';

function withEditorial(base: ReportDocument): ReportDocument {
  const sectionId = base.sections[1].id;
  return { ...base, editorial: { revision: 3, introduction: sanitiseRichText(INTRO).blocks, commentary: { [sectionId]: sanitiseRichText(COMMENT).blocks } } };
}

describe('editorial text in every format', () => {
  const base = handMadeSummary();
  const doc = withEditorial(base);

  it('HTML: an introduction section first in the contents, commentary under its section, text escaped again', () => {
    const html = renderHtml(doc).toString('utf8');
    expect(html).toContain('<li><a href="#introduction">Introduction</a></li>');
    expect(html).toContain('<section id="introduction" class="editorial" aria-labelledby="introduction-h"><h2 id="introduction-h">Introduction</h2><h3>Why this note</h3>');
    expect(html).toContain('<p>The Forum <strong>reviews</strong> progress; see <a href="https://www.un.org/imrf" rel="noopener noreferrer">the IMRF page</a>.</p><ul><li>First point</li><li>Second point</li></ul>');
    const section = html.indexOf(`<h2 id="${base.sections[1].id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-h">`);
    const comment = html.indexOf('<aside class="editorial commentary" aria-label="Commentary"><p>Coverage of objective 8 remains low.</p></aside>');
    expect(section).toBeGreaterThan(0);
    expect(comment).toBeGreaterThan(section);
    expect(html.indexOf('<section', section)).toBeGreaterThan(comment);
  });

  it('HTML without editorial text has no introduction', () => {
    expect(renderHtml(base).toString('utf8')).not.toContain('id="introduction"');
  });

  it('PDF: the heading, the paragraph with the link text and its address, the list items', async () => {
    const text = pdfToText(await renderPdf(doc), false).replace(/\s+/g, ' ');
    expect(text).toContain('Introduction Why this note The Forum reviews progress; see the IMRF page (https://www.un.org/imrf).');
    expect(text).toMatch(/• First point • Second point/);
    expect(text).toContain('Coverage of objective 8 remains low.');
  });

  it('JSON carries the editorial blocks; the CSV annex one row per paragraph or item', () => {
    const json = JSON.parse(renderJson(doc).toString('utf8'));
    expect(json.editorial.revision).toBe(3);
    expect(json.editorial.introduction[0]).toEqual({ type: 'heading', level: 3, inlines: [{ text: 'Why this note' }] });
    const csv = renderCsv(doc).toString('utf8');
    expect(csv).toContain('editorial,editorial,"Introduction, Commentary",2,text,Text,text,The Forum reviews progress; see the IMRF page (https://www.un.org/imrf).');
    expect(csv).toContain('editorial,editorial,"Introduction, Commentary",3,text,Text,text,• First point');
    expect(csv).toContain(`editorial,editorial,"Introduction, Commentary",5,section,Section,text,${base.sections[1].id}`);
    expect(csv).toContain('provenance,provenance,Provenance,1,editorial_revision,Editorial revision,integer,3');
  });

  it('Arabic: the editorial headings come from the catalogue and the page runs right to left', () => {
    const ar = withEditorial({ ...base, metadata: { ...base.metadata, language: 'ar' } });
    const html = renderHtml(ar).toString('utf8');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<h2 id="introduction-h">مقدمة</h2>');
  });
});
