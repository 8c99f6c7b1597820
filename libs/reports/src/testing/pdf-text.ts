import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
