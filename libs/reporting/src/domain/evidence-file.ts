import { DomainError } from '@gcm/platform';

/** Accepted evidence types: the declared type must be one of these AND the bytes must look like it. */
export const EVIDENCE_TYPES: Record<string, { ext: string[]; sniff: (b: Buffer) => boolean }> = {
  'application/pdf': { ext: ['pdf'], sniff: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/png': { ext: ['png'], sniff: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/jpeg': { ext: ['jpg', 'jpeg'], sniff: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: ['docx'], sniff: isZip },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: ['xlsx'], sniff: isZip },
  'text/csv': { ext: ['csv'], sniff: isText },
  'text/plain': { ext: ['txt'], sniff: isText },
};

function isZip(b: Buffer): boolean {
  return b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** UTF-8 without NUL bytes: what a CSV or text file is, and what a disguised binary is not. */
function isText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    // stream: true tolerates a multi-byte character cut at the 64 KiB boundary.
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 64 * 1024), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A file name fit for a Content-Disposition header and a listing: no path, no control or quote characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Code points, not UTF-16 units: a lone surrogate (never a character) goes too, and a name is cut between characters.
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch !== '\u007f' && !'"\\;'.includes(ch) && !/^[\uD800-\uDFFF]$/.test(ch))
    .slice(0, 200).join('').trim();
  return cleaned || 'evidence';
}

/**
 * Content-Disposition for a download under its stored name: an ASCII fallback
 * for old clients and the exact UTF-8 name in `filename*` (RFC 6266 / 8187),
 * since a header cannot carry an Arabic or Chinese name as it is.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = [...fileName].map((ch) => (/^[\x20-\x7e]$/.test(ch) && ch !== '"' && ch !== '\\' ? ch : '_')).join('');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The declared type and the file name against the allow-list, before any
 * byte is read (a resumable upload checks them when it is created). Returns
 * the declared type. Throws 400 naming `file`.
 */
export function checkDeclaredEvidenceType(file: { originalname: string; mimetype: string }): string {
  const declared = file.mimetype.split(';')[0].trim().toLowerCase();
  const rule = EVIDENCE_TYPES[declared];
  const allowed = 'PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT';
  if (!rule) throw DomainError.invalid('file', `files of type ${declared || 'unknown'} are not accepted; send ${allowed}`);
  const ext = (/\.([a-z0-9]{1,8})$/i.exec(file.originalname)?.[1] ?? '').toLowerCase();
  if (!rule.ext.includes(ext)) throw DomainError.invalid('file', `a ${declared} file must be named .${rule.ext.join(' or .')}`);
  return declared;
}

/**
 * Checks an upload against the allow-list: declared type, extension and
 * content must agree. Returns the type to store. Throws 400 naming `file`.
 */
export function checkEvidenceFile(file: { originalname: string; mimetype: string; buffer: Buffer }): string {
  const declared = checkDeclaredEvidenceType(file);
  if (file.buffer.length === 0) throw DomainError.invalid('file', 'the file is empty');
  if (!EVIDENCE_TYPES[declared].sniff(file.buffer)) throw DomainError.invalid('file', `the content of the file is not ${declared}`);
  return declared;
}
