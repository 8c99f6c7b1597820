import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Text of a PDF as poppler's pdftotext sees it (`-layout`: one line per table
 * row). poppler-utils is a test dependency that `npm test` installs as root; its absence
 * fails the spec loudly rather than skipping it.
 */
export function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcm-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error("pdftotext not found: `npm test` installs Debian's poppler-utils when run as root; otherwise apt-get install poppler-utils");
    }
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
