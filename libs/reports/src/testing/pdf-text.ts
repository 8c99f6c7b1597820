import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Text of a PDF as poppler's pdftotext sees it (`-layout`: one line per table
 * row). poppler-utils is a test dependency that `npm test` installs as root; its absence
 * fails the spec loudly rather than skipping it.
 */
export function pdfToText(pdf: Buffer, layout = true): string {
  return poppler('pdftotext', pdf, [...(layout ? ['-layout'] : []), '-enc', 'UTF-8'], '-');
}

/** The fonts of a PDF as poppler's pdffonts lists them. */
export function pdfFonts(pdf: Buffer): { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  return poppler('pdffonts', pdf, []).split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => {
    const cols = l.trim().split(/\s+/);
    // name, type (may be two words), encoding, emb, sub, uni, object, id
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

function poppler(tool: string, pdf: Buffer, args: string[], ...after: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcm-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...after], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found: \`npm test\` installs Debian's poppler-utils when run as root; otherwise apt-get install poppler-utils`);
    }
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The document information poppler's pdfinfo prints (Title, Tagged, Pages, …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  return Object.fromEntries(poppler('pdfinfo', pdf, ['-enc', 'UTF-8']).split('\n').filter((l) => l.includes(':'))
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** One element of a tagged PDF's structure tree, as `pdfinfo -struct-text` prints it, in document order. */
export interface StructNode {
  type: string;
  depth: number;
  /** The element's own text (its marked content), its sequences joined by a space where none is drawn. */
  text: string;
  /** Attribute lines, e.g. `/Scope /Column`. */
  attributes: string[];
}

/** The structure tree of a tagged PDF, read with poppler's `pdfinfo -struct-text`. */
export function structureTree(pdf: Buffer): StructNode[] {
  const out: StructNode[] = [];
  for (const line of poppler('pdfinfo', pdf, ['-struct-text']).split('\n')) {
    if (line.trim() === '') continue;
    const depth = line.length - line.trimStart().length;
    const body = line.trim();
    const last = out[out.length - 1];
    if (body.startsWith('"')) {
      // Sequences of one element (a paragraph continued on the next page) read as one text; a space between them unless drawn.
      if (last) last.text = last.text === '' || /\s$/.test(last.text) ? last.text + body.slice(1, -1) : `${last.text} ${body.slice(1, -1)}`;
    } else if (body.startsWith('/')) {
      last?.attributes.push(body);
    } else {
      out.push({ type: body.replace(/[:\s].*$/, ''), depth: depth / 2, text: '', attributes: [] });
    }
  }
  return out;
}

/**
 * The objects of a PDF as text, wherever the file keeps them: the file itself
 * (latin1), then every object packed in an object stream (PDF 1.5; the
 * structure tree's, see renderers/pdf-objects.ts) written out as
 * `N 0 obj … endobj`, so a test can read any dictionary with a regular
 * expression.
 */
export function pdfSource(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out = [raw];
  for (const m of raw.matchAll(/<<([^<>]*\/Type\s*\/ObjStm[^<>]*)>>\s*stream\r?\n/g)) {
    const entry = (key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(m[1])?.[1]);
    const start = (m.index ?? 0) + m[0].length;
    const data = inflateSync(pdf.subarray(start, start + entry('Length'))).toString('latin1');
    const first = entry('First');
    const header = data.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < entry('N'); i++) {
      const end = i + 1 < entry('N') ? first + header[2 * i + 3] : data.length;
      out.push(`\n${header[2 * i]} 0 obj\n${data.slice(first + header[2 * i + 1], end).trim()}\nendobj`);
    }
  }
  return out.join('');
}

/**
 * The accessibility entries of a PDF's catalog, read from the file itself
 * (the catalog and its dictionaries as plain objects or in object streams).
 */
export function pdfCatalog(pdf: Buffer): { lang: string | null; marked: boolean; structTreeRoot: boolean; displayDocTitle: boolean } {
  const raw = pdfSource(pdf);
  const object = (ref: string | undefined) => (ref ? new RegExp(`(?:^|\\n)${ref} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(raw)?.[1] ?? '' : '');
  const catalog = /<<\s*\/Type \/Catalog([\s\S]*?)>>\s*endobj/.exec(raw)?.[1] ?? '';
  const ref = (key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(catalog)?.[1];
  return {
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
    marked: /\/Marked true/.test(object(ref('MarkInfo'))),
    structTreeRoot: /\/Type\s*\/StructTreeRoot/.test(object(ref('StructTreeRoot'))),
    displayDocTitle: /\/DisplayDocTitle true/.test(object(ref('ViewerPreferences'))),
  };
}
