import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import type { RichBlock, RichInline } from '../model/document.types';

/**
 * What the editorial text may hold: headings, paragraphs, lists, links and
 * emphasis. No script, no style, no image (so no remote image), links only
 * http and https (sanitize-html drops the href of any other scheme, such as
 * `javascript:` or `data:`, and protocol-relative ones).
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['h3', 'h4', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'br'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An editor's h1/h2 would outrank the report's own titles: they become h3.
  transformTags: { h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4' },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'svg', 'math'],
};

export interface SanitisedRichText {
  /** The sanitised HTML, kept for the editor to load again. */
  html: string;
  /** The same as structure, which every renderer draws (and escapes again). */
  blocks: RichBlock[];
}

export function sanitiseRichText(input: string): SanitisedRichText {
  const html = sanitizeHtml(input, POLICY).trim();
  return { html, blocks: richBlocks(html) };
}

/**
 * Reads sanitised HTML into blocks. Text outside any block becomes a
 * paragraph; a list inside a list adds its items to the outer list (two
 * levels are not worth a second indentation in every format).
 */
export function richBlocks(html: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let inlines: RichInline[] | null = null;
  let list: Extract<RichBlock, { type: 'list' }> | null = null;
  let listDepth = 0;
  let strong = 0;
  let em = 0;
  const hrefs: (string | undefined)[] = [];

  const finish = () => {
    if (inlines) tidy(inlines);
    inlines = null;
  };
  const target = (): RichInline[] => {
    if (inlines) return inlines;
    if (list) {
      inlines = [];
      list.items.push(inlines);
      return inlines;
    }
    const block: RichBlock = { type: 'paragraph', inlines: [] };
    blocks.push(block);
    return (inlines = block.inlines);
  };

  const parser = new Parser({
    onopentag(name, attrs) {
      switch (name) {
        case 'h3':
        case 'h4':
        case 'p': {
          finish();
          if (list) return;
          const block: RichBlock = name === 'p' ? { type: 'paragraph', inlines: [] } : { type: 'heading', level: name === 'h3' ? 3 : 4, inlines: [] };
          blocks.push(block);
          inlines = block.inlines;
          return;
        }
        case 'ul':
        case 'ol':
          finish();
          listDepth++;
          if (!list) blocks.push((list = { type: 'list', ordered: name === 'ol', items: [] }));
          return;
        case 'li':
          finish();
          if (!list) blocks.push((list = { type: 'list', ordered: false, items: [] }));
          list.items.push((inlines = []));
          return;
        case 'a':
          hrefs.push(attrs.href);
          return;
        case 'strong':
        case 'b':
          strong++;
          return;
        case 'em':
        case 'i':
          em++;
          return;
        case 'br':
          target().push({ text: ' ' });
          return;
      }
    },
    ontext(text) {
      const t = text.replace(/\s+/g, ' ');
      if (t === '' || (t === ' ' && !inlines)) return;
      const href = hrefs.length > 0 ? hrefs[hrefs.length - 1] : undefined;
      target().push({ text: t, ...(strong ? { strong: true } : {}), ...(em ? { em: true } : {}), ...(href ? { href } : {}) });
    },
    onclosetag(name) {
      switch (name) {
        case 'h3':
        case 'h4':
        case 'p':
        case 'li':
          finish();
          return;
        case 'ul':
        case 'ol':
          finish();
          listDepth--;
          if (listDepth === 0) list = null;
          return;
        case 'a':
          hrefs.pop();
          return;
        case 'strong':
        case 'b':
          strong--;
          return;
        case 'em':
        case 'i':
          em--;
          return;
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  finish();
  return blocks.filter((b) => (b.type === 'list' ? (b.items = b.items.filter((i) => i.length > 0)).length > 0 : b.inlines.length > 0));
}

/** Joins neighbours of the same style and trims the ends, so whitespace does not depend on the editor's markup. */
function tidy(inlines: RichInline[]): void {
  const merged: RichInline[] = [];
  for (const i of inlines) {
    const last = merged[merged.length - 1];
    if (last && last.strong === i.strong && last.em === i.em && last.href === i.href) last.text += i.text;
    else merged.push({ ...i });
  }
  merged.forEach((i, n) => {
    if (n === 0) i.text = i.text.replace(/^ +/, '');
    if (n === merged.length - 1) i.text = i.text.replace(/ +$/, '');
    i.text = i.text.replace(/ {2,}/g, ' ');
  });
  inlines.splice(0, inlines.length, ...merged.filter((i) => i.text !== ''));
}
